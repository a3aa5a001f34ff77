// Moves a workshop's fulfilment orders along queued → accepted → packed → shipped → delivered (or to an
// exception or cancelled), one or many at once. Each change and its event (who, when, from, to, note) commit
// together; then the workshop's queue and the buyer's order page hear of it.
import type { FulfilmentStatus } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { JOB, jobs } from "~/lib/jobs.server";
import { events } from "~/domain/events.server";
import { isCourierId, isPlausibleTracking, normaliseTracking, type CourierId } from "./couriers";
import { Conflict, InvalidInput, InvalidTransition, NotFound } from "../errors.server";
import { nextStatus, refusalReason, type FulfilmentAction } from "./steps";

type Tx = Prisma.TransactionClient;

export type ShipDetails = { courier: CourierId; trackingNumber: string };

export type TransitionRequest = {
  workshopId: string;
  /** Null when nobody signed in did it: a guest buyer confirming receipt, or the automatic confirmation. */
  actorUserId: string | null;
  action: FulfilmentAction;
  /** One entry per fulfilment order; `ship` is required when the action is "ship". */
  items: { id: string; ship?: ShipDetails }[];
  /** Required for an exception; kept as the event's note (and the exception's reason). */
  reason?: string;
  note?: string;
  /** Only with "exception" or "cancel": give the buyer their money back for these parcels. */
  refund?: boolean;
};

/**
 * The checkout area's refund path for one workshop's part of an order. It may cancel the fulfilment order
 * itself (the ledger reversal and the event are then its own); it throws when the refund cannot be made.
 */
export type RefundFulfilmentOrder = (input: {
  fulfilmentOrderId: string;
  orderId: string;
  workshopId: string;
  actorUserId: string | null;
  reason: string;
}) => Promise<void>;

export type Refusal = { id: string; reason: string; values: Record<string, string> };
export type Change = { id: string; orderId: string; from: FulfilmentStatus; to: FulfilmentStatus };
export type TransitionResult = { changed: Change[]; refused: Refusal[]; refunded: string[]; refundFailed: string[] };

export const REASON_MIN = 2;
export const REASON_MAX = 200;

function checkRequest(request: TransitionRequest, refund?: RefundFulfilmentOrder) {
  if (request.items.length === 0) throw new InvalidInput("fulfil:error.noneSelected");
  if (new Set(request.items.map((item) => item.id)).size !== request.items.length) {
    throw new InvalidInput("fulfil:error.duplicate");
  }
  const reason = request.reason?.trim() ?? "";
  if (request.action === "exception" && (reason.length < REASON_MIN || reason.length > REASON_MAX)) {
    throw new InvalidInput("fulfil:error.reason");
  }
  if (request.action === "ship") {
    for (const item of request.items) {
      if (!item.ship || !isCourierId(item.ship.courier)) throw new InvalidInput("fulfil:error.courier");
      if (!isPlausibleTracking(item.ship.courier, item.ship.trackingNumber)) {
        throw new InvalidInput("fulfil:error.tracking");
      }
    }
  }
  if (request.refund && request.action !== "exception" && request.action !== "cancel") {
    throw new InvalidInput("fulfil:error.refundNotHere");
  }
  if (request.refund && !refund) throw new Conflict("fulfil:error.refundUnavailable");
  return reason;
}

type Locked = { id: string; orderId: string; status: FulfilmentStatus };

async function lockInWorkshop(tx: Tx, workshopId: string, ids: string[]): Promise<Locked[]> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT id, "orderId", status::text AS status FROM "FulfilmentOrder"
    WHERE id = ANY(${ids}) AND "workshopId" = ${workshopId}
    ORDER BY id FOR UPDATE`;
  // Someone else's parcel, or none at all: the same answer, so ids of other workshops reveal nothing.
  if (rows.length !== ids.length) throw new NotFound("fulfil:error.notFound");
  return rows;
}

/** Parcels that carry a pre-order whose batch is not released yet: they wait outside the queue. */
export async function heldByBatch(tx: Tx, ids: string[]): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT fo.id FROM "FulfilmentOrder" fo
    JOIN "OrderLine" ol ON ol."orderId" = fo."orderId" AND ol."workshopId" = fo."workshopId"
    JOIN "Batch" b ON b.id = ol."batchId"
    WHERE fo.id = ANY(${ids}) AND b.status = 'open'`;
  return new Set(rows.map((row) => row.id));
}

