// Sharing stock out among orders that arrive together. A reading holds what pricing read for their items (terms
// and levels); orders are priced from it and given their holds, in arrival order, from what is left, and those
// that do not fit are refused at once. The orders given holds are then written by one statement. The reading's
// levels are taken down as holds are given, so the next group can be shared out before the last one's statement
// has returned; if anything else took stock meanwhile, a statement refuses itself and the reading is read again.
import { jobs, JOB } from "~/lib/jobs.server";
import { resolveAttribution, type Attribution } from "./attribution.server";
import { Conflict, SoldOut } from "../errors.server";
import { announceStock } from "../orders/order-events.server";
import { orderRows, placedOrder, type PlacedOrder, type PlaceOrderInput } from "./order-rows.server";
import { writeOrders, type OrderRows } from "./order-statement.server";
import { ordersPlacedFrom } from "../orders/orders.server";
import {
  assertItemsShape,
  loadPricingRows,
  priceRows,
  type PricedCheckout,
  type PricingItem,
  type PricingRow,
} from "./pricing.server";
import { rememberSoldOut } from "./sold-out-memo.server";
import type { StockLevels } from "./stock.server";

export type Outcome = { placed: PlacedOrder } | { error: unknown };
export type Waiting = { input: PlaceOrderInput; settle: (outcome: Outcome) => void };

type Names = { titleZh: string; titleEn: string };
type Level = { units: number; error: string; names: Names };

/** What a group is priced from, by item, and what is left to share out of each variant, deal and batch. */
export type Reading = {
  at: number;
  rows: Map<string, PricingRow[]>;
  attribution: Map<string, Attribution[]>;
  left: Map<string, Level>;
};

export const newReading = (): Reading => ({ at: Date.now(), rows: new Map(), attribution: new Map(), left: new Map() });

const rowsKey = (items: PricingItem[]) =>
  JSON.stringify(items.map((i) => [i.variantId, i.quantity, i.flashDealId ?? null]));
const attributionKey = (items: PricingItem[]) =>
  JSON.stringify(items.map((i) => [i.variantId, i.flashDealId ?? null, i.showId ?? null, i.pinId ?? null]));

/** Whether the reading already holds what these orders are priced from. */
export function hasRead(reading: Reading, inputs: PlaceOrderInput[]): boolean {
  return inputs.every(
    ({ items }) => reading.rows.has(rowsKey(items)) && reading.attribution.has(attributionKey(items)),
  );
}

/** Reads what the reading lacks for these orders: each distinct thing once, in two queries at most. */
export async function readFor(reading: Reading, inputs: PlaceOrderInput[]): Promise<void> {
  const rows = new Map<string, PricingItem[]>();
  const attribution = new Map<string, PricingItem[]>();
  for (const { items } of inputs) {
    if (!reading.rows.has(rowsKey(items))) rows.set(rowsKey(items), items);
    if (!reading.attribution.has(attributionKey(items))) attribution.set(attributionKey(items), items);
  }
  const [rowValues, attributionValues] = await Promise.all([
    Promise.all([...rows.values()].map(loadPricingRows)),
    Promise.all([...attribution.values()].map(resolveAttribution)),
  ]);
  [...rows.keys()].forEach((key, i) => reading.rows.set(key, rowValues[i]));
  [...attribution.keys()].forEach((key, i) => reading.attribution.set(key, attributionValues[i]));
}

function refuseProblems(priced: PricedCheckout) {
  for (const line of priced.lines) {
    const names = { titleZh: line.titleZh, titleEn: line.titleEn };
    if (line.problem === "soldOut") throw new SoldOut("checkout:error.soldOut", names);
    if (line.problem === "dealSoldOut") throw new SoldOut("checkout:error.dealSoldOut", names);
    if (line.problem === "batchFull") throw new SoldOut("checkout:error.batchFull", names);
    if (line.problem === "dealEnded") throw new Conflict("checkout:error.dealEnded", names);
    if (line.problem === "unavailable") throw new Conflict("checkout:error.unavailable", names);
  }
}

