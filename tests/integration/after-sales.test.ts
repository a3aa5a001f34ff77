// After-sales (售后) end to end through the real server and database: the buyer's request with a photo over
// HTTP, the workshop's answers (approve whole or part, ask for the goods back, refuse), escalation at the
// deadline, the rules (no-reason returns, perishable and made-to-order exemptions, 48-hour photo claims), the
// amount never above what was paid, one refund for two approvals, the ledger's reversal entries, and who may act.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRequest, escalateOverdueRequests, refundApproved } from "~/domain/after-sales/answers.server";
import { openRequest, recordReturnShipment, type OpenRequestInput } from "~/domain/after-sales/requests.server";
import { Conflict, InvalidInput, InvalidTransition, NotAllowed, NotFound } from "~/domain/errors.server";
import { refundOrder } from "~/domain/orders/refunds.server";
import { db } from "~/lib/db.server";
import { startJobs } from "../../server/jobs";
import { Visitor } from "../helpers/http";
import { createPaidOrder, userByEmail, workshopBySlug } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";
import { newShopper, SHOPPER_PASSWORD } from "../helpers/shoppers";
import { pngImage } from "../helpers/studio-forms";

const HOUR = 3_600_000;
const BUYER = "shopper@cunbo.test";
const STRAWBERRY = "jiande-hongyan-strawberry";
const UMBRELLA = "nanyang-folding-umbrella";
const FLOWER_WINE = "duzuo-zongzi-flower-rice-wine";

let baseUrl: string;
let buyerId: string;
const staff: Record<string, string> = {};
const workshops: Record<string, string> = {};
const sockets: Socket[] = [];

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  buyerId = (await userByEmail(BUYER)).id;
  for (const [slug, email] of [
    ["berry-good-market", "staff.berry@cunbo.test"],
    ["nanyang-umbrella", "staff.umbrella@cunbo.test"],
    ["duzuo-rice-wine", "staff.duzuo@cunbo.test"],
  ]) {
    workshops[slug] = (await workshopBySlug(slug)).id;
    staff[slug] = (await userByEmail(email)).id;
  }
});

afterAll(() => {
  for (const socket of sockets) socket.disconnect();
});

/** A paid parcel of one product, delivered at `deliveredAt` (or only shipped when null). */
async function parcel(
  productSlug: string,
  workshopSlug: string,
  options: { quantity?: number; deliveredAt?: Date | null; customisationNote?: string } = {},
) {
  const deliveredAt = options.deliveredAt === undefined ? new Date() : options.deliveredAt;
  const order = await createPaidOrder({
    workshopSlug,
    buyerEmail: BUYER,
    status: deliveredAt ? "delivered" : "shipped",
    lines: [{ productSlug, quantity: options.quantity ?? 2, customisationNote: options.customisationNote }],
  });
  await db.fulfilmentOrder.update({
    where: { id: order.fulfilmentOrderId },
    data: {
      courier: "sf",
      trackingNumber: "SF123456789012",
      events: {
        create: [
          { fromStatus: "packed", toStatus: "shipped", note: "sf SF123456789012" },
          ...(deliveredAt
            ? [{ fromStatus: "shipped" as const, toStatus: "delivered" as const, createdAt: deliveredAt }]
            : []),
        ],
      },
    },
  });
  const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.orderId } });
  return { ...order, line };
}

type Parcel = Awaited<ReturnType<typeof parcel>>;

function claim(p: Parcel, overrides: Partial<OpenRequestInput> = {}): OpenRequestInput {
  return {
    orderId: p.orderId,
    fulfilmentOrderId: p.fulfilmentOrderId,
    access: { userId: buyerId },
    actorUserId: buyerId,
    kind: "refund_only",
    reason: "damaged",
    photos: ["/uploads/0123456789abcdef0123456789abcdef.png"],
    amountFen: 100,
    lines: [{ orderLineId: p.line.id, quantity: p.line.quantity }],
    ...overrides,
  };
}

