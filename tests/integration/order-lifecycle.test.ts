// After checkout: cancelling, refunding and the buyer's live order room.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { ADDRESS, liveTeaShow, variantBySku } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});
afterAll(() => sockets.forEach((s) => s.disconnect()));

async function placedOrder() {
  const { show, pin, variant: tea } = await liveTeaShow();
  const berries = await variantBySku("BG-ZJ-2J");
  const guest = new Visitor(baseUrl);
  await guest.post("/cart", { intent: "add", variantId: tea.id, quantity: "1", showId: show.id, pinId: pin.id });
  await guest.post("/cart", { intent: "add", variantId: berries.id, quantity: "3" });
  const placed = await guest.post("/checkout", ADDRESS);
  const payUrl = new URL(placed.headers.get("location")!, baseUrl);
  const orderId = payUrl.pathname.split("/").pop()!;
  const token = payUrl.searchParams.get("token")!;
  const orderPath = `/orders/${orderId}?token=${token}`;
  const pay = () => guest.post(payUrl.pathname + payUrl.search, { outcome: "succeed", token });
  return { guest, orderId, token, orderPath, pay, tea, berries };
}

const stockOf = async (sku: string) => (await variantBySku(sku)).stock;

describe("after checkout", () => {
  it("a buyer cancels an unpaid order and its stock returns at once", async () => {
    const before = await stockOf("BG-ZJ-2J");
    const { guest, orderId, token, orderPath } = await placedOrder();
    expect(await stockOf("BG-ZJ-2J")).toBe(before - 3);
    const cancelled = await guest.post(orderPath, { intent: "cancel", token });
    expect(cancelled.status).toBe(302);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("cancelled");
    expect(await stockOf("BG-ZJ-2J")).toBe(before);
    expect(await (await guest.get(orderPath)).text()).toContain("已取消");
  });

  it("cancelling a paid order before any workshop accepts refunds it and reverses the ledger with new entries", async () => {
    const before = await stockOf("BG-ZJ-2J");
    const { guest, orderId, token, orderPath, pay } = await placedOrder();
    await pay();
    const sales = await db.ledgerEntry.findMany({ where: { orderId }, orderBy: { id: "asc" } });
    expect(await (await guest.get(orderPath)).text()).toContain("取消订单并全额退款");
    expect((await guest.post(orderPath, { intent: "cancel", token })).status).toBe(302);

    const order = await db.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { fulfilmentOrders: { include: { events: true } } },
    });
    expect(order.status).toBe("cancelled");
    expect(order.fulfilmentOrders.every((f) => f.status === "cancelled" && f.events.length === 2)).toBe(true);
    const entries = await db.ledgerEntry.findMany({ where: { orderId } });
    expect(entries).toHaveLength(sales.length * 2);
    for (const sale of sales) expect(entries.find((e) => e.id === sale.id)).toEqual(sale);
    expect(entries.filter((e) => e.kind === "reversal").every((e) => e.amountFen <= 0)).toBe(true);
    expect(entries.reduce((sum, e) => sum + e.amountFen, 0)).toBe(0);
    expect(await stockOf("BG-ZJ-2J")).toBe(before);
    expect(await db.paymentEvent.count({ where: { orderId, eventId: { startsWith: "refund:local_refund_" } } })).toBe(
      1,
    );
  });

  it("once a workshop has accepted the order the buyer can no longer cancel it", async () => {
    const { guest, orderId, token, orderPath, pay } = await placedOrder();
    await pay();
    await db.fulfilmentOrder.updateMany({
      where: { orderId, workshop: { slug: "berry-good-market" } },
      data: { status: "accepted" },
    });
    const refused = await guest.post(orderPath, { intent: "cancel", token });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("工坊已经接单，订单不能再取消");
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
  });

  it("an admin refunds one workshop's part: its entries are reversed and its parcel cancelled, the other workshop's stand", async () => {
    const { orderId, token, pay, berries } = await placedOrder();
    await pay();
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    const berryShop = berries.product.workshopId;
    const refunded = await admin.post(`/orders/${orderId}`, {
      intent: "refund",
      scope: `workshop:${berryShop}`,
      token,
    });
    expect(refunded.status).toBe(302);
    const fulfilment = await db.fulfilmentOrder.findMany({ where: { orderId } });
    expect(fulfilment.find((f) => f.workshopId === berryShop)?.status).toBe("cancelled");
    expect(fulfilment.find((f) => f.workshopId !== berryShop)?.status).toBe("queued");
    const net = await db.ledgerEntry.groupBy({
      by: ["workshopId"],
      where: { orderId, account: "workshop" },
      _sum: { amountFen: true },
    });
    expect(net.find((n) => n.workshopId === berryShop)?._sum.amountFen).toBe(0);
    expect(net.find((n) => n.workshopId !== berryShop)?._sum.amountFen).toBeGreaterThan(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    const shopper = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
    expect((await shopper.post(`/orders/${orderId}`, { intent: "refund", scope: "all", token })).status).toBe(403);
  });

  it("the order's room lets in the holder of its token and tells them the moment it is paid", async () => {
    const { orderId, token, pay } = await placedOrder();
    const join = (t: string) =>
      new Promise<{ socket: Socket; ok: boolean }>((resolve) => {
        const socket = connect(baseUrl, { transports: ["websocket"] });
        sockets.push(socket);
        socket.on("connect", () =>
          socket.emit("order:join", { orderId, token: t }, (reply: { ok: boolean }) =>
            resolve({ socket, ok: reply.ok }),
          ),
        );
      });
    const stranger = await join("not-the-token");
    expect(stranger.ok).toBe(false);
    const buyer = await join(token);
    expect(buyer.ok).toBe(true);
    const strangerHeard: unknown[] = [];
    stranger.socket.on("order:update", (event) => strangerHeard.push(event));
    const update = new Promise((resolve) => buyer.socket.once("order:update", resolve));
    await pay();
    expect(await update).toEqual({ orderId, status: "paid" });
    expect(strangerHeard).toEqual([]);
  });
});
