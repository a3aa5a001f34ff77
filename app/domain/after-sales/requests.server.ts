// The buyer's side of after-sales (售后): opening a request for lines of a shipped or delivered parcel (the
// rules of ./rules.ts applied, the amount capped by what was paid for those lines less what was already given
// back), sending the goods back when asked, and what the order page and the request form show.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { Conflict, InvalidInput, InvalidTransition, NotFound } from "../errors.server";
import { mayView, type OrderAccess } from "../orders/orders.server";
import { isCourierId, isPlausibleTracking, normaliseTracking, type CourierId } from "../fulfilment/couriers";
import { announceAfterSales, scheduleEscalation } from "./announce.server";
import {
  ANSWER_HOURS,
  CLOSED_STATUSES,
  MAX_PHOTOS,
  claimRefusal,
  returnPolicyOf,
  splitAmount,
  valueOfUnits,
  type AfterSalesKind,
  type AfterSalesReason,
} from "./rules";
import type { AfterSalesView, RequestFormView } from "./views";

type Tx = Prisma.TransactionClient;

const HOUR = 3_600_000;
const OPENABLE_FROM = ["shipped", "delivered"];
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
export const NOTE_MAX = 500;

async function deliveredAt(tx: Tx, fulfilmentOrderId: string): Promise<Date | null> {
  const event = await tx.fulfilmentEvent.findFirst({
    where: { fulfilmentOrderId, toStatus: "delivered" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return event?.createdAt ?? null;
}

/** The parcel's lines with what each may still be claimed for (its charged total less after-sales refunds). */
async function claimableLines(tx: Tx, orderId: string, workshopId: string) {
  const lines = await tx.orderLine.findMany({
    where: { orderId, workshopId },
    include: { product: { select: { perishable: true, customisable: true } } },
    orderBy: { id: "asc" },
  });
  const refunded = await tx.afterSalesLine.groupBy({
    by: ["orderLineId"],
    where: { orderLineId: { in: lines.map((l) => l.id) }, request: { status: "refunded" } },
    _sum: { amountFen: true },
  });
  const given = new Map(refunded.map((row) => [row.orderLineId, row._sum.amountFen ?? 0]));
  return lines.map((line) => ({
    ...line,
    policy: returnPolicyOf(line.product),
    madeToOrder: !!line.customisationNote,
    leftFen: Math.max(0, line.lineTotalFen - (given.get(line.id) ?? 0)),
  }));
}

async function findParcel(orderId: string, fulfilmentOrderId: string, access: OrderAccess) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, userId: true, accessToken: true, fulfilmentOrders: { where: { id: fulfilmentOrderId } } },
  });
  if (!order || !mayView(order, access) || order.fulfilmentOrders.length === 0) {
    throw new NotFound("checkout:error.orderNotFound");
  }
  return { order, parcel: order.fulfilmentOrders[0] };
}

/** What the request form shows: the parcel's lines, each one's return policy and what may still be asked. */
export async function requestFormFor(
  orderId: string,
  fulfilmentOrderId: string,
  access: OrderAccess,
): Promise<RequestFormView> {
  const { parcel } = await findParcel(orderId, fulfilmentOrderId, access);
  const [lines, delivered, open] = await Promise.all([
    claimableLines(db, orderId, parcel.workshopId),
    deliveredAt(db, parcel.id),
    db.afterSalesRequest.findFirst({
      where: { fulfilmentOrderId: parcel.id, status: { notIn: [...CLOSED_STATUSES] } },
      select: { id: true },
    }),
  ]);
  return {
    parcel: { id: parcel.id, status: parcel.status, workshopId: parcel.workshopId },
    openable: OPENABLE_FROM.includes(parcel.status) && !open,
    deliveredAt: delivered?.toISOString() ?? null,
    lines: lines.map((line) => ({
      id: line.id,
      titleZh: line.titleZh,
      titleEn: line.titleEn,
      variantNameZh: line.variantNameZh,
      variantNameEn: line.variantNameEn,
      quantity: line.quantity,
      lineTotalFen: line.lineTotalFen,
      leftFen: line.leftFen,
      policy: line.madeToOrder ? ("custom" as const) : line.policy,
    })),
  };
}