const byWorkshop = (slug: string) => ({ workshopId: workshops[slug], actorUserId: staff[slug] });

async function reversedFen(orderId: string) {
  const sum = await db.ledgerEntry.aggregate({ where: { orderId, kind: "reversal" }, _sum: { amountFen: true } });
  return 0 - (sum._sum.amountFen ?? 0);
}

async function lineNet(orderLineId: string) {
  const sum = await db.ledgerEntry.aggregate({ where: { orderLineId }, _sum: { amountFen: true } });
  return sum._sum.amountFen ?? 0;
}

async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the step should have been refused").not.toBeNull();
  return error as InstanceType<typeof InvalidInput>;
}

function joinOrderRoom(orderId: string, token: string) {
  return new Promise<Socket>((resolve, reject) => {
    const socket = connect(baseUrl, { transports: ["websocket"] });
    sockets.push(socket);
    socket.on("connect", () =>
      socket.emit("order:join", { orderId, token }, (reply: { ok: boolean }) =>
        reply.ok ? resolve(socket) : reject(new Error("not joined")),
      ),
    );
  });
}

function photoForm(p: Parcel, fields: Record<string, string>, photo?: Buffer) {
  const form = new FormData();
  form.set("lines[0].id", p.line.id);
  form.set("lines[0].quantity", String(p.line.quantity));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set(
    "photo",
    photo ? new Blob([new Uint8Array(photo)], { type: "image/png" }) : new Blob([]),
    photo ? "box.png" : "",
  );
  return form;
}

