// The lean buy-now endpoint the live room's checkout sheet posts to: the checkout page's rules, answered as JSON
// ahead of Express and Remix, over real HTTP against the real server.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { ADDRESS, liveTeaShow } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

type Answer = { redirectTo?: string; reply?: { error?: Record<string, string[]> } };

async function buyNow(visitor: Visitor, fields: Record<string, string>) {
  const response = await visitor.post("/buy-now", fields);
  return { status: response.status, answer: (await response.json()) as Answer };
}

async function newVariant(stock: number) {
  const { pin } = await liveTeaShow();
  return db.variant.create({
    data: {
      productId: pin.productId,
      sku: `BUY-NOW-${Math.random().toString(36).slice(2)}`,
      nameZh: "直播专享装",
      nameEn: "Live pack",
      priceFen: 6800,
      stock,
    },
  });
}

describe("the buy-now endpoint", () => {
  it("places the pinned product for the show that pinned it and answers where to pay", async () => {
    const { show, pin, variant } = await liveTeaShow();
    const { status, answer } = await buyNow(new Visitor(baseUrl), {
      ...ADDRESS,
      variantId: variant.id,
      quantity: "2",
      showId: show.id,
      pinId: pin.id,
      sheet: "1",
    });
    expect(status).toBe(200);
    const payUrl = new URL(answer.redirectTo!, baseUrl);
    expect(payUrl.pathname).toMatch(/^\/pay\/local\//);
    expect(payUrl.searchParams.get("sheet")).toBe("1");
    const order = await db.order.findUniqueOrThrow({
      where: { id: payUrl.pathname.split("/").pop()! },
      include: { lines: true, reservations: true },
    });
    expect(order).toMatchObject({
      status: "pending_payment",
      userId: null,
      accessToken: payUrl.searchParams.get("token"),
    });
    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]).toMatchObject({ variantId: variant.id, quantity: 2, showId: show.id, pinId: pin.id });
    expect(order.reservations.map((r) => [r.status, r.quantity])).toEqual([["held", 2]]);
  });

  it("a signed-in shopper's buy-now is their order", async () => {
    const shopper = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
    const variant = await newVariant(5);
    const { answer } = await buyNow(shopper, { ...ADDRESS, variantId: variant.id });
    const orderId = new URL(answer.redirectTo!, baseUrl).pathname.split("/").pop()!;
    const user = await db.user.findUniqueOrThrow({ where: { email: "shopper@cunbo.test" } });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).userId).toBe(user.id);
  });

  it("answers bad fields beside their fields, and refuses money sent by the client, placing nothing", async () => {
    const variant = await newVariant(5);
    const visitor = new Visitor(baseUrl);
    const badPhone = await buyNow(visitor, { ...ADDRESS, phone: "12345", variantId: variant.id });
    expect(badPhone.status).toBe(400);
    expect(badPhone.answer.reply?.error?.phone).toEqual(["checkout:error.phone"]);
    const money = await buyNow(visitor, { ...ADDRESS, variantId: variant.id, unitPriceFen: "1" });
    expect(money.status).toBe(400);
    expect(money.answer.reply?.error?.[""]?.[0]).toContain("价格、金额和运费都由村播计算");
    const tooMany = await buyNow(visitor, { ...ADDRESS, variantId: variant.id, quantity: "500" });
    expect(tooMany.status).toBe(400);
    expect(await db.orderLine.count({ where: { variantId: variant.id } })).toBe(0);
  });

  it("refuses what is not a checkout form with a reason", async () => {
    const json = await fetch(`${baseUrl}/buy-now`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ variantId: "x" }),
    });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain("application/x-www-form-urlencoded");
    const huge = await new Visitor(baseUrl).post("/buy-now", { ...ADDRESS, street: "街".repeat(20_000) });
    expect(huge.status).toBe(413);
  });

  it("the last unit goes to one buyer; the next hears it sold out, in their own language", async () => {
    const variant = await newVariant(1);
    const { show } = await liveTeaShow();
    const first = await buyNow(new Visitor(baseUrl), { ...ADDRESS, variantId: variant.id, showId: show.id });
    expect(first.status).toBe(200);
    const second = await buyNow(new Visitor(baseUrl), { ...ADDRESS, variantId: variant.id, showId: show.id });
    expect(second.status).toBe(409);
    expect(second.answer.reply?.error?.[""]?.[0]).toMatch(/库存不足，已售罄/);
    const english = new Visitor(baseUrl);
    expect((await english.post("/set-locale", { locale: "en", redirectTo: "/" })).status).toBe(302);
    const third = await buyNow(english, { ...ADDRESS, variantId: variant.id });
    expect(third.status).toBe(409);
    expect(third.answer.reply?.error?.[""]?.[0]).toMatch(/is sold out/);
  });

  it("the same form sent twice (a retry after a lost answer) places one order, and answers with it each time", async () => {
    const variant = await newVariant(5);
    const buyer = new Visitor(baseUrl);
    const form = { ...ADDRESS, variantId: variant.id, submission: crypto.randomUUID() };
    const first = await buyNow(buyer, form);
    const again = await buyNow(buyer, form);
    expect(again.status).toBe(200);
    expect(again.answer.redirectTo).toBe(first.answer.redirectTo);
    expect(await db.order.count({ where: { submissionKey: form.submission } })).toBe(1);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(4);

    // Once paid, the same form sends the buyer to the order itself rather than to pay again.
    const payUrl = new URL(first.answer.redirectTo!, baseUrl);
    const token = payUrl.searchParams.get("token")!;
    expect((await buyer.post(payUrl.pathname + payUrl.search, { outcome: "succeed", token })).status).toBe(302);
    const afterPaying = await buyNow(buyer, form);
    expect(afterPaying.answer.redirectTo).toBe(`/orders/${payUrl.pathname.split("/").pop()}?token=${token}`);
    expect(await db.order.count({ where: { submissionKey: form.submission } })).toBe(1);
  });
});
