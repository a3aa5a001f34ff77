// Placing an order: price on the server, share the stock out, then ONE SQL statement (order-statement.server.ts)
// holds the stock and writes the order. Buy-nows wait in their variant's line (buy-now-line.server.ts), which
// places them in groups; a cart's checkout is placed on its own, through the same steps.
import { env } from "~/lib/env.server";
import { Gate } from "~/lib/gate";
import { singleton } from "~/lib/singleton.server";
import { placeInLine } from "./buy-now-line.server";
import { RESERVATION_MINUTES, type PlacedOrder, type PlaceOrderInput } from "./order-rows.server";
import { SubmittedBefore } from "./order-statement.server";
import { actOn, answerSubmittedBefore, writePlacings, type Outcome } from "./placing.server";
import { newReading, readFor } from "./reading.server";
import { shareOut } from "./share-out.server";
import { recalledSoldOut } from "./sold-out-memo.server";

export { RESERVATION_MINUTES };
export type { ContactInput, PlacedOrder, PlaceOrderInput } from "./order-rows.server";

// A flash sale sends thousands of orders at once. Letting them all price before any of them places would put
// every placement behind every read in the pool's queue; in turn, first come first served, they finish quickly.
// One gate per process, as there is one pool: two would let twice the pool's size in at once.
const placing = singleton("checkout:placing", () => new Gate(Math.max(2, env().DATABASE_POOL_SIZE)));

/** One order on its own: read, share out (it alone), write. */
function placeAlone(input: PlaceOrderInput): Promise<Outcome> {
  return new Promise((settle) => {
    const waiting = { input, settle };
    placing
      .run(async () => {
        const reading = newReading(Date.now());
        await readFor(reading, [input]);
        const now = new Date();
        const placings = actOn(reading, shareOut(reading, [input], now), [waiting], now);
        if (!placings.length) return;
        await writePlacings(placings, input.cartId ?? null).catch(async (error: unknown) => {
          if (!(error instanceof SubmittedBefore)) throw error;
          // The form's earlier order answers it; orders are never deleted, so one is always there to find.
          if ((await answerSubmittedBefore(placings)).length)
            throw new Error("A resent checkout's order was not found");
        });
      })
      .catch((error: unknown) => settle({ error }));
  });
}

export async function placeOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  // Buyers who arrive after the last unit hear "sold out" without queueing behind those still placing.
  const recalled = recalledSoldOut(input.items);
  if (recalled) throw recalled;
  const buyNow = input.items.length === 1 && !input.cartId;
  const outcome = await (buyNow ? placeInLine(input, placing) : placeAlone(input));
  if ("error" in outcome) throw outcome.error;
  return outcome.placed;
}
