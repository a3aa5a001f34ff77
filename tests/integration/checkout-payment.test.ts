import { beforeAll, describe, expect, it } from "vitest";
import { allocateLine } from "~/domain/ledger/ledger.server";
import { orderStatement } from "~/domain/ledger/ledger.server";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { ADDRESS, liveTeaShow, variantBySku } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const HOUR = 3_600_000;

/** A guest who puts the pinned tea (from the live show) and a box of strawberries in the cart and places the order. */
async function guestOrder() {
  const { show, pin, variant: tea } = await liveTeaShow();
  const berries = await variantBySku("BG-HY-2J");
  const guest = new Visitor(baseUrl);
  await guest.post("/cart", { intent: "add", variantId: tea.id, quantity: "1", showId: show.id, pinId: pin.id });
  await guest.post("/cart", { intent: "add", variantId: berries.id, quantity: "2" });
  const placed = await guest.post("/checkout", ADDRESS);
  expect(placed.status).toBe(302);
  const payUrl = new URL(placed.headers.get("location")!, baseUrl);
  const orderId = payUrl.pathname.split("/").pop()!;
  const token = payUrl.searchParams.get("token")!;
  return { guest, orderId, token, payUrl, tea, berries, show, pin };
}

describe("checkout and the local payment provider", () => {
  it("prices on the server and shows each workshop's shipping (cold chain for strawberries) and the 共富价 premium", async () => {
    const berries = await variantBySku("BG-HY-2J");
    const guest = new Visitor(baseUrl);
    await guest.post("/cart", { intent: "add", variantId: berries.id, quantity: "1" });
    const page = await (await guest.get("/checkout")).text();
    // ¥89.00 of strawberries + ¥8.00 shipping + ¥15.00 cold chain.
    expect(page).toContain("¥112.00");
    expect(page).toContain("冷链保鲜");
    const premium = allocateLine({
      lineTotalFen: 8900,
      premiumRateBp: 1500,
      villageFundRateBp: 0,
      hostCommissionBp: null,
    }).workers_premium;
    expect(page).toContain(`含共富价 ¥${(premium / 100).toFixed(2)}，直达工人`);
  });

  it("refuses money and quantities sent by the client, and bad addresses beside their fields", async () => {
    const umbrella = await variantBySku("NY-FD-NV");
    const guest = new Visitor(baseUrl);
    await guest.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "1" });
    for (const field of ["totalFen", "unitPriceFen", "shippingFen", "price"]) {
      const response = await guest.post("/checkout", { ...ADDRESS, [field]: "1" });
      expect(response.status, field).toBe(400);
      expect(await response.text()).toContain("价格、金额和运费都由村播计算");
    }
    const quantity = await guest.post("/checkout", { ...ADDRESS, quantity: "50" });
    expect(quantity.status).toBe(400);
    expect(await quantity.text()).toContain("数量请在购物车里修改");
    const badPhone = await guest.post("/checkout", { ...ADDRESS, phone: "12345678901" });
    expect(badPhone.status).toBe(400);
    expect(await badPhone.text()).toContain("请填写 11 位中国大陆手机号");
    const noStreet = await guest.post("/checkout", { ...ADDRESS, street: "", province: "火星" });
    const text = await noStreet.text();
    expect(text).toContain("请填写详细地址");
    expect(text).toContain("请选择省份");
    expect(await db.order.count()).toBe(0);
  });

  it("refuses an order whose prices changed after the buyer saw them", async () => {
    const umbrella = await variantBySku("NY-FD-PK");
    const guest = new Visitor(baseUrl);
    await guest.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "1" });
    const page = await (await guest.get("/checkout")).text();
    const quote = /name="quote" value="([0-9a-f]+)"/.exec(page)![1];
    await db.variant.update({ where: { id: umbrella.id }, data: { priceFen: umbrella.priceFen + 100 } });
    const response = await guest.post("/checkout", { ...ADDRESS, quote });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("价格、秒杀或库存刚刚有变化");
    await db.variant.update({ where: { id: umbrella.id }, data: { priceFen: umbrella.priceFen } });
  });

  it("holds the stock, then the test page's success pays the order: fulfilment per workshop, ledger for every line", async () => {
    const { guest, orderId, token, payUrl, tea, berries, show } = await guestOrder();
    const held = await db.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { reservations: true, lines: true },
    });
    expect(held.status).toBe("pending_payment");
    expect(held.reservations.map((r) => r.status)).toEqual(["held", "held"]);
    expect(held.expiresAt.getTime() - held.createdAt.getTime()).toBeCloseTo(10 * 60_000, -4);
    expect((await variantBySku("BG-HY-2J")).stock).toBe(berries.stock - 2);
    expect(await (await guest.get("/cart")).text()).toContain("购物车还是空的");

    const payPage = await (await guest.get(payUrl.pathname + payUrl.search)).text();
    expect(payPage).toContain("测试支付 · 不会产生真实扣款");
    expect(payPage).not.toContain("Test payment — no money moves");
    const paid = await guest.post(payUrl.pathname + payUrl.search, { outcome: "succeed", token });
    expect(paid.status).toBe(302);
    expect(paid.headers.get("location")).toContain(`/orders/${orderId}?token=`);

    const order = await db.order.findUniqueOrThrow({
      where: { id: orderId },
      include: {
        reservations: true,
        fulfilmentOrders: { include: { events: true } },
        lines: { include: { ledgerEntries: true } },
      },
    });
    expect(order.status).toBe("paid");
    expect(order.reservations.every((r) => r.status === "consumed")).toBe(true);
    expect(order.fulfilmentOrders).toHaveLength(2);
    const byWorkshop = Object.fromEntries(order.fulfilmentOrders.map((f) => [f.workshopId, f]));
    const berryShop = byWorkshop[berries.product.workshopId];
    expect(berryShop.shipBy.getTime() - order.paidAt!.getTime()).toBe(24 * HOUR);
    expect(berryShop.shippingFen).toBe(1500);
    expect(
      byWorkshop[tea.productId ? (await variantBySku(tea.sku)).product.workshopId : ""].shipBy.getTime() -
        order.paidAt!.getTime(),
    ).toBe(72 * HOUR);
    expect(order.fulfilmentOrders.every((f) => f.status === "queued" && f.events.length === 1)).toBe(true);
    for (const line of order.lines) {
      expect(line.ledgerEntries.reduce((sum, e) => sum + e.amountFen, 0)).toBe(line.lineTotalFen);
      expect(line.ledgerEntries.every((e) => e.amountFen >= 0)).toBe(true);
      const host = line.ledgerEntries.find((e) => e.account === "host");
      if (line.variantId === tea.id) {
        expect(line).toMatchObject({ showId: show.id, hostId: show.hostId, hostCommissionBp: 800 });
        expect(host?.amountFen).toBe(Math.floor((line.lineTotalFen * 800) / 10_000));
      } else {
        expect(host).toBeUndefined();
      }
    }
    const statement = await orderStatement(orderId);
    expect(statement.totalFen).toBe(order.totalFen);

    const page = await (await guest.get(`/orders/${orderId}?token=${token}`)).text();
    expect(page).toContain("已支付");
    expect(page).toContain("等待工坊接单");
  });

  it("pressing success twice changes nothing; a decline leaves the order waiting", async () => {
    const first = await guestOrder();
    await first.guest.post(first.payUrl.pathname + first.payUrl.search, { outcome: "succeed", token: first.token });
    const entries = await db.ledgerEntry.count({ where: { orderId: first.orderId } });
    await first.guest.post(first.payUrl.pathname + first.payUrl.search, { outcome: "succeed", token: first.token });
    expect(await db.ledgerEntry.count({ where: { orderId: first.orderId } })).toBe(entries);
    expect(await db.fulfilmentOrder.count({ where: { orderId: first.orderId } })).toBe(2);

    const second = await guestOrder();
    const declined = await second.guest.post(second.payUrl.pathname + second.payUrl.search, {
      outcome: "decline",
      token: second.token,
    });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain("支付未成功");
    const order = await db.order.findUniqueOrThrow({ where: { id: second.orderId }, include: { reservations: true } });
    expect(order.status).toBe("pending_payment");
    expect(order.reservations.every((r) => r.status === "held")).toBe(true);
  });

  it("shows an order to its link's holder and its owner only", async () => {
    const { orderId, token } = await guestOrder();
    const stranger = new Visitor(baseUrl);
    const noToken = await stranger.get(`/orders/${orderId}`);
    expect(noToken.status).toBe(302);
    expect(noToken.headers.get("location")).toContain("/login");
    expect((await stranger.get(`/orders/${orderId}?token=${token.slice(0, -2)}xx`)).status).toBe(404);
    expect((await stranger.get(`/pay/local/${orderId}?token=wrong`)).status).toBe(404);
    await stranger.logIn("shopper@cunbo.test");
    expect((await stranger.get(`/orders/${orderId}`)).status).toBe(404);

    const owner = new Visitor(baseUrl);
    await owner.logIn("shopper@cunbo.test");
    const umbrella = await variantBySku("NY-FD-GN");
    await owner.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "1" });
    const placed = await owner.post("/checkout", ADDRESS);
    const ownOrderId = new URL(placed.headers.get("location")!, baseUrl).pathname.split("/").pop();
    expect((await owner.get(`/orders/${ownOrderId}`)).status).toBe(200);
  });

  it("buys straight from the pinned card without touching the cart, crediting the show", async () => {
    const { show, pin, variant } = await liveTeaShow();
    const guest = new Visitor(baseUrl);
    const query = new URLSearchParams({ variantId: variant.id, showId: show.id, pinId: pin.id, sheet: "1" });
    const sheet = await (await guest.get(`/checkout?${query}`)).text();
    expect(sheet).toContain(pin.product.titleZh);
    expect(sheet).not.toContain("<header");
    const placed = await guest.post(`/checkout?${query}`, {
      ...ADDRESS,
      variantId: variant.id,
      quantity: "1",
      showId: show.id,
      pinId: pin.id,
      sheet: "1",
    });
    expect(placed.status).toBe(302);
    expect(placed.headers.get("location")).toContain("sheet=1");
    const orderId = new URL(placed.headers.get("location")!, baseUrl).pathname.split("/").pop();
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId } });
    expect(line).toMatchObject({ variantId: variant.id, showId: show.id, pinId: pin.id, hostId: show.hostId });
    const tooMany = await guest.post(`/checkout?${query}`, { ...ADDRESS, variantId: variant.id, quantity: "500" });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("数量需为 1–99 的整数");
    const moreThanStock = await guest.post(`/checkout?${query}`, { ...ADDRESS, variantId: variant.id, quantity: "99" });
    expect(moreThanStock.status).toBe(409);
    expect(await moreThanStock.text()).toContain(`「${pin.product.titleZh}」库存不足，已售罄`);
  });

  it("takes the customisation note a product asks for, and refuses an overlong one beside its field", async () => {
    const wine = await variantBySku("DZ-ZF-1J");
    const guest = new Visitor(baseUrl);
    await guest.post("/cart", { intent: "add", variantId: wine.id, quantity: "1" });
    const page = await (await guest.get("/checkout")).text();
    expect(page).toContain(wine.product.customisationPromptZh!);
    const tooLong = await guest.post("/checkout", { ...ADDRESS, [`note-${wine.id}`]: "甜".repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("定制要求最多 200 个字");
    const placed = await guest.post("/checkout", { ...ADDRESS, [`note-${wine.id}`]: "偏甜；坛贴写：生日快乐" });
    expect(placed.status).toBe(302);
    const orderId = new URL(placed.headers.get("location")!, baseUrl).pathname.split("/").pop();
    expect((await db.orderLine.findFirstOrThrow({ where: { orderId } })).customisationNote).toBe(
      "偏甜；坛贴写：生日快乐",
    );
  });

  it("lets the workshop's member, and nobody else, see the paid order in its queue", async () => {
    const { guest, orderId, token, payUrl } = await guestOrder();
    await guest.post(payUrl.pathname + payUrl.search, { outcome: "succeed", token });
    const { number } = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const staff = await new Visitor(baseUrl).logIn("staff.tea@cunbo.test");
    const queue = await staff.get("/studio/tea-fairy-jingshan/fulfilment");
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain(number);
    const other = await new Visitor(baseUrl).logIn("staff.umbrella@cunbo.test");
    expect((await other.get("/studio/tea-fairy-jingshan/fulfilment")).status).toBe(403);
  });
});
