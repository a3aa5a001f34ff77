// THE "payment succeeded" path, driven alike by the Stripe webhook and the local test page. In one
// transaction: the event is stored once by (provider, event id), the order becomes paid, its holds are
// consumed, one fulfilment order per workshop is created and every line's ledger entries are written.
// The order's row lock and status make a second delivery (or an event arriving out of order) change nothing.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { SoldOut } from "../errors.server";
import { createFulfilmentOrders } from "../fulfilment/fulfilment-orders.server";
import { writeSaleEntries, type LineForLedger } from "../ledger/ledger.server";
import { announceOrderUpdate, announcePaid, announceStock } from "../orders/order-events.server";
import { lockOrder, releaseHeld, toHolds, type LockedOrder } from "../checkout/reservations.server";
import { reserveStock, type StockLevels } from "../checkout/stock.server";
import { retakeClaim } from "../promotions/coupon-wallet.server";
import { oweRefund, owesRefund, settleOwedRefund } from "./owed-refunds.server";
import { insertEvent, type PaymentEventInput } from "./payment-event.server";

export { insertEvent, type PaymentEventInput } from "./payment-event.server";

type Tx = Prisma.TransactionClient;

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export async function isKnownEvent(provider: string, eventId: string): Promise<boolean> {
  return (await db.paymentEvent.count({ where: { provider, eventId } })) > 0;
}

/** Stores an event that changes nothing by itself (e.g. a payment attempt failed but may be retried). */
export async function recordPaymentEvent(event: PaymentEventInput): Promise<boolean> {
  return db.$transaction((tx) => insertEvent(tx, event));
}

type PaidLineRow = LineForLedger & {
  shipWithinHours: number | null;
  coldChain: boolean;
  perishable: boolean;
  preorder: boolean;
  readyDate: Date | null;
};

async function markPaid(tx: Tx, order: LockedOrder, paidAt: Date, paymentRef: string | null | undefined) {
  await tx.order.update({
    where: { id: order.id },
    data: { status: "paid", paidAt, cancelledAt: null, ...(paymentRef ? { paymentRef } : {}) },
  });
  // One query (a transaction's connection takes one at a time; an include would send several at once).
  const rows = await tx.$queryRaw<PaidLineRow[]>`
    SELECT l."id", l."workshopId", l."lineTotalFen", l."premiumRateBp", l."villageFundRateBp", l."hostCommissionBp", l."hostId",
      l."discountFen", cp."funder"::text AS "discountFunder",
      w."villageZh", w."shipWithinHours", w."coldChain", p."perishable", p."preorder", b."readyDate"
    FROM "OrderLine" l
    JOIN "Order" o ON o."id" = l."orderId"
    LEFT JOIN "CouponClaim" cc ON cc."id" = o."couponClaimId"
    LEFT JOIN "Coupon" cp ON cp."id" = cc."couponId"
    JOIN "Workshop" w ON w."id" = l."workshopId"
    JOIN "Product" p ON p."id" = l."productId"
    LEFT JOIN "Batch" b ON b."id" = l."batchId"
    WHERE l."orderId" = ${order.id}
    ORDER BY l."id"`;
  const lines = rows.map((row) => ({
    ...row,
    workshop: { villageZh: row.villageZh, shipWithinHours: row.shipWithinHours, coldChain: row.coldChain },
    product: { perishable: row.perishable, preorder: row.preorder },
    batch: row.readyDate ? { readyDate: row.readyDate } : null,
  }));
  const fulfilment = await createFulfilmentOrders(tx, order.id, lines, paidAt, order.shippingFen);
  await writeSaleEntries(tx, order.id, lines, fulfilment);
}

