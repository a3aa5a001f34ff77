// The checkout form's rules, shared by the server (which enforces them) and the browser (which hints them).
import * as z from "zod";
import { MAINLAND_MOBILE, PROVINCE_NAMES } from "./provinces";

export const MAX_QUANTITY = 99;
export const NOTE_MAX = 200;

const text = (key: string, min: number, max: number) =>
  z.string(`checkout:error.${key}`).trim().min(min, `checkout:error.${key}`).max(max, `checkout:error.${key}`);

export const ContactSchema = z.object({
  contactName: text("contactName", 1, 30),
  phone: z.string("checkout:error.phone").trim().regex(MAINLAND_MOBILE, "checkout:error.phone"),
  email: z.email("checkout:error.email").max(200, "checkout:error.email").optional(),
  province: z.enum(PROVINCE_NAMES, "checkout:error.province"),
  city: text("city", 1, 30),
  district: text("district", 1, 30),
  street: text("street", 4, 120),
});

export const CheckoutSchema = ContactSchema.extend({
  quote: z.string().max(64).optional(),
  /** Drawn when the form is shown: the same form sent twice places one order. */
  submission: z.string().max(64).optional(),
  sheet: z.literal("1").optional(),
  /** The coupon claim chosen on the page ("none" for none); left out, the shopper's best applies. */
  coupon: z.string().trim().max(64).optional(),
});

const id = z.string().trim().min(1).max(64);

/** One item bought straight from a pinned card, without the cart. */
export const BuyNowSchema = z.object({
  variantId: id,
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY).default(1),
  showId: id.optional(),
  pinId: id.optional(),
  flashDealId: id.optional(),
});
