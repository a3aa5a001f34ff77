// WHIP/WHEP through the default `embedded` engine (werift in a child process): tests/helpers/whip-whep-behaviours.
import { whipWhepBehaviours } from "../helpers/whip-whep-behaviours";

whipWhepBehaviours("embedded");