/** What an order's lines need of each variant, deal and batch, first seen at the levels pricing read. */
function wants(reading: Reading, priced: PricedCheckout) {
  return priced.lines.flatMap((line) => {
    const names = { titleZh: line.titleZh, titleEn: line.titleEn };
    const want = (key: string, units: number, error: string) => {
      if (!reading.left.has(key)) reading.left.set(key, { units, error, names });
      return { level: reading.left.get(key)!, quantity: line.quantity };
    };
    return [
      ...(line.deal ? [want(`deal:${line.deal.id}`, line.deal.remaining, "checkout:error.dealSoldOut")] : []),
      want(`variant:${line.variantId}`, line.stock, "checkout:error.soldOut"),
      ...(line.batch ? [want(`batch:${line.batch.id}`, line.batch.remaining, "checkout:error.batchFull")] : []),
    ];
  });
}

/** Remembers every variant and deal the reading has none left of, so later buyers hear it without a query. */
function rememberUsedUp(reading: Reading) {
  for (const [key, { units, error, names }] of reading.left) {
    const [kind, id] = key.split(":") as ["variant" | "deal" | "batch", string];
    if (units <= 0 && kind !== "batch") rememberSoldOut(kind, id, new SoldOut(error, names));
  }
}

export type Share = { waiting: Waiting; rows: OrderRows }[];

/**
 * Prices each order from the reading and gives it its holds from what is left, in order; settles at once every
 * order that cannot have them. Returns the orders to write.
 */
export function shareOut(reading: Reading, group: Waiting[]): Share {
  const now = new Date();
  const share: Share = [];
  for (const waiting of group) {
    try {
      const { input } = waiting;
      assertItemsShape(input.items);
      const priced = priceRows(input.items, reading.rows.get(rowsKey(input.items))!, now);
      if (input.quote && input.quote !== priced.quote) throw new Conflict("checkout:error.priceChanged");
      const needs = wants(reading, priced);
      refuseProblems(priced);
      const short = needs.find(({ level, quantity }) => level.units < quantity);
      if (short) throw new SoldOut(short.level.error, short.level.names);
      for (const { level, quantity } of needs) level.units -= quantity;
      const attribution = reading.attribution.get(attributionKey(input.items))!;
      share.push({ waiting, rows: orderRows(input, priced, attribution, now) });
    } catch (error) {
      waiting.settle({ error });
    }
  }
  rememberUsedUp(reading);
  return share;
}

/**
 * Writes the orders of a share with one statement and settles them. Throws what the statement threw (among it
 * LevelsMoved) with nobody settled, so the caller can share them out again. Returns the levels it left.
 */
export async function writeShare(share: Share, cartId: string | null = null): Promise<StockLevels> {
  const levels = await writeOrders(
    share.map((s) => s.rows),
    cartId,
  );
  for (const { waiting, rows } of share) waiting.settle({ placed: placedOrder(rows) });
  // Each hold lapses on time through its own job, queued for the whole group once the buyers have their answer;
  // should queueing fail, the minute's sweep still lets the holds lapse.
  void jobs
    .send(
      JOB.reservationExpiry,
      share.map(({ rows: { order } }) => ({
        data: { orderId: order.id },
        startAfter: order.expiresAt as Date,
        singletonKey: order.id,
      })),
    )
    .catch((error: unknown) => console.warn("Could not queue reservation expiries:", error));
  // Viewers hear the new stock level once for the whole group.
  void announceStock(levels).catch((error: unknown) => console.warn("Could not announce stock:", error));
  return levels;
}

/**
 * Answers each order of the share whose checkout form already placed one with that earlier order (the buyer sent
 * the form again after its answer was lost on the way); returns the others, to be shared out again.
 */
export async function answerSubmittedBefore(share: Share): Promise<Waiting[]> {
  const keyOf = (waiting: Waiting) => waiting.input.submissionKey ?? null;
  const earlier = await ordersPlacedFrom(share.flatMap(({ waiting }) => keyOf(waiting) ?? []));
  const rest: Waiting[] = [];
  for (const { waiting } of share) {
    const order = earlier.find((o) => o.submissionKey !== null && o.submissionKey === keyOf(waiting));
    if (order) waiting.settle({ placed: order });
    else rest.push(waiting);
  }
  return rest;
}
