// Cancelling a paid order before any workshop accepts it, and refunds of a whole order or of one workshop's
// part. Money goes back through the provider first (idempotent per order and scope); then, once per
// provider refund, the ledger is reversed with new entries, the fulfilment orders are cancelled and goods
// that never left the workshop return to stock.
import type { FulfilmentStatus, Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { Conflict, NotFound, ProviderUnavailable } from "../errors.server";
import { writeReversalEntries } from "../ledger/ledger.server";
import { announceOrderUpdate, announceQueueUpdate, announceStock } from "./order-events.server";
import { insertEvent } from "../payments/settle.server";
import { providerFor } from "../payments/provider.server";
import { cancelUnpaidOrder, lockOrder, releaseHeld, toHolds } from "../checkout/reservations.server";
import { returnStock, type StockLevels } from "../checkout/stock.server";

/** "all", or one workshop's part: "workshop:<workshopId>". */
export type RefundScope = "all" | `workshop:${string}`;

const RESTOCKABLE: FulfilmentStatus[] = ["queued", "accepted"];
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

async function loadRefundable(orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: { lines: true, fulfilmentOrders: true },
  });
  if (!order) throw new NotFound("checkout:error.orderNotFound");
  return order;
}

type Refundable = Awaited<ReturnType<typeof loadRefundable>>;

function targetsOf(order: Refundable, scope: RefundScope) {
  const open = order.fulfilmentOrders.filter((f) => f.status !== "cancelled");
  return scope === "all" ? open : open.filter((f) => `workshop:${f.workshopId}` === scope);
}

function amountOf(order: Refundable, targets: Refundable["fulfilmentOrders"]): number {
  const workshops = new Set(targets.map((t) => t.workshopId));
  const goods = order.lines.filter((l) => workshops.has(l.workshopId)).reduce((sum, l) => sum + l.lineTotalFen, 0);
  return goods + targets.reduce((sum, t) => sum + t.shippingFen, 0);
}

/** Refunds a paid order, whole or one workshop's part. `byBuyer` marks a buyer's cancellation. */
export async function refundOrder(input: {
  orderId: string;
  scope: RefundScope;
  actorUserId?: string | null;
  byBuyer?: boolean;
}) {
  const order = await loadRefundable(input.orderId);
  if (order.status !== "paid" && order.status !== "fulfilled") throw new Conflict("checkout:error.notRefundable");
  const targets = targetsOf(order, input.scope);
  if (targets.length === 0) throw new Conflict("checkout:error.notRefundable");
  // What after-sales already gave back for these parcels is not given again.
  const afterSales = await db.afterSalesRequest.aggregate({
    where: { fulfilmentOrderId: { in: targets.map((t) => t.id) } },
    _sum: { refundedFen: true },
  });
  const amountFen = amountOf(order, targets) - (afterSales._sum.refundedFen ?? 0);
  // Nothing was paid (a lucky bag's prize): no provider to ask, only the parcel to cancel and its entries to reverse.
  const { refundId } = await (
    amountFen === 0
      ? Promise.resolve({ refundId: `none_${order.id}_${input.scope}` })
      : providerFor(order.paymentProvider).refund({
          orderId: order.id,
          paymentRef: order.paymentRef,
          amountFen,
          scope: input.scope,
        })
  ).catch((error: unknown) => {
    // No money moved and nothing is recorded: the same button works once the provider answers.
    console.error(`Refund of order ${order.id} (${input.scope}) failed at the provider:`, error);
    throw new ProviderUnavailable();
  });
  await applyRefund({ ...input, provider: order.paymentProvider, refundId });
  return { refundId, amountFen };
}

/**
 * The database side of a refund the provider has made, once per provider refund id (so our own call and the
 * provider's later webhook about the same refund change things once).
 */
export async function applyRefund(input: {
  provider: string;
  refundId: string;
  orderId: string;
  scope: RefundScope;
  actorUserId?: string | null;
  byBuyer?: boolean;
  payload?: unknown;
}): Promise<boolean> {
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const locked = await lockOrder(tx, input.orderId);
    const event = {
      provider: input.provider,
      eventId: `refund:${input.refundId}`,
      type: `refund.${input.scope}`,
      payload: input.payload ?? {},
    };
    if (!locked || !(await insertEvent(tx, { ...event, orderId: locked?.id ?? null }))) return null;
    const order = {
      ...(await tx.order.findUniqueOrThrow({ where: { id: input.orderId } })),
      lines: await tx.orderLine.findMany({ where: { orderId: input.orderId } }),
      fulfilmentOrders: await tx.fulfilmentOrder.findMany({ where: { orderId: input.orderId } }),
    };
    const targets = targetsOf(order, input.scope);
    let levels: StockLevels | null = null;
    for (const target of targets) {
      await writeReversalEntries(tx, order.id, target.workshopId);
      await tx.fulfilmentOrder.update({
        where: { id: target.id },
        data: {
          status: "cancelled",
          events: {
            create: {
              fromStatus: target.status,
              toStatus: "cancelled",
              actorUserId: input.actorUserId ?? null,
              note: input.byBuyer ? "cancelled by buyer" : "refunded",
            },
          },
        },
      });
      if (RESTOCKABLE.includes(target.status)) {
        levels = await returnStock(tx, toHolds(order.lines.filter((l) => l.workshopId === target.workshopId)));
      }
    }
    const stillOpen = order.fulfilmentOrders.some((f) => f.status !== "cancelled" && !targets.includes(f));
    if (!stillOpen) {
      await tx.order.update({
        where: { id: order.id },
        data: { status: input.byBuyer ? "cancelled" : "refunded", cancelledAt: input.byBuyer ? now : undefined },
      });
    }
    return { targets, levels, status: stillOpen ? order.status : input.byBuyer ? "cancelled" : "refunded" };
  }, TX_OPTIONS);
  if (!result) return false;
  for (const target of result.targets) announceQueueUpdate(target.workshopId, target.id, "cancelled");
  if (result.levels) await announceStock(result.levels);
  announceOrderUpdate(input.orderId, result.status);
  return true;
}

