// The side effects around a share-out (share-out.server.ts): telling the refused, remembering what ran out,
// making the rows of the orders given holds, writing them with one statement (order-statement.server.ts) and
// telling their buyers. Used by the buy-now line and by a cart's checkout alike, so both answer the same way.
import { jobs, JOB } from "~/lib/jobs.server";
import { announceStock } from "../orders/order-events.server";
import { ordersPlacedFrom } from "../orders/orders.server";
import { orderRows, placedOrder, type PlacedOrder, type PlaceOrderInput } from "./order-rows.server";
import { writeOrders, type OrderRows } from "./order-statement.server";
import type { Reading, SharedOut } from "./share-out.server";
import { rememberSoldOut } from "./sold-out-memo.server";
import type { StockLevels } from "./stock.server";

export type Outcome = { placed: PlacedOrder } | { error: unknown };
export type Waiting = { input: PlaceOrderInput; settle: (outcome: Outcome) => void };
/** An order given its holds, as rows to write, and who waits for it. */
export type Placing = { waiting: Waiting; rows: OrderRows };

/**
 * Acts on a share-out of `waiting` (in the same order): the reading keeps the levels left, buyers refused hear
 * it at once, what ran out is remembered for later buyers, and the rest become rows to write.
 */
export function actOn(reading: Reading, shared: SharedOut, waiting: Waiting[], now: Date): Placing[] {
  reading.left = shared.left;
  for (const { kind, id, error } of shared.usedUp) rememberSoldOut(kind, id, error);
  return waiting.flatMap((w, i) => {
    const share = shared.shares[i];
    if ("error" in share) {
      w.settle({ error: share.error });
      return [];
    }
    return [{ waiting: w, rows: orderRows(w.input, share.priced, share.attribution, now) }];
  });
}

/**
 * Writes the orders with one statement and settles them. Throws what the statement threw (among it LevelsMoved)
 * with nobody settled, so the caller can share them out again. Returns the levels it left.
 */
export async function writePlacings(placings: Placing[], cartId: string | null = null): Promise<StockLevels> {
  const levels = await writeOrders(
    placings.map((p) => p.rows),
    cartId,
  );
  for (const { waiting, rows } of placings) waiting.settle({ placed: placedOrder(rows) });
  // Each hold lapses on time through its own job, queued for the whole group once the buyers have their answer;
  // should queueing fail, the minute's sweep still lets the holds lapse.
  void jobs
    .send(
      JOB.reservationExpiry,
      placings.map(({ rows: { order } }) => ({
        data: { orderId: order.id },
        startAfter: order.expiresAt,
        singletonKey: order.id,
      })),
    )
    .catch((error: unknown) => console.warn("Could not queue reservation expiries:", error));
  // Viewers hear the new stock level once for the whole group.
  void announceStock(levels).catch((error: unknown) => console.warn("Could not announce stock:", error));
  return levels;
}

/**
 * Answers each order whose checkout form already placed one with that earlier order (the buyer sent the form
 * again after its answer was lost on the way); returns the others, to be shared out again.
 */
export async function answerSubmittedBefore(placings: Placing[]): Promise<Waiting[]> {
  const keyOf = (waiting: Waiting) => waiting.input.submissionKey ?? null;
  const earlier = await ordersPlacedFrom(placings.flatMap(({ waiting }) => keyOf(waiting) ?? []));
  const rest: Waiting[] = [];
  for (const { waiting } of placings) {
    const order = earlier.find((o) => o.submissionKey !== null && o.submissionKey === keyOf(waiting));
    if (order) waiting.settle({ placed: order });
    else rest.push(waiting);
  }
  return rest;
}