describe("the buyer's request and the workshop's answer, over HTTP", () => {
  it("a crushed strawberry box with a photo is refunded in part; the buyer's page hears each step live", async () => {
    const p = await parcel(STRAWBERRY, "berry-good-market", { deliveredAt: new Date(Date.now() - 2 * HOUR) });
    const buyer = await new Visitor(baseUrl).logIn(BUYER);
    const room = await joinOrderRoom(p.orderId, p.accessToken);
    const heard: { status: string }[] = [];
    room.on("aftersales:update", (update) => heard.push(update));
    const page = `/orders/${p.orderId}/after-sales?parcel=${p.fulfilmentOrderId}`;
    const form = await buyer.get(page);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("坏果包赔");

    // Without the photo a perishable damage claim is refused beside the photo field.
    const noPhoto = await buyer.post(page, photoForm(p, { kind: "refund_only", reason: "damaged", amount: "10.00" }));
    expect(noPhoto.status).toBe(400);
    expect(await noPhoto.text()).toContain("生鲜坏果、破损请附上照片");

    const sent = await buyer.post(
      page,
      photoForm(p, { kind: "refund_only", reason: "damaged", amount: "10.00", note: "压坏了一半" }, pngImage()),
    );
    expect(sent.status).toBe(302);
    const request = await db.afterSalesRequest.findFirstOrThrow({ where: { orderId: p.orderId } });
    expect(request).toMatchObject({ status: "requested", askedFen: 1000, kind: "refund_only", reason: "damaged" });
    expect(request.photos).toHaveLength(1);
    const photo = await fetch(`${baseUrl}${request.photos[0]}`);
    expect(photo.status).toBe(200);
    expect(request.answerBy.getTime() - request.createdAt.getTime()).toBe(48 * HOUR);

    const orderPage = await (await buyer.get(`/orders/${p.orderId}`)).text();
    expect(orderPage).toContain("待商家处理");

    const staffVisitor = await new Visitor(baseUrl).logIn("staff.berry@cunbo.test");
    const desk = await (await staffVisitor.get("/studio/berry-good-market/fulfilment/after-sales")).text();
    expect(desk).toContain(p.number);
    const tooMuch = await staffVisitor.post("/studio/berry-good-market/fulfilment/after-sales", {
      intent: "approve",
      id: request.id,
      amount: "10.01",
    });
    expect(tooMuch.status).toBe(400);
    const approved = await staffVisitor.post("/studio/berry-good-market/fulfilment/after-sales", {
      intent: "approve",
      id: request.id,
      amount: "6.50",
    });
    expect(approved.status).toBe(302);
    const done = await db.afterSalesRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done).toMatchObject({ status: "refunded", approvedFen: 650, refundedFen: 650 });
    expect(done.refundId).toBe(`local_refund_${p.orderId}_aftersales:${request.id}`);
    expect(await reversedFen(p.orderId)).toBe(650);
    expect(await lineNet(p.line.id)).toBe(p.line.lineTotalFen - 650);
    const events = await db.afterSalesEvent.findMany({
      where: { requestId: request.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.toStatus)).toEqual(["requested", "partially_approved", "refunded"]);
    await expect.poll(() => heard.map((h) => h.status)).toEqual(["requested", "partially_approved", "refunded"]);
    expect(await (await buyer.get(`/orders/${p.orderId}`)).text()).toContain("已退款 ¥6.50");
  });

  it("another shopper cannot see or open a request, and another workshop cannot answer one", async () => {
    const p = await parcel(UMBRELLA, "nanyang-umbrella");
    const request = await openRequest(claim(p, { reason: "quality", amountFen: 500 }));
    const stranger = new Visitor(baseUrl);
    await stranger.logIn(await newShopper("stranger"), SHOPPER_PASSWORD);
    const page = `/orders/${p.orderId}/after-sales?parcel=${p.fulfilmentOrderId}`;
    expect((await stranger.get(page)).status).toBe(404);
    const post = await stranger.post(page, photoForm(p, { kind: "refund_only", reason: "quality", amount: "1" }));
    expect(post.status).toBe(404);
    const returnPost = await stranger.post(page, {
      intent: "return",
      requestId: request.id,
      courier: "sf",
      trackingNumber: "SF123456789012",
    });
    expect(returnPost.status).toBe(404);
    await expect(openRequest(claim(p, { access: { userId: null, token: "wrong" } }))).rejects.toBeInstanceOf(NotFound);

    const otherStaff = await new Visitor(baseUrl).logIn("staff.berry@cunbo.test");
    const answer = await otherStaff.post("/studio/berry-good-market/fulfilment/after-sales", {
      intent: "approve",
      id: request.id,
    });
    expect(answer.status).toBe(404);
    expect((await otherStaff.get("/studio/nanyang-umbrella/fulfilment/after-sales")).status).toBe(403);
    await expect(
      answerRequest({ requestId: request.id, by: byWorkshop("berry-good-market"), answer: { action: "approve" } }),
    ).rejects.toBeInstanceOf(NotFound);
    // The admin decides only once the deadline has passed.
    const admin = await userByEmail("admin@cunbo.test");
    await expect(
      answerRequest({
        requestId: request.id,
        by: { admin: true, actorUserId: admin.id },
        answer: { action: "approve" },
      }),
    ).rejects.toBeInstanceOf(NotAllowed);
    expect((await db.afterSalesRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("requested");
  });
});

describe("the workshop's answers", () => {
  it("approving the whole amount refunds it and reverses the line to zero", async () => {
    const p = await parcel(UMBRELLA, "nanyang-umbrella");
    const request = await openRequest(claim(p, { reason: "wrong_item", amountFen: p.line.lineTotalFen }));
    const done = await answerRequest({
      requestId: request.id,
      by: byWorkshop("nanyang-umbrella"),
      answer: { action: "approve" },
    });
    expect(done).toMatchObject({ status: "refunded", refundedFen: p.line.lineTotalFen });
    expect(await lineNet(p.line.id)).toBe(0);
    const reversals = await db.ledgerEntry.findMany({ where: { orderId: p.orderId, kind: "reversal" } });
    const sales = await db.ledgerEntry.findMany({ where: { orderId: p.orderId, kind: "sale" } });
    for (const sale of sales) {
      expect(reversals.find((r) => r.account === sale.account)?.amountFen).toBe(-sale.amountFen);
    }
  });

  it("a no-reason return: asked back, the buyer enters the courier and tracking, the workshop confirms and refunds", async () => {
    const p = await parcel(UMBRELLA, "nanyang-umbrella", { deliveredAt: new Date(Date.now() - 3 * 24 * HOUR) });
    const request = await openRequest(
      claim(p, { kind: "return_and_refund", reason: "no_reason", photos: [], amountFen: p.line.lineTotalFen }),
    );
    const asked = await answerRequest({
      requestId: request.id,
      by: byWorkshop("nanyang-umbrella"),
      answer: { action: "ask-return" },
    });
    expect(asked.status).toBe("awaiting_return");
    // Nothing is refunded before the goods come back.
    await expect(refundApproved(request.id, null)).rejects.toBeInstanceOf(Conflict);
    const returning = { orderId: p.orderId, requestId: request.id, access: { userId: buyerId }, actorUserId: buyerId };
    await expect(
      recordReturnShipment({ ...returning, courier: "jd", trackingNumber: "SF123456789012" }),
    ).rejects.toBeInstanceOf(InvalidInput);
    const buyer = await new Visitor(baseUrl).logIn(BUYER);
    const page = `/orders/${p.orderId}/after-sales?parcel=${p.fulfilmentOrderId}`;
    expect(await (await buyer.get(page)).text()).toContain("填写退货物流");
    const sent = await buyer.post(page, {
      intent: "return",
      requestId: request.id,
      courier: "sf",
      trackingNumber: "sf 9876 5432 1098",
    });
    expect(sent.status).toBe(302);
    const returned = await db.afterSalesRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(returned).toMatchObject({ status: "returned", returnCourier: "sf", returnTracking: "SF987654321098" });
    await expect(
      recordReturnShipment({ ...returning, courier: "sf", trackingNumber: "SF987654321098" }),
    ).rejects.toBeInstanceOf(InvalidTransition);
    const done = await answerRequest({
      requestId: request.id,
      by: byWorkshop("nanyang-umbrella"),
      answer: { action: "approve" },
    });
    expect(done).toMatchObject({ status: "refunded", refundedFen: p.line.lineTotalFen });
    expect(await reversedFen(p.orderId)).toBe(p.line.lineTotalFen);
  });

  it("refusing needs a reason; the buyer may open a new request afterwards", async () => {
    const p = await parcel(UMBRELLA, "nanyang-umbrella");
    const request = await openRequest(claim(p, { reason: "quality", amountFen: 300 }));
    const by = byWorkshop("nanyang-umbrella");
    await expect(openRequest(claim(p, { reason: "quality", amountFen: 300 }))).rejects.toBeInstanceOf(Conflict);
    await expect(
      answerRequest({ requestId: request.id, by, answer: { action: "refuse", reason: " " } }),
    ).rejects.toBeInstanceOf(InvalidInput);
    const refused = await answerRequest({
      requestId: request.id,
      by,
      answer: { action: "refuse", reason: "照片显示伞面完好" },
    });
    expect(refused).toMatchObject({ status: "refused", refusalReason: "照片显示伞面完好" });
    await expect(answerRequest({ requestId: request.id, by, answer: { action: "approve" } })).rejects.toBeInstanceOf(
      InvalidTransition,
    );
    expect(await reversedFen(p.orderId)).toBe(0);
    expect((await openRequest(claim(p, { reason: "quality", amountFen: 300 }))).status).toBe("requested");
  });

  it("an unanswered request escalates to the admin after its deadline, who then decides", async () => {
    const opened = new Date();
    const p = await parcel(UMBRELLA, "nanyang-umbrella");
    const request = await openRequest(claim(p, { reason: "missing", amountFen: 400, now: opened }));
    expect(await escalateOverdueRequests(new Date(opened.getTime() + 47 * HOUR))).not.toContain(request.id);
    expect(await escalateOverdueRequests(new Date(opened.getTime() + 48 * HOUR + 1))).toContain(request.id);
    expect(await escalateOverdueRequests(new Date(opened.getTime() + 49 * HOUR))).not.toContain(request.id);
    const escalated = await db.afterSalesRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(escalated.status).toBe("escalated");
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    expect(await (await admin.get("/admin/after-sales")).text()).toContain(p.number);
    const shopper = await new Visitor(baseUrl).logIn(BUYER);
    expect((await shopper.get("/admin/after-sales")).status).toBe(403);
    const decided = await admin.post("/admin/after-sales", { intent: "approve", id: request.id, amount: "3.00" });
    expect(decided.status).toBe(302);
    expect(await db.afterSalesRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "refunded",
      refundedFen: 300,
    });
    expect(await reversedFen(p.orderId)).toBe(300);
  });
});

describe("the escalation job", () => {
  it("pg-boss wakes at the answer deadline and hands an unanswered request to the admin", async () => {
    const jobs = await startJobs(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5 });
    try {
      const opened = new Date(Date.now() - 49 * HOUR);
      const p = await parcel(UMBRELLA, "nanyang-umbrella", { deliveredAt: new Date(Date.now() - 50 * HOUR) });
      const request = await openRequest(claim(p, { reason: "quality", amountFen: 200, now: opened }));
      await expect
        .poll(async () => (await db.afterSalesRequest.findUniqueOrThrow({ where: { id: request.id } })).status, {
          timeout: 20_000,
        })
        .toBe("escalated");
    } finally {
      await jobs.stop();
    }
  });
});

