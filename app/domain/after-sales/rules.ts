// The after-sales rules shoppers in China expect, in one client-safe place: which goods may go back without a
// reason (七天无理由退货), which are exempt (perishables, made-to-order), how long a perishable damage claim
// stays open (坏果包赔) and how long each side has to answer. The product page, checkout and the request form
// show these; the domain applies them.

export const AFTER_SALES_KINDS = ["refund_only", "return_and_refund"] as const;
export type AfterSalesKind = (typeof AFTER_SALES_KINDS)[number];

export const AFTER_SALES_REASONS = [
  "no_reason",
  "damaged",
  "quality",
  "wrong_item",
  "missing",
  "not_as_described",
] as const;
export type AfterSalesReason = (typeof AFTER_SALES_REASONS)[number];

export const AFTER_SALES_STATUSES = [
  "requested",
  "approved",
  "partially_approved",
  "awaiting_return",
  "returned",
  "refunded",
  "refused",
  "escalated",
] as const;
export type AfterSalesStatus = (typeof AFTER_SALES_STATUSES)[number];

/** Closed requests: a parcel may have a new one once its last one is one of these. */
export const CLOSED_STATUSES: readonly AfterSalesStatus[] = ["refunded", "refused"];
/** The workshop (or, once escalated, the admin) must answer these. */
export const AWAITING_ANSWER: readonly AfterSalesStatus[] = ["requested", "returned", "escalated"];

const HOUR = 3_600_000;
/** 七天无理由退货: seven days from delivery. */
export const NO_REASON_DAYS = 7;
/** 坏果包赔: a perishable's damage or quality claim, with a photo, within 48 hours of delivery. */
export const PERISHABLE_CLAIM_HOURS = 48;
/** Other goods' damage, quality or wrong-goods claims. */
export const CLAIM_DAYS = 15;
/** The workshop answers a request (or a returned parcel) within this; after it the admin steps in. */
export const ANSWER_HOURS = 48;
/** The buyer sends the goods back within this once asked. */
export const RETURN_DAYS = 7;

export const MAX_PHOTOS = 3;

/** What the shopper is told before buying, and what the request form applies. */
export type ReturnPolicy = "seven_days" | "perishable" | "custom";

export function returnPolicyOf(product: { perishable: boolean; customisable: boolean }): ReturnPolicy {
  if (product.perishable) return "perishable";
  if (product.customisable) return "custom";
  return "seven_days";
}

/** A claim about the goods' state rather than the buyer's change of mind. */
export const isDamageClaim = (reason: AfterSalesReason) => reason === "damaged" || reason === "quality";

export type ClaimedLine = {
  policy: ReturnPolicy;
  /** A customisation note made this line to order, whatever the product allows in general. */
  madeToOrder: boolean;
};

export type ClaimCheck = {
  kind: AfterSalesKind;
  reason: AfterSalesReason;
  photos: number;
  lines: ClaimedLine[];
  /** When the parcel was delivered; null while it is still on its way. */
  deliveredAt: Date | null;
  now: Date;
};

/** The message key of the first rule the claim breaks, or null when it may be opened. */
export function claimRefusal(claim: ClaimCheck): string | null {
  const since = claim.deliveredAt ? claim.now.getTime() - claim.deliveredAt.getTime() : 0;
  if (claim.reason === "no_reason") {
    if (claim.lines.some((line) => line.policy === "perishable")) return "aftersales:error.perishableNoReason";
    if (claim.lines.some((line) => line.policy === "custom" || line.madeToOrder))
      return "aftersales:error.customNoReason";
    if (claim.kind !== "return_and_refund") return "aftersales:error.noReasonReturns";
    if (since > NO_REASON_DAYS * 24 * HOUR) return "aftersales:error.noReasonLate";
    return null;
  }
  const perishable = claim.lines.some((line) => line.policy === "perishable");
  if (perishable && isDamageClaim(claim.reason)) {
    if (since > PERISHABLE_CLAIM_HOURS * HOUR) return "aftersales:error.perishableLate";
    if (claim.photos === 0) return "aftersales:error.photoRequired";
    return null;
  }
  if (since > CLAIM_DAYS * 24 * HOUR) return "aftersales:error.claimLate";
  return null;
}

/**
 * Splits an amount over lines in proportion to their weights (largest remainder), never giving a line more
 * than its weight: the parts sum exactly to the amount when it is at most the weights' sum.
 */
export function splitAmount(amountFen: number, weights: number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return weights.map(() => 0);
  const amount = Math.min(amountFen, total);
  const exact = weights.map((w) => (amount * w) / total);
  const parts = exact.map((x) => Math.floor(x));
  let left = amount - parts.reduce((sum, p) => sum + p, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (left === 0) break;
    if (parts[i] < weights[i]) {
      parts[i] += 1;
      left -= 1;
    }
  }
  return parts;
}

/** What `quantity` of a line of `lineQuantity` units is worth of the line's charged total. */
export const valueOfUnits = (lineTotalFen: number, lineQuantity: number, quantity: number) =>
  quantity >= lineQuantity ? lineTotalFen : Math.floor((lineTotalFen * quantity) / lineQuantity);