function eventNote(request: TransitionRequest, reason: string, ship?: ShipDetails): string | null {
  if (ship) return `${ship.courier} ${normaliseTracking(ship.trackingNumber)}`;
  if (reason) return reason;
  return request.note?.trim() || null;
}

async function applySteps(request: TransitionRequest, reason: string, skipCancelled = false) {
  const ids = request.items.map((item) => item.id);
  const shipById = new Map(request.items.map((item) => [item.id, item.ship]));
  return db.$transaction(async (tx) => {
    const rows = await lockInWorkshop(tx, request.workshopId, ids);
    const held = request.action === "accept" ? await heldByBatch(tx, ids) : new Set<string>();
    const changed: Change[] = [];
    const refused: Refusal[] = [];
    for (const row of rows) {
      const to = nextStatus(row.status, request.action);
      if (skipCancelled && row.status === "cancelled") continue;
      if (!to)
        refused.push({ id: row.id, reason: refusalReason(row.status, request.action), values: { status: row.status } });
      else if (held.has(row.id)) refused.push({ id: row.id, reason: "fulfil:refused.awaitingBatch", values: {} });
      else changed.push({ id: row.id, orderId: row.orderId, from: row.status, to });
    }
    for (const change of changed) {
      const ship = shipById.get(change.id);
      await tx.fulfilmentOrder.update({
        where: { id: change.id },
        data: {
          status: change.to,
          ...(ship ? { courier: ship.courier, trackingNumber: normaliseTracking(ship.trackingNumber) } : {}),
          ...(change.to === "exception" ? { exceptionReason: reason } : {}),
          ...(change.from === "exception" ? { exceptionReason: null } : {}),
        },
      });
    }
    if (changed.length) {
      await tx.fulfilmentEvent.createMany({
        data: changed.map((change) => ({
          fulfilmentOrderId: change.id,
          fromStatus: change.from,
          toStatus: change.to,
          actorUserId: request.actorUserId,
          note: eventNote(request, reason, shipById.get(change.id)),
        })),
      });
    }
    if (request.action === "deliver" && changed.length) await markOrdersFulfilled(tx, changed);
    return { changed, refused };
  });
}

/** An order is fulfilled once every parcel of it is delivered or cancelled. */
async function markOrdersFulfilled(tx: Tx, changed: Change[]) {
  const orderIds = [...new Set(changed.map((change) => change.orderId))];
  await tx.$executeRaw`
    UPDATE "Order" o SET status = 'fulfilled', "updatedAt" = now()
    WHERE o.id = ANY(${orderIds}) AND o.status = 'paid'
      AND NOT EXISTS (SELECT 1 FROM "FulfilmentOrder" f
                      WHERE f."orderId" = o.id AND f.status NOT IN ('delivered', 'cancelled'))`;
}

async function announce(workshopId: string, ids: string[]) {
  if (ids.length === 0) return;
  const rows = await db.fulfilmentOrder.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      courier: true,
      trackingNumber: true,
      order: { select: { id: true, number: true, status: true } },
    },
  });
  for (const row of rows) {
    events.publish({
      room: `workshop:${workshopId}`,
      type: "queue:update",
      payload: { fulfilmentOrderId: row.id, status: row.status, orderNumber: row.order.number },
    });
    events.publish({
      room: `order:${row.order.id}`,
      type: "order:update",
      payload: {
        orderId: row.order.id,
        status: row.order.status,
        fulfilment: {
          id: row.id,
          workshopId,
          status: row.status,
          courier: row.courier,
          trackingNumber: row.trackingNumber,
        },
      },
    });
  }
}