describe("the rules shoppers expect", () => {
  it("strawberries: no no-reason return; a damage claim needs a photo and comes within 48 hours of delivery", async () => {
    const fresh = await parcel(STRAWBERRY, "berry-good-market", { deliveredAt: new Date(Date.now() - 10 * HOUR) });
    const noReason = await refusalOf(
      openRequest(claim(fresh, { kind: "return_and_refund", reason: "no_reason", photos: [] })),
    );
    expect(noReason.messageKey).toBe("aftersales:error.perishableNoReason");
    expect((await refusalOf(openRequest(claim(fresh, { photos: [] })))).messageKey).toBe(
      "aftersales:error.photoRequired",
    );
    const late = await parcel(STRAWBERRY, "berry-good-market", { deliveredAt: new Date(Date.now() - 49 * HOUR) });
    expect((await refusalOf(openRequest(claim(late)))).messageKey).toBe("aftersales:error.perishableLate");
    expect((await openRequest(claim(fresh))).status).toBe("requested");
  });

  it("customised rice wine is exempt from no-reason returns; an umbrella may go back without a reason for 7 days", async () => {
    const wine = await parcel(FLOWER_WINE, "duzuo-rice-wine", { customisationNote: "瓶身刻字：福" });
    const custom = await refusalOf(
      openRequest(claim(wine, { kind: "return_and_refund", reason: "no_reason", photos: [] })),
    );
    expect(custom.messageKey).toBe("aftersales:error.customNoReason");
    const umbrella = await parcel(UMBRELLA, "nanyang-umbrella", { deliveredAt: new Date(Date.now() - 8 * 24 * HOUR) });
    const late = await refusalOf(
      openRequest(claim(umbrella, { kind: "return_and_refund", reason: "no_reason", photos: [] })),
    );
    expect(late.messageKey).toBe("aftersales:error.noReasonLate");
    const refundOnly = await refusalOf(openRequest(claim(umbrella, { kind: "refund_only", reason: "no_reason" })));
    expect(refundOnly.messageKey).toBe("aftersales:error.noReasonReturns");
    const queued = await createPaidOrder({ workshopSlug: "nanyang-umbrella", buyerEmail: BUYER });
    const notShipped = await refusalOf(
      openRequest({
        ...claim(umbrella),
        orderId: queued.orderId,
        fulfilmentOrderId: queued.fulfilmentOrderId,
        lines: [{ orderLineId: queued.lineIds[0], quantity: 1 }],
      }),
    );
    expect(notShipped.messageKey).toBe("aftersales:error.notYet");
  });
});

