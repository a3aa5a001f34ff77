// Sharing stock out among orders that arrive together. Pure: a reading (what pricing read for the orders' items,
// and what is left of each variant, deal and batch), the orders in arrival order and the clock's time go in;
// each order's share (priced and attributed, or refused with the error its buyer hears), the levels left and what
// is now used up come out. No database and no clock, so the rules are tested on their own (tests/unit) and the
// buy-now line (buy-now-line.server.ts) owns every side effect.
import type { Attribution } from "./attribution.server";
import type { ClaimedCoupon } from "../promotions/coupon-choice";
import { Conflict, SoldOut } from "../errors.server";
import type { PlaceOrderInput } from "./order-rows.server";
import { assertItemsShape, priceRows, type PricedCheckout, type PricingItem, type PricingRow } from "./pricing.server";

type Names = { titleZh: string; titleEn: string };
/** What is left of one variant (`variant:<id>`), deal (`deal:<id>`) or batch (`batch:<id>`). */
export type Level = { units: number; error: string; names: Names };

/** What a group is priced from, by item, and what is left to share out of each variant, deal and batch. */
export type Reading = {
  /** When it was read (ms), so the line knows when to stop trusting it. */
  at: number;
  rows: Map<string, PricingRow[]>;
  attribution: Map<string, Attribution[]>;
  /** Each buyer's usable coupon claims, by user id ("" for a guest, who has none). */
  claims: Map<string, ClaimedCoupon[]>;
  left: Map<string, Level>;
};

export const claimsKey = (userId: string | null) => userId ?? "";

export const rowsKey = (items: PricingItem[]) =>
  JSON.stringify(items.map((i) => [i.variantId, i.quantity, i.flashDealId ?? null]));
export const attributionKey = (items: PricingItem[]) =>
  JSON.stringify(items.map((i) => [i.variantId, i.flashDealId ?? null, i.showId ?? null, i.pinId ?? null]));

export type Share = { priced: PricedCheckout; attribution: Attribution[] } | { error: unknown };

export type SharedOut = {
  /** One per order, in the orders' order. */
  shares: Share[];
  /** The reading's levels less every share given. */
  left: Map<string, Level>;
  /** Every variant and deal with nothing left, and what its later buyers are told. */
  usedUp: { kind: "variant" | "deal"; id: string; error: SoldOut }[];
};

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

/**
 * What an order's lines need of each variant, deal and batch. A level the line has not met yet starts at what
 * pricing read, so the first share of a fresh reading counts from the database's figure.
 */
function wants(left: Map<string, Level>, priced: PricedCheckout) {
  return priced.lines.flatMap((line) => {
    const names = { titleZh: line.titleZh, titleEn: line.titleEn };
    const want = (key: string, units: number, error: string) => {
      if (!left.has(key)) left.set(key, { units, error, names });
      return { level: left.get(key)!, quantity: line.quantity };
    };
    return [
      ...(line.deal ? [want(`deal:${line.deal.id}`, line.deal.remaining, "checkout:error.dealSoldOut")] : []),
      want(`variant:${line.variantId}`, line.stock, "checkout:error.soldOut"),
      ...(line.batch ? [want(`batch:${line.batch.id}`, line.batch.remaining, "checkout:error.batchFull")] : []),
    ];
  });
}

function shareOne(
  reading: Reading,
  left: Map<string, Level>,
  usedClaims: Set<string>,
  input: PlaceOrderInput,
  now: Date,
): Share {
  try {
    assertItemsShape(input.items);
    // A claim one order of this group takes is not there for the next one.
    const claims = (reading.claims.get(claimsKey(input.userId)) ?? []).filter((c) => !usedClaims.has(c.claimId));
    const priced = priceRows(input.items, reading.rows.get(rowsKey(input.items))!, now, {
      claims,
      choice: input.coupon ?? undefined,
    });
    if (priced.couponRefused) throw new Conflict("checkout:error.couponNotUsable");
    if (input.quote && input.quote !== priced.quote) throw new Conflict("checkout:error.priceChanged");
    const needs = wants(left, priced);
    refuseProblems(priced);
    // Each order whole or not at all: one that does not fit takes nothing, and a smaller later one may still fit.
    const short = needs.find(({ level, quantity }) => level.units < quantity);
    if (short) throw new SoldOut(short.level.error, short.level.names);
    for (const { level, quantity } of needs) level.units -= quantity;
    if (priced.coupon) usedClaims.add(priced.coupon.claimId);
    return { priced, attribution: reading.attribution.get(attributionKey(input.items))! };
  } catch (error) {
    return { error };
  }
}

/**
 * Prices each order from the reading and gives it its holds from what is left, first come first served. The
 * reading must hold every order's rows and attribution (`hasRead`); it is not changed.
 */
export function shareOut(reading: Reading, orders: readonly PlaceOrderInput[], now: Date): SharedOut {
  const left = new Map([...reading.left].map(([key, level]) => [key, { ...level }]));
  const usedClaims = new Set<string>();
  const shares = orders.map((input) => shareOne(reading, left, usedClaims, input, now));
  const usedUp: SharedOut["usedUp"] = [];
  for (const [key, { units, error, names }] of left) {
    const [kind, id] = key.split(":") as ["variant" | "deal" | "batch", string];
    // A full batch is not remembered: pricing moves the next buyer on to the next open batch.
    if (units <= 0 && kind !== "batch") usedUp.push({ kind, id, error: new SoldOut(error, names) });
  }
  return { shares, left, usedUp };
}
