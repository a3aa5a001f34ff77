// What a coupon takes off, and THE one function that spreads a discount over the lines it applies to (to the fen,
// the remainder to a named line). Pure and client-safe, so the cart, the sheet and the ledger agree to the fen.

const BP = 10_000;

export type CouponTerms = {
  kind: "amount_off" | "percent_off";
  thresholdFen: number;
  amountOffFen: number | null;
  percentOffBp: number | null;
  capFen: number | null;
};

/** What the coupon takes off goods coming to `eligibleFen` (0 below its threshold); never more than the goods. */
export function couponValueFen(terms: CouponTerms, eligibleFen: number): number {
  if (eligibleFen <= 0 || eligibleFen < terms.thresholdFen) return 0;
  const off =
    terms.kind === "amount_off"
      ? (terms.amountOffFen ?? 0)
      : Math.min(Math.floor((eligibleFen * (terms.percentOffBp ?? 0)) / BP), terms.capFen ?? 0);
  return Math.max(0, Math.min(off, eligibleFen));
}

export type DiscountLine = { key: string; amountFen: number };

/**
 * Spreads `discountFen` over the lines in proportion to their amounts, each rounded down, and gives what the
 * rounding left to the line named `remainderTo` (or, when that line cannot take it all, to the next lines in
 * order). Every line's part is between 0 and its amount, and the parts sum exactly to the discount.
 */
export function spreadDiscount(lines: DiscountLine[], discountFen: number, remainderTo: string): Map<string, number> {
  const total = lines.reduce((sum, line) => sum + line.amountFen, 0);
  for (const line of lines)
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen < 0) throw new RangeError("amountFen must be fen");
  if (!Number.isSafeInteger(discountFen) || discountFen < 0 || discountFen > total)
    throw new RangeError("discountFen must be fen within the lines' total");
  const parts = new Map(
    lines.map((line) => [line.key, total ? Math.floor((line.amountFen * discountFen) / total) : 0]),
  );
  let left = discountFen - [...parts.values()].reduce((sum, fen) => sum + fen, 0);
  const named = lines.findIndex((line) => line.key === remainderTo);
  const order = named < 0 ? lines : [lines[named], ...lines.filter((_, i) => i !== named)];
  for (const line of order) {
    if (left === 0) break;
    const room = line.amountFen - parts.get(line.key)!;
    const more = Math.min(room, left);
    parts.set(line.key, parts.get(line.key)! + more);
    left -= more;
  }
  return parts;
}

/** The line the remainder goes to: the largest (the first of equals), so the fen lands where it matters least. */
export function remainderLine(lines: DiscountLine[]): string {
  return lines.reduce((best, line) => (line.amountFen > best.amountFen ? line : best), lines[0]).key;
}
