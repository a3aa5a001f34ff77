// 确认收货: the buyer (signed in, or holding the guest link) confirms a shipped parcel, which becomes delivered with
// an event and live updates; nobody else may; twice is harmless; an unshipped parcel is refused; and parcels
// nobody confirms are confirmed by the pg-boss job once RECEIPT_AUTO_CONFIRM_DAYS have passed since shipping.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transitionOne } from "~/domain/fulfilment/flow.server";
import { confirmOverdueReceipts } from "~/domain/fulfilment/receipt.server";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { JOB } from "~/lib/jobs.server";
import { startJobs, type RunningJobs } from "../../server/jobs";
import { Visitor } from "../helpers/http";
import { connect } from "../helpers/live-socket";
import { createPaidOrder, userByEmail, workshopBySlug } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

const DAY = 24 * 3_600_000;
let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A paid berry order whose parcel the workshop's staff have accepted, packed and (unless told not to) shipped. */
async function parcel(options: { ship?: boolean; buyerEmail?: string } = {}) {
  const order = await createPaidOrder({ workshopSlug: "berry-good-market", buyerEmail: options.buyerEmail });
  const berry = await workshopBySlug("berry-good-market");
  const staff = await userByEmail("staff.berry@cunbo.test");
  const step = (action: "accept" | "pack" | "ship") =>
    transitionOne({
      workshopId: berry.id,
      actorUserId: staff.id,
      action,
      id: order.fulfilmentOrderId,
      ...(action === "ship" ? { ship: { courier: "sf" as const, trackingNumber: "SF1234567890123" } } : {}),
    });
  await step("accept");
  await step("pack");
  if (options.ship !== false) await step("ship");
  const path = `/orders/${order.orderId}?token=${order.accessToken}`;
  const confirm = (visitor: Visitor, token: string | null = order.accessToken) =>
    // The page's form posts to the page's own address, which carries the guest link's token.
    visitor.post(token === null ? `/orders/${order.orderId}` : `/orders/${order.orderId}?token=${token}`, {
      intent: "confirm",
      fulfilmentOrderId: order.fulfilmentOrderId,
      ...(token === null ? {} : { token }),
    });
  return { ...order, berry, path, confirm };
}

const statusOf = async (id: string) => (await db.fulfilmentOrder.findUniqueOrThrow({ where: { id } })).status;
const deliveredEvents = (id: string) =>
  db.fulfilmentEvent.findMany({ where: { fulfilmentOrderId: id, toStatus: "delivered" } });

/** A socket.io client as this visitor (socket.io sends what is emitted before it connects once it has). */
const socketOf = (visitor?: Visitor) => connect(baseUrl, visitor ? { cookie: visitor.cookieHeader() } : {});