describe("money", () => {
  it("a request never asks, approves or refunds more than was paid for its lines, less what was refunded", async () => {
    const p = await parcel(UMBRELLA, "nanyang-umbrella", { quantity: 3 });
    const total = p.line.lineTotalFen;
    const oneUnit = Math.floor(total / 3);
    const tooMuch = await refusalOf(
      openRequest(claim(p, { amountFen: oneUnit + 1, lines: [{ orderLineId: p.line.id, quantity: 1 }] })),
    );
    expect(tooMuch.messageKey).toBe("aftersales:error.tooMuch");
    expect((await refusalOf(openRequest(claim(p, { amountFen: total + 1 })))).messageKey).toBe(
      "aftersales:error.tooMuch",
    );
    await expect(openRequest(claim(p, { lines: [{ orderLineId: p.line.id, quantity: 4 }] }))).rejects.toBeInstanceOf(
      InvalidInput,
    );
    const first = await openRequest(claim(p, { amountFen: total - 100, reason: "quality" }));
    await expect(
      answerRequest({
        requestId: first.id,
        by: byWorkshop("nanyang-umbrella"),
        answer: { action: "approve", amountFen: total },
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await answerRequest({ requestId: first.id, by: byWorkshop("nanyang-umbrella"), answer: { action: "approve" } });
    // Only 100 fen of the line is left to claim.
    const again = await refusalOf(openRequest(claim(p, { amountFen: 101, reason: "quality" })));
    expect(again.messageKey).toBe("aftersales:error.tooMuch");
    expect(again.values).toEqual({ maxFen: 100 });
    // Refunding the workshop's whole part afterwards gives back only what after-sales did not.
    const { amountFen } = await refundOrder({ orderId: p.orderId, scope: `workshop:${workshops["nanyang-umbrella"]}` });
    expect(amountFen).toBe(p.totalFen - (total - 100));
    expect(await lineNet(p.line.id)).toBe(0);
  });

  it("two approvals of one request at once refund it once", async () => {
    const p = await parcel(UMBRELLA, "nanyang-umbrella");
    const request = await openRequest(claim(p, { reason: "quality", amountFen: 777 }));
    const by = byWorkshop("nanyang-umbrella");
    const results = await Promise.allSettled([
      answerRequest({ requestId: request.id, by, answer: { action: "approve" } }),
      answerRequest({ requestId: request.id, by, answer: { action: "approve", amountFen: 500 } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = results.find((r) => r.status === "rejected")!.reason as unknown;
    expect(refusal).toBeInstanceOf(InvalidTransition);
    // Retries of the refund racing each other add nothing either.
    await Promise.all([refundApproved(request.id, null), refundApproved(request.id, null)]);
    const done = await db.afterSalesRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done.status).toBe("refunded");
    expect(await reversedFen(p.orderId)).toBe(done.refundedFen);
    expect(
      await db.paymentEvent.count({ where: { orderId: p.orderId, type: `refund.aftersales:${request.id}` } }),
    ).toBe(1);
    // A retry after it is done changes nothing.
    await refundApproved(request.id, null);
    expect(await reversedFen(p.orderId)).toBe(done.refundedFen);
    // And the database refuses a second open request of the parcel even past the domain's own check.
    const second = await openRequest(claim(p, { reason: "quality", amountFen: 1 }));
    await expect(
      db.afterSalesRequest.create({
        data: {
          orderId: p.orderId,
          fulfilmentOrderId: p.fulfilmentOrderId,
          workshopId: second.workshopId,
          kind: "refund_only",
          reason: "quality",
          askedFen: 1,
          answerBy: new Date(),
        },
      }),
    ).rejects.toThrow();
  });

  it("two requests sent at once for one parcel open one", async () => {
    const p = await parcel(UMBRELLA, "nanyang-umbrella");
    const results = await Promise.allSettled([
      openRequest(claim(p, { reason: "quality", amountFen: 200 })),
      openRequest(claim(p, { reason: "quality", amountFen: 300 })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.afterSalesRequest.count({ where: { fulfilmentOrderId: p.fulfilmentOrderId } })).toBe(1);
  });
});
