// Broadcasting from the console to a phone through the default `embedded` engine: tests/helpers/broadcast-behaviour.
import { broadcastBehaviour } from "../helpers/broadcast-behaviour";

broadcastBehaviour("embedded");
