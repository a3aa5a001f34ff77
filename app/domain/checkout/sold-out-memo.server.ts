// A short memory of what just sold out in this process, so that in a flash sale the thousands of buyers who
// arrive after the last unit hear "sold out" at once instead of each asking the database. It can only say
// "sold out" for a moment (MEMO_MS) after the database itself said so; it never lets anything be sold, and
// stock given back in this process clears it straight away (another process's return shows within MEMO_MS).
import { singleton } from "~/lib/singleton.server";
import type { SoldOut } from "../errors.server";

export const MEMO_MS = 500;

// The error itself is kept and handed out again: building one per late buyer (a stack trace each) was a
// measurable part of answering a flash sale's crowd.
type Entry = { until: number; error: SoldOut };

const memo = singleton("checkout:sold-out-memo", () => new Map<string, Entry>());

const key = (kind: "variant" | "deal", id: string) => `${kind}:${id}`;

/** Remembers that nothing is left of a variant (or a deal's allowance), as the database just reported. */
export function rememberSoldOut(kind: "variant" | "deal", id: string, error: SoldOut) {
  memo.set(key(kind, id), { until: Date.now() + MEMO_MS, error });
}

/** The remembered SoldOut for any of these items, if one is fresh. */
export function recalledSoldOut(items: { variantId: string; flashDealId?: string | null }[]): SoldOut | null {
  const now = Date.now();
  for (const item of items) {
    for (const entry of [
      memo.get(key("variant", item.variantId)),
      item.flashDealId ? memo.get(key("deal", item.flashDealId)) : undefined,
    ]) {
      if (entry && entry.until > now) return entry.error;
    }
  }
  return null;
}

/** Stock came back: forget what was remembered about it. */
export function forgetSoldOut(variantIds: Iterable<string>, dealIds: Iterable<string>) {
  for (const id of variantIds) memo.delete(key("variant", id));
  for (const id of dealIds) memo.delete(key("deal", id));
}
