// Holds on stock for unpaid orders: released when the order lapses (a queued job, and a periodic sweep in
// case a job is lost), when its payment fails, or when the buyer cancels before paying.
import type { OrderStatus, Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { announceOrderUpdate, announceStock } from "../orders/order-events.server";
import { providerFor } from "../payments/provider.server";
import { freeClaimOf } from "../promotions/coupon-wallet.server";
import { returnStock, type Hold, type StockLevels } from "./stock.server";

type Tx = Prisma.TransactionClient;

export type LockedOrder = {
  id: string;
  status: OrderStatus;
  expiresAt: Date;
  totalFen: number;
  shippingFen: number;
  paymentProvider: string;
  paymentRef: string | null;
  paidAt: Date | null;
};

/** Locks the order's row for the rest of the transaction, so every change to one order happens in turn. */
export async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | null> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT "id", "status", "expiresAt", "totalFen", "shippingFen", "paymentProvider", "paymentRef", "paidAt" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  return rows[0] ?? null;
}

export function toHolds(
  rows: { variantId: string; quantity: number; flashDealId: string | null; batchId: string | null }[],
): Hold[] {
  return rows.map((row) => ({ ...row, titleZh: "", titleEn: "" }));
}

/** Gives back whatever the unpaid order still holds (stock, and its coupon claim) and marks those holds released. */
export async function releaseHeld(tx: Tx, orderId: string): Promise<StockLevels | null> {
  await freeClaimOf(tx, orderId);
  const held = await tx.reservation.findMany({ where: { orderId, status: "held" } });
  if (held.length === 0) return null;
  await tx.reservation.updateMany({ where: { orderId, status: "held" }, data: { status: "released" } });
  return returnStock(tx, toHolds(held));
}

/** Cancels an unpaid order and frees its stock, if it is still unpaid. Returns whether it did. */
export async function cancelUnpaidOrder(
  orderId: string,
  options: { onlyIfLapsed?: boolean; now?: Date } = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || order.status !== "pending_payment") return null;
    if (options.onlyIfLapsed && order.expiresAt > now) return null;
    const levels = await releaseHeld(tx, orderId);
    await tx.order.update({ where: { id: orderId }, data: { status: "cancelled", cancelledAt: now } });
    return { order, levels };
  });
  if (!result) return false;
  if (result.levels) await announceStock(result.levels);
  announceOrderUpdate(orderId, "cancelled");
  // Close the provider's side too, so a lapsed order cannot be paid later (best effort: a late payment is
  // still handled by the payment path, which re-holds the stock or refunds).
  await providerFor(result.order.paymentProvider)
    .cancelPayment({ orderId, paymentRef: result.order.paymentRef })
    .catch((error: unknown) => console.warn(`Could not close the payment of order ${orderId}:`, error));
  return true;
}

/** The reservation-expiry job: the order's hold has lapsed unless it was paid meanwhile. */
export function expireOrder(orderId: string, now = new Date()): Promise<boolean> {
  return cancelUnpaidOrder(orderId, { onlyIfLapsed: true, now });
}

/** Releases every lapsed hold, so nothing stays stuck if a job was lost. Returns how many orders lapsed. */
export async function sweepLapsedOrders(now = new Date(), limit = 200): Promise<number> {
  const lapsed = await db.order.findMany({
    where: { status: "pending_payment", expiresAt: { lte: now } },
    select: { id: true },
    orderBy: { expiresAt: "asc" },
    take: limit,
  });
  let count = 0;
  for (const { id } of lapsed) if (await expireOrder(id, now)) count++;
  return count;
}
