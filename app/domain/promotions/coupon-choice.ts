// Which of a shopper's claimed coupons an order uses: each usable one is valued against the lines it applies to,
// the best is taken unless the shopper chose another (or none), and its discount is spread over those lines.
// Pure and client-safe: pricing (on the server) is its only caller that decides money.
import { allocateLine } from "../ledger/allocation";
import { couponValueFen, remainderLine, spreadDiscount, type CouponTerms } from "./coupon-discount";

export type CouponFunder = "workshop" | "market";
export type CouponScope = "workshop" | "product" | "show";

/** A coupon as a claim of it carries it to checkout. */
export type ClaimedCoupon = CouponTerms & {
  claimId: string;
  couponId: string;
  funder: CouponFunder;
  scope: CouponScope;
  workshopId: string | null;
  productId: string | null;
  showId: string | null;
  expiresAt: Date;
};

export type CouponLine = {
  key: string;
  workshopId: string;
  productId: string;
  showId: string | null;
  /** The line before any discount. */
  lineTotalFen: number;
  premiumRateBp: number;
  villageFundRateBp: number;
};

/** "none": the shopper chose no coupon; a claim id: that one; undefined: the best. */
export type CouponChoice = string | undefined;
export const NO_COUPON = "none";

export type CouponOption = {
  claimId: string;
  couponId: string;
  funder: CouponFunder;
  terms: CouponTerms;
  expiresAt: Date;
  discountFen: number;
  /** Why it cannot be used on these goods, else null. */
  problem: "notApplicable" | "belowThreshold" | "expired" | "workshopCannotCarry" | null;
};

export type AppliedCoupon = {
  claimId: string;
  couponId: string;
  funder: CouponFunder;
  discountFen: number;
  /** Each line's part of the discount, by line key. */
  byLine: Map<string, number>;
};

export function appliesTo(coupon: Omit<ClaimedCoupon, keyof CouponTerms | "claimId" | "expiresAt">, line: CouponLine) {
  if (coupon.workshopId && line.workshopId !== coupon.workshopId) return false;
  if (coupon.scope === "product") return line.productId === coupon.productId;
  if (coupon.scope === "show") return line.showId === coupon.showId;
  return true;
}

/** What of a line the workshop keeps before any discount, i.e. the most a workshop coupon can take from it. */
export function workshopShareFen(
  line: Pick<CouponLine, "lineTotalFen" | "premiumRateBp" | "villageFundRateBp">,
  hostCommissionBp = 0,
) {
  return allocateLine({
    lineTotalFen: line.lineTotalFen,
    premiumRateBp: line.premiumRateBp,
    villageFundRateBp: line.villageFundRateBp,
    hostCommissionBp,
  }).workshop;
}

function evaluate(
  claim: ClaimedCoupon,
  lines: CouponLine[],
  now: Date,
): { option: CouponOption; byLine: Map<string, number> } {
  const base = {
    claimId: claim.claimId,
    couponId: claim.couponId,
    funder: claim.funder,
    terms: claim,
    expiresAt: claim.expiresAt,
  };
  const none = (problem: CouponOption["problem"]) => ({
    option: { ...base, discountFen: 0, problem },
    byLine: new Map(),
  });
  if (claim.expiresAt <= now) return none("expired");
  const eligible = lines
    .filter((line) => appliesTo(claim, line))
    .map((l) => ({ key: l.key, amountFen: l.lineTotalFen }));
  if (!eligible.length) return none("notApplicable");
  const eligibleFen = eligible.reduce((sum, l) => sum + l.amountFen, 0);
  const discountFen = couponValueFen(claim, eligibleFen);
  if (discountFen === 0) return none("belowThreshold");
  const byLine = spreadDiscount(eligible, discountFen, remainderLine(eligible));
  if (claim.funder === "workshop") {
    const carried = lines.every((line) => (byLine.get(line.key) ?? 0) <= workshopShareFen(line));
    if (!carried) return none("workshopCannotCarry");
  }
  return { option: { ...base, discountFen, problem: null }, byLine };
}

/**
 * Values every claim against the lines and picks the one the order uses: the chosen claim if it is usable, else
 * (no choice) the largest discount, the sooner-expiring first among equals. `options` lists them all, best first.
 */
export function chooseCoupon(
  claims: ClaimedCoupon[],
  lines: CouponLine[],
  choice: CouponChoice,
  now: Date,
): { options: CouponOption[]; applied: AppliedCoupon | null; choiceRefused: boolean } {
  const valued = claims.map((claim) => evaluate(claim, lines, now));
  valued.sort(
    (a, b) =>
      Number(a.option.problem !== null) - Number(b.option.problem !== null) ||
      b.option.discountFen - a.option.discountFen ||
      a.option.expiresAt.getTime() - b.option.expiresAt.getTime() ||
      a.option.claimId.localeCompare(b.option.claimId),
  );
  const options = valued.map((v) => v.option);
  if (choice === NO_COUPON) return { options, applied: null, choiceRefused: false };
  const pick = choice ? valued.find((v) => v.option.claimId === choice) : valued[0];
  if (!pick || pick.option.problem) return { options, applied: null, choiceRefused: Boolean(choice) };
  const { claimId, couponId, funder, discountFen } = pick.option;
  return { options, applied: { claimId, couponId, funder, discountFen, byLine: pick.byLine }, choiceRefused: false };
}
