// WHIP/WHEP through the `janus` engine (a private Debian Janus 1.1.2, driven by janode): the same behaviours as
// whip-whep.test.ts, in WHEP's "server offers" mode. Janus missing fails these loudly; it is never skipped.
import { whipWhepBehaviours } from "../helpers/whip-whep-behaviours";

whipWhepBehaviours("janus");
