// One order as the rows the order statement writes (order, line snapshots, reservations, holds), and the
// buyer's view of it once placed.
import { randomBytes } from "node:crypto";
import type { Order } from "~/generated/prisma/client";
import type { Attribution } from "./attribution.server";
import { newId, newOrderNumber, type OrderRows } from "./order-statement.server";
import type { PayableOrder } from "../payments/provider.server";
import type { PricedCheckout, PricingItem } from "./pricing.server";

export const RESERVATION_MINUTES = 10;

export type ContactInput = {
  contactName: string;
  phone: string;
  email?: string | null;
  province: string;
  city: string;
  district: string;
  street: string;
};

export type PlaceOrderInput = {
  userId: string | null;
  items: PricingItem[];
  contact: ContactInput;
  paymentProvider: string;
  /** The fingerprint of the prices the buyer was shown; when it no longer matches, nothing is placed. */
  quote?: string | null;
  /** The checkout form's key: a second order from the same form is not placed; the first is answered again. */
  submissionKey?: string | null;
  /** The coupon claim the shopper chose ("none" for none); when not given, their best usable one applies. */
  coupon?: string | null;
  /** The cart the items came from: its lines go once the order holds their stock. */
  cartId?: string | null;
  holdMs?: number;
};

/** What the buyer's next step (paying) needs of an order just placed. */
export type PlacedOrder = PayableOrder & { status: string; paymentProvider: string; paymentRef: string | null };

/** The rows of one order, priced and attributed; `expiresAt` ends its holds. */
export function orderRows(
  input: PlaceOrderInput,
  priced: PricedCheckout,
  attribution: Attribution[],
  now: Date,
): OrderRows {
  const expiresAt = new Date(now.getTime() + (input.holdMs ?? RESERVATION_MINUTES * 60_000));
  const id = newId();
  const order: Order = {
    id,
    number: newOrderNumber(now),
    userId: input.userId,
    accessToken: randomBytes(24).toString("base64url"),
    status: "pending_payment",
    contactName: input.contact.contactName,
    phone: input.contact.phone,
    email: input.contact.email || null,
    province: input.contact.province,
    city: input.contact.city,
    district: input.contact.district,
    street: input.contact.street,
    subtotalFen: priced.subtotalFen,
    shippingFen: priced.shippingFen,
    discountFen: priced.discountFen,
    couponClaimId: priced.coupon?.claimId ?? null,
    totalFen: priced.totalFen,
    currency: "CNY",
    paymentProvider: input.paymentProvider,
    paymentRef: input.paymentProvider === "local" ? `local_${id}` : null,
    submissionKey: input.submissionKey ?? null,
    expiresAt,
    paidAt: null,
    cancelledAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const lines = priced.lines.map((line, index) => ({
    id: newId(),
    orderId: id,
    workshopId: line.workshopId,
    productId: line.productId,
    variantId: line.variantId,
    titleZh: line.titleZh,
    titleEn: line.titleEn,
    variantNameZh: line.variantNameZh,
    variantNameEn: line.variantNameEn,
    listPriceFen: line.listPriceFen,
    unitPriceFen: line.unitPriceFen,
    quantity: line.quantity,
    // What is paid for the line: the coupon's part of the discount is off it.
    lineTotalFen: line.paidFen,
    discountFen: line.discountFen,
    premiumRateBp: line.premiumRateBp,
    villageFundRateBp: line.villageFundRateBp,
    customisationNote: line.customisationNote,
    flashDealId: line.deal ? line.deal.id : null,
    batchId: line.batch?.id ?? null,
    ...attribution[index],
  }));
  const holds = priced.lines.map((line) => ({
    variantId: line.variantId,
    quantity: line.quantity,
    flashDealId: line.deal ? line.deal.id : null,
    batchId: line.batch?.id ?? null,
    titleZh: line.titleZh,
    titleEn: line.titleEn,
  }));
  const reservations = holds.map((hold) => ({
    id: newId(),
    orderId: id,
    variantId: hold.variantId,
    flashDealId: hold.flashDealId,
    batchId: hold.batchId,
    quantity: hold.quantity,
    expiresAt,
  }));
  return { order, lines, reservations, holds, claimId: priced.coupon?.claimId ?? null };
}

export function placedOrder({ order, lines }: OrderRows): PlacedOrder {
  return {
    ...order,
    lines: lines.map((line) => ({
      titleZh: line.titleZh,
      titleEn: line.titleEn,
      variantNameZh: line.variantNameZh,
      variantNameEn: line.variantNameEn,
      unitPriceFen: line.unitPriceFen,
      quantity: line.quantity,
    })),
  };
}