describe("confirming receipt", () => {
  it("a guest with the signed link confirms a shipped parcel: delivered, with an event, live to the workshop and the order page", async () => {
    const order = await parcel();
    const staff = socketOf(await new Visitor(baseUrl).logIn("staff.berry@cunbo.test"));
    expect(await staff.emitWithAck("workshop:join", { workshopId: order.berry.id })).toEqual({ ok: true });
    const buyerRoom = socketOf();
    expect(await buyerRoom.emitWithAck("order:join", { orderId: order.orderId, token: order.accessToken })).toEqual({
      ok: true,
    });
    const queueUpdate = new Promise((resolve) => staff.on("queue:update", resolve));
    const orderUpdate = new Promise((resolve) => buyerRoom.on("order:update", resolve));

    const guest = new Visitor(baseUrl);
    const before = await (await guest.get(order.path)).text();
    expect(before).toContain("确认收货");
    expect(before).toContain("顺丰速运 · 运单号 SF1234567890123");
    expect(before).toContain("https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123");
    expect(before).not.toMatch(/>sf /);

    const confirmed = await order.confirm(guest);
    expect(confirmed.status).toBe(302);
    expect(await statusOf(order.fulfilmentOrderId)).toBe("delivered");
    const [event] = await deliveredEvents(order.fulfilmentOrderId);
    expect(event).toMatchObject({ fromStatus: "shipped", actorUserId: null, note: "receipt:buyer" });
    expect(await queueUpdate).toMatchObject({ fulfilmentOrderId: order.fulfilmentOrderId, status: "delivered" });
    expect(await orderUpdate).toMatchObject({ orderId: order.orderId, fulfilment: { status: "delivered" } });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("fulfilled");

    const after = await (await guest.get(order.path)).text();
    expect(after).toContain("买家已确认收货");
    expect(after).toContain('data-stage="delivered"');
    expect(after).not.toContain(">确认收货</button>");
  });

  it("confirming twice is harmless: one delivered event, the same answer", async () => {
    const order = await parcel();
    const guest = new Visitor(baseUrl);
    const [first, second] = await Promise.all([order.confirm(guest), order.confirm(guest)]);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect((await order.confirm(guest)).status).toBe(302);
    expect(await deliveredEvents(order.fulfilmentOrderId)).toHaveLength(1);
  });

  it("a parcel that has not shipped cannot be confirmed (409), and stays where it was", async () => {
    const order = await parcel({ ship: false });
    const answer = await order.confirm(new Visitor(baseUrl));
    expect(answer.status, answer.headers.get("location") ?? "").toBe(409);
    expect(await answer.text()).toContain("包裹还没有发出");
    expect(await statusOf(order.fulfilmentOrderId)).toBe("packed");
    expect(await (await new Visitor(baseUrl).get(order.path)).text()).not.toContain(">确认收货</button>");
  });

  it("only the buyer may confirm: not another shopper, not a wrong link, not an admin looking on", async () => {
    const order = await parcel({ buyerEmail: "shopper@cunbo.test" });
    const stranger = await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test");
    expect((await order.confirm(stranger, null)).status).toBe(404);
    expect((await order.confirm(new Visitor(baseUrl), "not-the-token")).status).toBe(404);
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    expect((await order.confirm(admin)).status).toBe(403);
    expect((await order.confirm(admin, null)).status).toBe(403);
    expect(await statusOf(order.fulfilmentOrderId)).toBe("shipped");
    const signedOut = await new Visitor(baseUrl).post(`/orders/${order.orderId}`, { intent: "confirm" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/login\?/);
    const badParcel = await new Visitor(baseUrl).post(order.path, {
      intent: "confirm",
      token: order.accessToken,
      fulfilmentOrderId: "someone-elses",
    });
    expect(badParcel.status).toBe(400);

    const owner = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
    expect((await order.confirm(owner, null)).status).toBe(302);
    const [event] = await deliveredEvents(order.fulfilmentOrderId);
    expect(event.actorUserId).toBe((await userByEmail("shopper@cunbo.test")).id);
  });
});

describe("automatic confirmation", () => {
  let jobs: RunningJobs;
  let clock = () => new Date();
  beforeAll(async () => {
    jobs = await startJobs(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5, now: () => clock() });
  });
  afterAll(() => jobs.stop());

  it("waits RECEIPT_AUTO_CONFIRM_DAYS (10 by default) after shipping, then the job confirms the parcel itself", async () => {
    expect(env().RECEIPT_AUTO_CONFIRM_DAYS).toBe(10);
    const order = await parcel();
    const waiting = await parcel({ ship: false });
    expect(await confirmOverdueReceipts(new Date(Date.now() + 9.9 * DAY), 10)).toBe(0);
    expect(await statusOf(order.fulfilmentOrderId)).toBe("shipped");

    clock = () => new Date(Date.now() + 10 * DAY + 60_000);
    await jobs.boss.send(JOB.receiptSweep, {});
    await until(async () => (await statusOf(order.fulfilmentOrderId)) === "delivered");
    const [event] = await deliveredEvents(order.fulfilmentOrderId);
    expect(event).toMatchObject({ actorUserId: null, note: "receipt:auto" });
    expect(await statusOf(waiting.fulfilmentOrderId)).toBe("packed");
    expect(await (await new Visitor(baseUrl).get(order.path)).text()).toContain("系统自动确认收货");
    // A shorter setting confirms sooner; nothing is confirmed twice.
    const soon = await parcel();
    expect(await confirmOverdueReceipts(new Date(Date.now() + 2 * DAY), 2)).toBe(1);
    expect(await statusOf(soon.fulfilmentOrderId)).toBe("delivered");
    expect(await confirmOverdueReceipts(new Date(Date.now() + 30 * DAY), 2)).toBe(0);
  });
});
