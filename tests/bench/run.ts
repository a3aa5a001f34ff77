// `npm run bench [-- <name> ...flags]`: runs the named benchmark, or all of them in turn.
import { runFlashSale } from "./flash-sale.ts";

const benches: Record<string, () => Promise<unknown>> = {
  "flash-sale": runFlashSale,
};

const wanted = process.argv.slice(2).filter((arg) => arg in benches);
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  console.log(`\n=== ${name} ===`);
  await benches[name]();
}