export type OpenRequestInput = {
  orderId: string;
  fulfilmentOrderId: string;
  access: OrderAccess;
  actorUserId: string | null;
  kind: AfterSalesKind;
  reason: AfterSalesReason;
  note?: string | null;
  photos: string[];
  amountFen: number;
  lines: { orderLineId: string; quantity: number }[];
  now?: Date;
};

function checkShape(input: OpenRequestInput) {
  if (input.lines.length === 0) throw new InvalidInput("aftersales:error.noLines");
  if (new Set(input.lines.map((l) => l.orderLineId)).size !== input.lines.length) {
    throw new InvalidInput("aftersales:error.noLines");
  }
  if (input.lines.some((l) => !Number.isSafeInteger(l.quantity) || l.quantity < 1)) {
    throw new InvalidInput("aftersales:error.quantity");
  }
  if (input.photos.length > MAX_PHOTOS) throw new InvalidInput("aftersales:error.photos");
  if ((input.note ?? "").length > NOTE_MAX) throw new InvalidInput("aftersales:error.note");
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen < 1) throw new InvalidInput("aftersales:error.amount");
}

/** Opens a request. Refused with the rule's message when the goods, the reason or the timing do not allow it. */
export async function openRequest(input: OpenRequestInput) {
  checkShape(input);
  const now = input.now ?? new Date();
  await findParcel(input.orderId, input.fulfilmentOrderId, input.access);
  const request = await db
    .$transaction(async (tx) => {
      // One request at a time per parcel: two forms sent at once wait here, and the second finds the first.
      const [parcel] = await tx.$queryRaw<{ id: string; workshopId: string; status: string }[]>`
        SELECT id, "workshopId", status::text AS status FROM "FulfilmentOrder"
        WHERE id = ${input.fulfilmentOrderId} AND "orderId" = ${input.orderId} FOR UPDATE`;
      if (!parcel) throw new NotFound("checkout:error.orderNotFound");
      if (!OPENABLE_FROM.includes(parcel.status)) throw new InvalidTransition("aftersales:error.notYet");
      const open = await tx.afterSalesRequest.count({
        where: { fulfilmentOrderId: parcel.id, status: { notIn: [...CLOSED_STATUSES] } },
      });
      if (open > 0) throw new Conflict("aftersales:error.alreadyOpen");
      const lines = await claimableLines(tx, input.orderId, parcel.workshopId);
      const claimed = input.lines.map((want) => {
        const line = lines.find((l) => l.id === want.orderLineId);
        if (!line) throw new InvalidInput("aftersales:error.noLines");
        if (want.quantity > line.quantity) throw new InvalidInput("aftersales:error.quantity");
        return {
          line,
          quantity: want.quantity,
          capFen: Math.min(valueOfUnits(line.lineTotalFen, line.quantity, want.quantity), line.leftFen),
        };
      });
      const maxFen = claimed.reduce((sum, c) => sum + c.capFen, 0);
      if (maxFen === 0) throw new Conflict("aftersales:error.nothingLeft");
      if (input.amountFen > maxFen) throw new InvalidInput("aftersales:error.tooMuch", { maxFen });
      const refusal = claimRefusal({
        kind: input.kind,
        reason: input.reason,
        photos: input.photos.length,
        lines: claimed.map((c) => ({ policy: c.line.policy, madeToOrder: c.line.madeToOrder })),
        deliveredAt: await deliveredAt(tx, parcel.id),
        now,
      });
      if (refusal) throw new InvalidInput(refusal);
      const parts = splitAmount(
        input.amountFen,
        claimed.map((c) => c.capFen),
      );
      return tx.afterSalesRequest.create({
        data: {
          orderId: input.orderId,
          fulfilmentOrderId: parcel.id,
          workshopId: parcel.workshopId,
          buyerUserId: input.actorUserId,
          kind: input.kind,
          reason: input.reason,
          note: input.note?.trim() || null,
          photos: input.photos,
          askedFen: input.amountFen,
          answerBy: new Date(now.getTime() + ANSWER_HOURS * HOUR),
          createdAt: now,
          lines: {
            create: claimed.map((c, i) => ({ orderLineId: c.line.id, quantity: c.quantity, amountFen: parts[i] })),
          },
          events: { create: { toStatus: "requested", actorUserId: input.actorUserId, createdAt: now } },
        },
      });
    }, TX_OPTIONS)
    .catch((error: unknown) => {
      // The one-open-request index: another request of this parcel committed first.
      if ((error as { code?: string }).code === "P2002") throw new Conflict("aftersales:error.alreadyOpen");
      throw error;
    });
  announceAfterSales(request);
  await scheduleEscalation(request.id, request.answerBy);
  return request;
}