async function refundEach(
  request: TransitionRequest,
  reason: string,
  targets: { id: string; orderId: string }[],
  refund: RefundFulfilmentOrder,
) {
  const refunded: string[] = [];
  const refundFailed: string[] = [];
  for (const target of targets) {
    try {
      await refund({
        fulfilmentOrderId: target.id,
        orderId: target.orderId,
        workshopId: request.workshopId,
        actorUserId: request.actorUserId,
        reason,
      });
      refunded.push(target.id);
    } catch (error) {
      console.error(`[fulfilment] refund of ${target.id} failed:`, error);
      refundFailed.push(target.id);
    }
  }
  return { refunded, refundFailed };
}

/**
 * Applies one step to one or many of a workshop's fulfilment orders. Parcels the step cannot apply to are
 * refused one by one with a reason, the others go ahead; an id outside the workshop fails the whole request.
 */
export async function transitionFulfilment(
  request: TransitionRequest,
  deps: { refundFulfilmentOrder?: RefundFulfilmentOrder } = {},
): Promise<TransitionResult> {
  const reason = checkRequest(request, deps.refundFulfilmentOrder);
  const refund = request.refund ? deps.refundFulfilmentOrder : undefined;

  if (refund && request.action === "cancel") {
    // The refund path cancels what it refunds and refuses what is already cancelled: refund first, while the
    // parcels still stand, then cancel here whatever it left standing. A failed refund cancels nothing.
    const current = await db.fulfilmentOrder.findMany({
      where: { id: { in: request.items.map((item) => item.id) }, workshopId: request.workshopId },
      select: { id: true, orderId: true, status: true },
    });
    if (current.length !== request.items.length) throw new NotFound("fulfil:error.notFound");
    const refused = current
      .filter((row) => !nextStatus(row.status, "cancel"))
      .map((row) => ({ id: row.id, reason: refusalReason(row.status, "cancel"), values: { status: row.status } }));
    const refundable = current.filter((row) => nextStatus(row.status, "cancel"));
    const money = await refundEach(request, reason, refundable, refund);
    const items = request.items.filter((item) => money.refunded.includes(item.id));
    const { changed } = items.length ? await applySteps({ ...request, items }, reason, true) : { changed: [] };
    const byRefund = refundable
      .filter((row) => money.refunded.includes(row.id) && !changed.some((change) => change.id === row.id))
      .map((row) => ({ id: row.id, orderId: row.orderId, from: row.status, to: "cancelled" as const }));
    const all = [...changed, ...byRefund];
    await announce(
      request.workshopId,
      all.map((change) => change.id),
    );
    return { changed: all, refused, ...money };
  }

  const { changed, refused } = await applySteps(request, reason);
  await announce(
    request.workshopId,
    changed.map((change) => change.id),
  );
  const shipped = changed.filter((change) => change.to === "shipped").map((change) => change.id);
  // Buyers hear of their parcel from the notice job (inbox + Web Push), not from this request.
  if (shipped.length)
    await jobs.send(JOB.notices, [{ data: { kind: "parcels-shipped", fulfilmentOrderIds: shipped } }]);
  const money = refund ? await refundEach(request, reason, changed, refund) : { refunded: [], refundFailed: [] };
  return { changed, refused, ...money };
}

/** One parcel, one step: refused steps throw InvalidTransition carrying the reason. */
export async function transitionOne(
  request: Omit<TransitionRequest, "items"> & { id: string; ship?: ShipDetails },
  deps: { refundFulfilmentOrder?: RefundFulfilmentOrder } = {},
) {
  const { id, ship, ...rest } = request;
  const result = await transitionFulfilment({ ...rest, items: [{ id, ship }] }, deps);
  const refusal = result.refused[0];
  if (refusal) throw new InvalidTransition(refusal.reason, refusal.values);
  return result;
}
