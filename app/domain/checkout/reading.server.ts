// Reading what a share-out needs (share-out.server.ts): each order's pricing rows and attribution, each distinct
// thing once. The levels start empty: the share-out fills them from the rows the first time it meets them.
import { resolveAttribution } from "./attribution.server";
import type { PlaceOrderInput } from "./order-rows.server";
import { loadPricingRows, type PricingItem } from "./pricing.server";
import { usableClaimsOf } from "../promotions/coupon-wallet.server";
import { attributionKey, claimsKey, rowsKey, type Reading } from "./share-out.server";

export const newReading = (at: number): Reading => ({
  at,
  rows: new Map(),
  attribution: new Map(),
  claims: new Map(),
  left: new Map(),
});

/** Whether the reading already holds what these orders are priced from. */
export function hasRead(reading: Reading, inputs: PlaceOrderInput[]): boolean {
  return inputs.every(
    ({ items, userId }) =>
      reading.rows.has(rowsKey(items)) &&
      reading.attribution.has(attributionKey(items)) &&
      reading.claims.has(claimsKey(userId)),
  );
}

/** Reads what the reading lacks for these orders: each distinct thing once, in a few queries. */
export async function readFor(reading: Reading, inputs: PlaceOrderInput[]): Promise<void> {
  const rows = new Map<string, PricingItem[]>();
  const attribution = new Map<string, PricingItem[]>();
  const users = new Set<string>();
  for (const { items, userId } of inputs) {
    if (!reading.claims.has(claimsKey(userId))) users.add(claimsKey(userId));
    if (!reading.rows.has(rowsKey(items))) rows.set(rowsKey(items), items);
    if (!reading.attribution.has(attributionKey(items))) attribution.set(attributionKey(items), items);
  }
  const [rowValues, attributionValues, claimValues] = await Promise.all([
    Promise.all([...rows.values()].map(loadPricingRows)),
    Promise.all([...attribution.values()].map(resolveAttribution)),
    // Every buyer's claims in one query (a guest, "", has none).
    usableClaimsOf([...users].filter(Boolean)),
  ]);
  for (const user of users) reading.claims.set(user, claimValues.get(user) ?? []);
  [...rows.keys()].forEach((key, i) => reading.rows.set(key, rowValues[i]));
  [...attribution.keys()].forEach((key, i) => reading.attribution.set(key, attributionValues[i]));
}
