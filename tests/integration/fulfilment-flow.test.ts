import { beforeAll, describe, expect, it } from "vitest";
import { Conflict, InvalidInput, InvalidTransition, NotFound } from "~/domain/errors.server";
import { transitionFulfilment, transitionOne, type RefundFulfilmentOrder } from "~/domain/fulfilment/flow.server";
import {
  FULFILMENT_ACTIONS,
  FULFILMENT_STATUSES,
  nextStatus,
  refusalReason,
  type FulfilmentAction,
} from "~/domain/fulfilment/steps";
import type { FulfilmentStatus } from "~/generated/prisma/enums";
import { refundFulfilmentOrder } from "~/domain/fulfilment/refunds.server";
import { db } from "~/lib/db.server";
import { createPaidOrder, userByEmail, workshopBySlug } from "../helpers/paid-order-fixture";

let berry: { id: string };
let duzuo: { id: string };
let staffId: string;

beforeAll(async () => {
  berry = await workshopBySlug("berry-good-market");
  duzuo = await workshopBySlug("duzuo-rice-wine");
  staffId = (await userByEmail("staff.berry@cunbo.test")).id;
});

async function parcelAt(status: FulfilmentStatus) {
  const order = await createPaidOrder({ workshopSlug: "berry-good-market" });
  await db.fulfilmentOrder.update({ where: { id: order.fulfilmentOrderId }, data: { status } });
  return order;
}

const details = (action: FulfilmentAction) =>
  action === "ship" ? { ship: { courier: "sf" as const, trackingNumber: "sf 1234 5678 9012" } } : {};

