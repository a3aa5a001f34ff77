// The coupon form's rules, shared by the server (which enforces them) and the browser (which hints them).
// Money is entered in yuan with up to two decimals and becomes integer fen here, once.
import * as z from "zod";

export const COUPON_MAX_TOTAL = 100_000;
export const COUPON_MAX_PER_SHOPPER = 10;
export const COUPON_MAX_VALID_HOURS = 24 * 90;
export const COUPON_MAX_CLAIM_DAYS = 90;

const yuan = (key: string) =>
  z
    .string(`promotions:error.${key}`)
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, `promotions:error.${key}`)
    .transform((value) => Math.round(Number(value) * 100));

const int = (key: string, min: number, max: number) =>
  z.coerce
    .number(`promotions:error.${key}`)
    .int(`promotions:error.${key}`)
    .min(min, `promotions:error.${key}`)
    .max(max, `promotions:error.${key}`);

const optionalId = z.string().trim().max(64).optional();

export const CouponSchema = z
  .object({
    kind: z.enum(["amount_off", "percent_off"], "promotions:error.kind"),
    scope: z.enum(["workshop", "product", "show"], "promotions:error.scope"),
    productId: optionalId,
    showId: optionalId,
    /** A market coupon's workshop (its scope "workshop"); a workshop's coupon is always its own. */
    workshopId: optionalId,
    threshold: yuan("threshold").default(0),
    amountOff: yuan("amountOff").optional(),
    percentOff: int("percentOff", 1, 99).optional(),
    cap: yuan("cap").optional(),
    total: int("total", 1, COUPON_MAX_TOTAL),
    perShopperLimit: int("perShopperLimit", 1, COUPON_MAX_PER_SHOPPER).default(1),
    claimDays: int("claimDays", 1, COUPON_MAX_CLAIM_DAYS).default(7),
    validHours: int("validHours", 1, COUPON_MAX_VALID_HOURS).default(72),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "amount_off" && !(value.amountOff && value.amountOff > 0))
      ctx.addIssue({ code: "custom", path: ["amountOff"], message: "promotions:error.amountOff" });
    if (value.kind === "percent_off" && !value.percentOff)
      ctx.addIssue({ code: "custom", path: ["percentOff"], message: "promotions:error.percentOff" });
    if (value.kind === "percent_off" && !(value.cap && value.cap > 0))
      ctx.addIssue({ code: "custom", path: ["cap"], message: "promotions:error.cap" });
    if (value.kind === "amount_off" && value.amountOff && value.threshold && value.amountOff >= value.threshold)
      ctx.addIssue({ code: "custom", path: ["amountOff"], message: "promotions:error.amountOverThreshold" });
    if (value.scope === "product" && !value.productId)
      ctx.addIssue({ code: "custom", path: ["productId"], message: "promotions:error.productId" });
    if (value.scope === "show" && !value.showId)
      ctx.addIssue({ code: "custom", path: ["showId"], message: "promotions:error.showId" });
  });

export type CouponForm = z.infer<typeof CouponSchema>;