/** Paid after its hold lapsed: hold the stock again if it is still there (all of it, or none). */
async function reholdLapsed(tx: Tx, orderId: string): Promise<StockLevels | null> {
  const released = await tx.reservation.findMany({ where: { orderId, status: "released" } });
  const { couponClaimId } = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { couponClaimId: true },
  });
  await tx.$executeRawUnsafe("SAVEPOINT rehold");
  try {
    const levels = await reserveStock(tx, toHolds(released));
    // Its coupon claim was freed when it lapsed: used on another order since, this one cannot have it too.
    if (!(await retakeClaim(tx, orderId, couponClaimId))) throw new SoldOut();
    await tx.reservation.updateMany({ where: { orderId, status: "released" }, data: { status: "consumed" } });
    return levels;
  } catch (error) {
    if (!(error instanceof SoldOut)) throw error;
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT rehold");
    return null;
  }
}

export type PaymentSucceeded = PaymentEventInput & {
  orderId: string;
  /** What the provider says was paid; when given it must match the order's total, in CNY. */
  amountFen?: number | null;
  currency?: string | null;
  paymentRef?: string | null;
};

export type SettleOutcome =
  | "paid"
  | "duplicate"
  | "already-settled"
  | "already-refunded"
  | "amount-mismatch"
  | "unknown-order"
  | "refunded-late"
  | "refund-queued";

export async function settlePaymentSucceeded(input: PaymentSucceeded): Promise<SettleOutcome> {
  const paidAt = new Date();
  const result = await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!(await insertEvent(tx, { ...input, orderId: order?.id ?? null }))) return { outcome: "duplicate" as const };
    if (!order) return { outcome: "unknown-order" as const };
    const wrongAmount = input.amountFen != null && input.amountFen !== order.totalFen;
    if (wrongAmount || (input.currency && input.currency.toLowerCase() !== "cny"))
      return { outcome: "amount-mismatch" as const };
    // Refunded before this event came (the refund's event may arrive first): the money is back, nothing ships.
    if (order.status === "refunded") return { outcome: "already-refunded" as const };
    // Paid once already, whatever became of it since (a buyer's cancellation and refund leaves it cancelled).
    if ((order.status !== "pending_payment" && order.status !== "cancelled") || order.paidAt)
      return { outcome: "already-settled" as const };
    let levels: StockLevels | null = null;
    if (order.status === "cancelled") {
      if (await owesRefund(tx, order.id)) return { outcome: "refund-owed" as const };
      levels = await reholdLapsed(tx, order.id);
      if (!levels) {
        // The stock went to someone else while this buyer was paying: every fen goes back, and the debt is on
        // record with this event, so a failing refund is retried rather than forgotten.
        const paymentRef = input.paymentRef ?? order.paymentRef;
        await oweRefund(tx, order, paymentRef);
        if (paymentRef) await tx.order.update({ where: { id: order.id }, data: { paymentRef } });
        return { outcome: "refund-owed" as const };
      }
    } else {
      await tx.reservation.updateMany({ where: { orderId: order.id, status: "held" }, data: { status: "consumed" } });
    }
    await markPaid(tx, order, paidAt, input.paymentRef);
    return { outcome: "paid" as const, levels };
  }, TX_OPTIONS);

  if (result.outcome === "paid") {
    if (result.levels) await announceStock(result.levels);
    await announcePaid(input.orderId);
  }
  if (result.outcome === "refund-owed") return settleOwedRefund(input.orderId);
  if (result.outcome === "amount-mismatch")
    console.error(`Payment ${input.eventId} does not match order ${input.orderId}: left for review`);
  return result.outcome;
}

/** A failed, cancelled or expired payment. With `cancel`, an unpaid order is cancelled and its stock freed. */
export async function recordPaymentFailure(input: PaymentEventInput & { orderId: string; cancel: boolean }) {
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!(await insertEvent(tx, { ...input, orderId: order?.id ?? null }))) return { outcome: "duplicate" as const };
    if (!order || !input.cancel || order.status !== "pending_payment") return { outcome: "recorded" as const };
    const levels = await releaseHeld(tx, order.id);
    await tx.order.update({ where: { id: order.id }, data: { status: "cancelled", cancelledAt: now } });
    return { outcome: "cancelled" as const, levels };
  }, TX_OPTIONS);
  if (result.outcome === "cancelled") {
    if (result.levels) await announceStock(result.levels);
    announceOrderUpdate(input.orderId, "cancelled");
  }
  return result.outcome;
}