describe("the fulfilment state machine", () => {
  const combos = FULFILMENT_STATUSES.flatMap((from) => FULFILMENT_ACTIONS.map((action) => [from, action] as const));

  it.each(combos)("from %s, %s is applied or refused as the table says", async (from, action) => {
    const order = await parcelAt(from);
    const to = nextStatus(from, action);
    const attempt = transitionOne({
      workshopId: berry.id,
      actorUserId: staffId,
      action,
      id: order.fulfilmentOrderId,
      reason: action === "exception" || action === "cancel" ? "包装破损" : undefined,
      ...details(action),
    });
    if (!to) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidTransition);
      expect((error as InvalidTransition).messageKey).toBe(refusalReason(from, action));
      expect((error as InvalidTransition).status).toBe(409);
      const after = await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: order.fulfilmentOrderId } });
      expect(after.status).toBe(from);
      return;
    }
    await attempt;
    const after = await db.fulfilmentOrder.findUniqueOrThrow({
      where: { id: order.fulfilmentOrderId },
      include: { events: { orderBy: { createdAt: "desc" }, take: 1 } },
    });
    expect(after.status).toBe(to);
    expect(after.events[0]).toMatchObject({ fromStatus: from, toStatus: to, actorUserId: staffId });
    if (action === "ship") {
      expect(after).toMatchObject({ courier: "sf", trackingNumber: "SF123456789012" });
      expect(after.events[0].note).toBe("sf SF123456789012");
    }
    if (action === "exception") expect(after.exceptionReason).toBe("包装破损");
  });

  it("refuses a tracking number that does not fit the courier, and an exception without a reason", async () => {
    const order = await parcelAt("packed");
    const base = { workshopId: berry.id, actorUserId: staffId, id: order.fulfilmentOrderId };
    await expect(
      transitionOne({ ...base, action: "ship", ship: { courier: "jd", trackingNumber: "SF123456789012" } }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(transitionOne({ ...base, action: "exception", reason: " " })).rejects.toBeInstanceOf(InvalidInput);
    expect((await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: order.fulfilmentOrderId } })).status).toBe(
      "packed",
    );
  });

  it("accepts many at once and refuses, with a reason each, those that cannot be accepted", async () => {
    const a = await parcelAt("queued");
    const b = await parcelAt("queued");
    const shipped = await parcelAt("shipped");
    const result = await transitionFulfilment({
      workshopId: berry.id,
      actorUserId: staffId,
      action: "accept",
      items: [a, b, shipped].map((o) => ({ id: o.fulfilmentOrderId })),
    });
    expect(result.changed.map((c) => c.id).sort()).toEqual([a.fulfilmentOrderId, b.fulfilmentOrderId].sort());
    expect(result.refused).toEqual([
      { id: shipped.fulfilmentOrderId, reason: "fulfil:refused.already", values: { status: "shipped" } },
    ]);
  });

  it("treats a parcel of another workshop as not found and changes nothing", async () => {
    const mine = await parcelAt("queued");
    const theirs = await createPaidOrder({ workshopSlug: "duzuo-rice-wine" });
    await expect(
      transitionFulfilment({
        workshopId: berry.id,
        actorUserId: staffId,
        action: "accept",
        items: [{ id: mine.fulfilmentOrderId }, { id: theirs.fulfilmentOrderId }],
      }),
    ).rejects.toBeInstanceOf(NotFound);
    const statuses = await db.fulfilmentOrder.findMany({
      where: { id: { in: [mine.fulfilmentOrderId, theirs.fulfilmentOrderId] } },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(["queued", "queued"]);
  });

  it("keeps a pre-order parcel out of packing until its batch is released", async () => {
    const batch = await db.batch.findFirstOrThrow({ where: { workshopId: duzuo.id, status: "open" } });
    const product = await db.product.findUniqueOrThrow({ where: { id: batch.productId } });
    const order = await createPaidOrder({
      workshopSlug: "duzuo-rice-wine",
      lines: [{ productSlug: product.slug, batchId: batch.id }],
    });
    const staff = await userByEmail("staff.duzuo@cunbo.test");
    const accept = () =>
      transitionOne({ workshopId: duzuo.id, actorUserId: staff.id, action: "accept", id: order.fulfilmentOrderId });
    await expect(accept()).rejects.toMatchObject({ messageKey: "fulfil:refused.awaitingBatch" });
    await db.batch.update({ where: { id: batch.id }, data: { status: "released" } });
    await accept();
    await db.batch.update({ where: { id: batch.id }, data: { status: "open" } });
  });

  it("marks the order fulfilled when its last parcel is delivered", async () => {
    const order = await createPaidOrder({
      workshopSlug: "berry-good-market",
      lines: [{}, { workshopSlug: "nanyang-umbrella" }],
    });
    const umbrella = await workshopBySlug("nanyang-umbrella");
    const umbrellaParcel = order.fulfilmentByWorkshop.get(umbrella.id)!;
    await db.fulfilmentOrder.updateMany({ where: { orderId: order.orderId }, data: { status: "shipped" } });
    await transitionOne({ workshopId: berry.id, actorUserId: staffId, action: "deliver", id: order.fulfilmentOrderId });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("paid");
    const umbrellaStaff = await userByEmail("staff.umbrella@cunbo.test");
    await transitionOne({
      workshopId: umbrella.id,
      actorUserId: umbrellaStaff.id,
      action: "deliver",
      id: umbrellaParcel,
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("fulfilled");
  });
});

describe("refunds from the packing room", () => {
  // The packing room's real refund path (provider, ledger reversal, cancellation), with a note of what it was asked.
  const calls: Parameters<RefundFulfilmentOrder>[0][] = [];
  const refundAndNote: RefundFulfilmentOrder = async (input) => {
    calls.push(input);
    await refundFulfilmentOrder!(input);
  };

  it("an exception asks for the refund only when the person ticks it", async () => {
    const plain = await parcelAt("packed");
    await transitionOne(
      { workshopId: berry.id, actorUserId: staffId, action: "exception", id: plain.fulfilmentOrderId, reason: "坏了" },
      { refundFulfilmentOrder: refundAndNote },
    );
    expect(calls).toHaveLength(0);
    const refunded = await parcelAt("packed");
    const result = await transitionOne(
      {
        workshopId: berry.id,
        actorUserId: staffId,
        action: "exception",
        id: refunded.fulfilmentOrderId,
        reason: "草莓压坏了",
        refund: true,
      },
      { refundFulfilmentOrder: refundAndNote },
    );
    expect(result.refunded).toEqual([refunded.fulfilmentOrderId]);
    expect(calls).toEqual([
      {
        fulfilmentOrderId: refunded.fulfilmentOrderId,
        orderId: refunded.orderId,
        workshopId: berry.id,
        actorUserId: staffId,
        reason: "草莓压坏了",
      },
    ]);
    const log = await db.fulfilmentEvent.findMany({
      where: { fulfilmentOrderId: refunded.fulfilmentOrderId },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((e) => e.toStatus)).toEqual(["queued", "exception", "cancelled"]);
  });

  it("cancelling with a refund refunds first, then leaves the parcel cancelled", async () => {
    const order = await parcelAt("exception");
    const result = await transitionOne(
      { workshopId: berry.id, actorUserId: staffId, action: "cancel", id: order.fulfilmentOrderId, refund: true },
      { refundFulfilmentOrder: refundAndNote },
    );
    expect(result.changed).toMatchObject([{ id: order.fulfilmentOrderId, to: "cancelled" }]);
    expect((await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: order.fulfilmentOrderId } })).status).toBe(
      "cancelled",
    );
  });

  it("refuses a refund when no refund path is wired, changing nothing", async () => {
    const order = await parcelAt("packed");
    await expect(
      transitionOne({
        workshopId: berry.id,
        actorUserId: staffId,
        action: "exception",
        id: order.fulfilmentOrderId,
        reason: "丢件",
        refund: true,
      }),
    ).rejects.toBeInstanceOf(Conflict);
    expect((await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: order.fulfilmentOrderId } })).status).toBe(
      "packed",
    );
  });
});