/** The buyer sends the goods back: the courier and tracking number; the workshop then has its time to answer. */
export async function recordReturnShipment(input: {
  orderId: string;
  requestId: string;
  access: OrderAccess;
  actorUserId: string | null;
  courier: CourierId | string;
  trackingNumber: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  if (!isCourierId(input.courier)) throw new InvalidInput("fulfil:error.courier");
  if (!isPlausibleTracking(input.courier, input.trackingNumber)) throw new InvalidInput("fulfil:error.tracking");
  const existing = await db.afterSalesRequest.findUnique({ where: { id: input.requestId }, select: { orderId: true } });
  if (!existing || existing.orderId !== input.orderId) throw new NotFound("aftersales:error.notFound");
  await checkOrderAccess(input.orderId, input.access);
  const request = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM "AfterSalesRequest" WHERE id = ${input.requestId} FOR UPDATE`;
    if (row?.status !== "awaiting_return") throw new InvalidTransition("aftersales:error.notAwaitingReturn");
    const tracking = normaliseTracking(input.trackingNumber);
    return tx.afterSalesRequest.update({
      where: { id: input.requestId },
      data: {
        status: "returned",
        returnCourier: input.courier,
        returnTracking: tracking,
        answerBy: new Date(now.getTime() + ANSWER_HOURS * HOUR),
        events: {
          create: {
            fromStatus: "awaiting_return",
            toStatus: "returned",
            actorUserId: input.actorUserId,
            note: `${input.courier} ${tracking}`,
            createdAt: now,
          },
        },
      },
    });
  }, TX_OPTIONS);
  announceAfterSales(request);
  await scheduleEscalation(request.id, request.answerBy);
  return request;
}

async function checkOrderAccess(orderId: string, access: OrderAccess) {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { userId: true, accessToken: true } });
  if (!order || !mayView(order, access)) throw new NotFound("checkout:error.orderNotFound");
}

const REQUEST_VIEW = {
  lines: {
    include: { orderLine: { select: { titleZh: true, titleEn: true, variantNameZh: true, variantNameEn: true } } },
  },
  events: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.AfterSalesRequestInclude;

type LoadedRequest = Prisma.AfterSalesRequestGetPayload<{ include: typeof REQUEST_VIEW }>;

/** A request as pages show it (the buyer's order page, the workshop's tab, the admin's list). */
export function presentRequest(request: LoadedRequest): AfterSalesView {
  return {
    id: request.id,
    orderId: request.orderId,
    fulfilmentOrderId: request.fulfilmentOrderId,
    kind: request.kind,
    reason: request.reason,
    note: request.note,
    photos: request.photos,
    status: request.status,
    askedFen: request.askedFen,
    approvedFen: request.approvedFen,
    refundedFen: request.refundedFen,
    answerBy: request.answerBy.toISOString(),
    refusalReason: request.refusalReason,
    returnCourier: request.returnCourier,
    returnTracking: request.returnTracking,
    createdAt: request.createdAt.toISOString(),
    lines: request.lines.map((line) => ({
      id: line.orderLineId,
      quantity: line.quantity,
      amountFen: line.amountFen,
      titleZh: line.orderLine.titleZh,
      titleEn: line.orderLine.titleEn,
      variantNameZh: line.orderLine.variantNameZh,
      variantNameEn: line.orderLine.variantNameEn,
    })),
    events: request.events.map((event) => ({
      id: event.id,
      toStatus: event.toStatus,
      note: event.note,
      at: event.createdAt.toISOString(),
    })),
  };
}

export const requestInclude = REQUEST_VIEW;

/** The order's requests, newest first (the order page shows each parcel's own). */
export async function afterSalesForOrder(orderId: string): Promise<AfterSalesView[]> {
  const requests = await db.afterSalesRequest.findMany({
    where: { orderId },
    include: REQUEST_VIEW,
    orderBy: { createdAt: "desc" },
  });
  return requests.map(presentRequest);
}
