// Broadcasting from the console to a phone through the `janus` engine (a private Debian Janus 1.1.2): the room's
// player takes Janus's offer and PATCHes its answer. Janus missing fails this loudly; it is never skipped.
import { broadcastBehaviour } from "../helpers/broadcast-behaviour";

broadcastBehaviour("janus");
