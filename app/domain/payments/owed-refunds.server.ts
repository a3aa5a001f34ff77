// Refunds Cunbo owes for payments it could not honour. The debt is written in the transaction that takes the
// payment's event (so that event is done once the debt is on record), the refund is tried at once, then by a
// job with backoff until the provider confirms it; when the retries run out it is marked stuck and waits on
// the admin's desk, where "try again" starts over.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { JOB, jobs } from "~/lib/jobs.server";
import { NotFound } from "../errors.server";
import { announceOrderUpdate } from "../orders/order-events.server";
import { lockOrder, type LockedOrder } from "../checkout/reservations.server";
import { insertEvent } from "./payment-event.server";
import { providerFor } from "./provider.server";

type Tx = Prisma.TransactionClient;

/** A row whose refund was neither made nor tried for this long has lost its job (longer than any backoff step). */
const LOST_AFTER_MS = 6 * 3_600_000;
/** The first try follows the payment at once; one not even tried after this was cut off by a stop. */
const UNTRIED_AFTER_MS = 10 * 60_000;

export type OwedRefundOutcome = "refunded-late" | "refund-queued";

/** Records, in the caller's transaction, that every fen of this order goes back. Once per order. */
export async function oweRefund(tx: Tx, order: LockedOrder, paymentRef: string | null) {
  await tx.owedRefund.createMany({
    data: [{ orderId: order.id, amountFen: order.totalFen, paymentRef }],
    skipDuplicates: true,
  });
}

export async function owesRefund(tx: Tx, orderId: string): Promise<boolean> {
  return (await tx.owedRefund.count({ where: { orderId } })) > 0;
}

function describe(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
}

/** One try at the provider (idempotent per order); true once the refund is made, now or before. */
export async function makeOwedRefund(orderId: string): Promise<boolean> {
  const owed = await db.owedRefund.findUnique({
    where: { orderId },
    include: { order: { select: { paymentProvider: true } } },
  });
  if (!owed) return false;
  if (owed.madeAt) return true;
  const provider = owed.order.paymentProvider;
  let refundId: string;
  try {
    ({ refundId } = await providerFor(provider).refund({
      orderId,
      paymentRef: owed.paymentRef,
      amountFen: owed.amountFen,
      scope: "late",
    }));
  } catch (error) {
    console.warn(`Refund owed on order ${orderId} failed:`, error);
    await db.owedRefund.update({
      where: { orderId },
      data: { attempts: { increment: 1 }, lastAttemptAt: new Date(), lastError: describe(error) },
    });
    return false;
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    await lockOrder(tx, orderId);
    await tx.owedRefund.updateMany({
      where: { orderId, madeAt: null },
      data: { madeAt: now, refundId, stuckAt: null, attempts: { increment: 1 }, lastAttemptAt: now },
    });
    await insertEvent(tx, { provider, eventId: `refund:${refundId}`, type: "refund.late", orderId, payload: {} });
    await tx.order.updateMany({ where: { id: orderId, status: "cancelled" }, data: { status: "refunded" } });
  });
  announceOrderUpdate(orderId, "refunded");
  return true;
}

/** Right after the debt is recorded: tried now, and left to the retrying job when that fails. */
export async function settleOwedRefund(orderId: string): Promise<OwedRefundOutcome> {
  if (await makeOwedRefund(orderId)) return "refunded-late";
  await jobs.send(JOB.owedRefund, [{ data: { orderId } }]);
  return "refund-queued";
}

/** The owed-refund job. Throws so the queue retries; on the last try a refund still not made is marked stuck. */
export async function workOwedRefund(orderId: string, lastTry: boolean) {
  if (await makeOwedRefund(orderId)) return;
  if (!lastTry) throw new Error(`Refund owed on order ${orderId} is not made yet; it will be tried again`);
  await db.owedRefund.updateMany({ where: { orderId, madeAt: null }, data: { stuckAt: new Date() } });
  console.error(`Refund owed on order ${orderId} keeps failing: left for an admin`);
}

/** Queues again the owed refunds whose job was lost (the process stopped in between). Returns how many. */
export async function sweepOwedRefunds(now = new Date(), limit = 100): Promise<number> {
  const lost = await db.owedRefund.findMany({
    where: {
      madeAt: null,
      stuckAt: null,
      OR: [
        { lastAttemptAt: null, createdAt: { lte: new Date(now.getTime() - UNTRIED_AFTER_MS) } },
        { lastAttemptAt: { lte: new Date(now.getTime() - LOST_AFTER_MS) } },
      ],
    },
    select: { orderId: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  await jobs.send(
    JOB.owedRefund,
    lost.map(({ orderId }) => ({ data: { orderId } })),
  );
  return lost.length;
}

/** What the admin's desk lists: refunds whose retries ran out, oldest first. */
export async function listStuckRefunds() {
  return db.owedRefund.findMany({
    where: { madeAt: null, stuckAt: { not: null } },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      orderId: true,
      amountFen: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      stuckAt: true,
      order: { select: { number: true, paymentProvider: true } },
    },
  });
}

export async function countStuckRefunds(): Promise<number> {
  return db.owedRefund.count({ where: { madeAt: null, stuckAt: { not: null } } });
}

/** The admin's "try again": the refund is tried now and, failing that, retried from the start. */
export async function retryStuckRefund(orderId: string): Promise<OwedRefundOutcome> {
  const { count } = await db.owedRefund.updateMany({
    where: { orderId, madeAt: null, stuckAt: { not: null } },
    data: { stuckAt: null },
  });
  if (count === 0) throw new NotFound("admin:refunds.notFound");
  return settleOwedRefund(orderId);
}