/** Part of a parcel given back after it was paid (after-sales): "aftersales:<requestId>". */
export type PartRefundScope = `aftersales:${string}`;

/**
 * Refunds part of a paid order through the same provider call (idempotent per order and scope), then, once per
 * provider refund and in the transaction that stores its event, lets `record` write the ledger's reversal
 * entries and the request's own change. Returns whether this call applied it (false: it was applied before).
 */
export async function refundPartOfOrder(input: {
  orderId: string;
  scope: PartRefundScope;
  amountFen: number;
  record: (tx: Prisma.TransactionClient, refundId: string) => Promise<void>;
}): Promise<{ refundId: string; applied: boolean }> {
  const order = await loadRefundable(input.orderId);
  if (order.status !== "paid" && order.status !== "fulfilled") throw new Conflict("checkout:error.notRefundable");
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0 || input.amountFen > order.totalFen) {
    throw new Conflict("checkout:error.notRefundable");
  }
  const { refundId } = await providerFor(order.paymentProvider)
    .refund({ orderId: order.id, paymentRef: order.paymentRef, amountFen: input.amountFen, scope: input.scope })
    .catch((error: unknown) => {
      console.error(`Refund of order ${order.id} (${input.scope}) failed at the provider:`, error);
      throw new ProviderUnavailable();
    });
  const applied = await db.$transaction(async (tx) => {
    const locked = await lockOrder(tx, input.orderId);
    const event = { provider: order.paymentProvider, eventId: `refund:${refundId}`, type: `refund.${input.scope}` };
    if (!locked || !(await insertEvent(tx, { ...event, orderId: locked.id, payload: { amountFen: input.amountFen } })))
      return false;
    await input.record(tx, refundId);
    return true;
  }, TX_OPTIONS);
  if (applied) announceOrderUpdate(input.orderId, order.status);
  return { refundId, applied };
}

/**
 * A whole refund the provider reports before Cunbo has taken the payment (its events come in any order): the
 * order ends refunded with its holds given back, so the payment's event, when it comes, finds it refunded and
 * queues nothing for packing. Returns false when the order was paid meanwhile: then it is refunded as paid.
 */
export async function refundBeforePayment(input: {
  provider: string;
  orderId: string;
  paymentRef: string;
  refundIds: string[];
}): Promise<boolean> {
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) throw new NotFound("checkout:error.orderNotFound");
    if (order.paidAt) return null;
    for (const refundId of input.refundIds) {
      await insertEvent(tx, {
        provider: input.provider,
        eventId: `refund:${refundId}`,
        type: "refund.before-payment",
        orderId: order.id,
        payload: {},
      });
    }
    if (order.status === "refunded") return { levels: null, changed: false };
    const levels = await releaseHeld(tx, order.id);
    // A late payment's own refund may be owed too: the money is back already, so there is nothing left to make.
    await tx.owedRefund.updateMany({
      where: { orderId: order.id, madeAt: null },
      data: { madeAt: now, refundId: input.refundIds[0] ?? null, stuckAt: null },
    });
    await tx.order.update({
      where: { id: order.id },
      data: {
        status: "refunded",
        cancelledAt: order.status === "cancelled" ? undefined : now,
        paymentRef: input.paymentRef,
      },
    });
    return { levels, changed: true };
  }, TX_OPTIONS);
  if (!result) return false;
  if (result.levels) await announceStock(result.levels);
  if (result.changed) announceOrderUpdate(input.orderId, "refunded");
  return true;
}

/** The buyer's cancel button: an unpaid order is simply dropped; a paid one is refunded in full while no workshop has accepted it. */
export async function cancelOrderByBuyer(orderId: string, actorUserId: string | null) {
  const order = await loadRefundable(orderId);
  if (order.status === "pending_payment") {
    if (!(await cancelUnpaidOrder(orderId))) throw new Conflict("checkout:error.notCancellable");
    return;
  }
  if (order.status !== "paid" || order.fulfilmentOrders.some((f) => f.status !== "queued")) {
    throw new Conflict("checkout:error.notCancellable");
  }
  await refundOrder({ orderId, scope: "all", actorUserId, byBuyer: true });
}

export function canBuyerCancel(order: { status: string; fulfilmentOrders: { status: string }[] }) {
  return (
    order.status === "pending_payment" ||
    (order.status === "paid" && order.fulfilmentOrders.every((f) => f.status === "queued"))
  );
}
