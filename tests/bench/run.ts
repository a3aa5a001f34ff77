// `npm run bench [-- <name> ...flags]`: runs the named benchmarks, or all of them in turn; each measures
// a baseline in the same run and prints its figures as ratios to it. Not part of `npm test`.
import { runCouponClaim } from "./coupon-claim.ts";
import { runFlashSale } from "./flash-sale.ts";
import { runGlassToGlass } from "./glass-to-glass.ts";
import { measureJs } from "./js-size.ts";
import { runLiveRoom } from "./live-room.ts";
import { runWeakNetwork } from "./weak-network.ts";
import { runSettlementBench } from "./settlement-run.ts";

const benches: Record<string, () => Promise<unknown>> = {
  "js-size": measureJs,
  "live-room": runLiveRoom,
  "flash-sale": runFlashSale,
  "coupon-claim": runCouponClaim,
  "weak-network": runWeakNetwork,
  "glass-to-glass": runGlassToGlass,
  "settlement-run": runSettlementBench,
};

const wanted = process.argv.slice(2).filter((arg) => arg in benches);
try {
  for (const name of wanted.length ? wanted : Object.keys(benches)) {
    console.log(`\n=== ${name} ===`);
    await benches[name]();
  }
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
