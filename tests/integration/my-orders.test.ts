// 我的订单: a shopper's own orders, newest first, by tab, each leading to its page; nobody else's; guests are
// pointed to their signed link; the account page and the header lead there.
import { beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "~/domain/checkout/checkout.server";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { ADDRESS, variantBySku } from "../helpers/market";
import { createPaidOrder, reverseOrder } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";
import { newShopper, SHOPPER_PASSWORD } from "../helpers/shoppers";

const HOUR = 3_600_000;
let baseUrl: string;
let shopper: Visitor;
const numbers: Record<string, string> = {};
const ids: Record<string, string> = {};

/** The order numbers listed on a page of 我的订单, top to bottom. */
const listed = (html: string) => [...html.matchAll(/data-order="(CB[A-Z0-9]+)"/g)].map((match) => match[1]);

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  const email = await newShopper("myorders");
  const now = Date.now();
  const paid = async (name: string, hoursAgo: number, status?: "queued" | "packed" | "shipped" | "delivered") => {
    const order = await createPaidOrder({
      workshopSlug: "berry-good-market",
      buyerEmail: email,
      paidAt: new Date(now - hoursAgo * HOUR),
      status,
    });
    numbers[name] = order.number;
    ids[name] = order.orderId;
    return order;
  };
  await paid("oldDelivered", 50, "delivered");
  await paid("shipped", 40, "shipped");
  await paid("packing", 30, "packed");
  const refunded = await paid("refunded", 20, "queued");
  // Refunded in full, as the refund path leaves it: ledger reversed, parcel cancelled.
  await reverseOrder(refunded.orderId);
  await db.fulfilmentOrder.updateMany({ where: { orderId: refunded.orderId }, data: { status: "cancelled" } });
  await paid("newPaid", 10, "queued");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const unpaid = await placeOrder({
    userId: user.id,
    items: [{ variantId: (await variantBySku("BG-ZJ-2J")).id, quantity: 1 }],
    contact: ADDRESS,
    paymentProvider: "local",
  });
  numbers.unpaid = unpaid.number;
  ids.unpaid = unpaid.id;
  const someoneElse = await createPaidOrder({ workshopSlug: "berry-good-market", buyerEmail: "shopper@cunbo.test" });
  numbers.someoneElse = someoneElse.number;
  shopper = await new Visitor(baseUrl).logIn(email, SHOPPER_PASSWORD);
});

describe("我的订单", () => {
  it("lists the shopper's own orders, newest first, each linking to its page", async () => {
    const page = await shopper.get("/account/orders");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(listed(html)).toEqual(
      ["unpaid", "newPaid", "refunded", "packing", "shipped", "oldDelivered"].map((name) => numbers[name]),
    );
    expect(html).not.toContain(numbers.someoneElse);
    for (const id of Object.values(ids)) expect(html).toContain(`href="/orders/${id}"`);
    expect((await shopper.get(`/orders/${ids.shipped}`)).status).toBe(200);
    expect(html).toContain("待收货");
  });

  it("filters by tab: to pay, to ship, shipped, after-sales (orders with money given back)", async () => {
    const tab = async (status: string) => listed(await (await shopper.get(`/account/orders?status=${status}`)).text());
    expect(await tab("to_pay")).toEqual([numbers.unpaid]);
    expect(await tab("to_ship")).toEqual([numbers.newPaid, numbers.packing]);
    expect(await tab("shipped")).toEqual([numbers.shipped]);
    expect(await tab("after_sales")).toEqual([numbers.refunded]);
    const toPay = await (await shopper.get("/account/orders?status=to_pay")).text();
    expect(toPay).toMatch(/aria-current="page"[^>]*>待付款/);
  });

  it("refuses an unknown tab or page with 400, and shows a guest how to reach their order instead of a list", async () => {
    expect((await shopper.get("/account/orders?status=everything")).status).toBe(400);
    expect((await shopper.get("/account/orders?page=-1")).status).toBe(400);
    expect((await shopper.get("/account/orders?page=abc")).status).toBe(400);
    const guest = await new Visitor(baseUrl).get("/account/orders");
    expect(guest.status).toBe(200);
    const html = await guest.text();
    expect(html).toContain("请打开下单后收到的订单链接查看");
    expect(listed(html)).toEqual([]);
  });

  it("is reached from the account page and the header menu", async () => {
    const account = await (await shopper.get("/account")).text();
    expect(account.match(/href="\/account\/orders"/g)?.length).toBeGreaterThanOrEqual(2);
    const home = await (await shopper.get("/")).text();
    expect(home).toMatch(/href="\/account\/orders"[^>]*>我的订单/);
  });
});
