// With Stripe configured, buying in the live room's sheet takes the whole window to Stripe's page: Stripe's
// Checkout cannot open inside the sheet. Stripe is a local stand-in of its API (tests/helpers/stripe-stand-in.ts).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { PHONE, launchBrowser, newContext } from "../helpers/browser";
import { buyNowInSheet } from "../helpers/live-sheet";
import { ADDRESS, liveTeaShow } from "../helpers/market";
import { startTestServer } from "../helpers/server";
import { startStripeStandIn, type StripeStandIn } from "../helpers/stripe-stand-in";

let baseUrl: string;
let browser: Browser;
let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_standin",
    STRIPE_WEBHOOK_SECRET: "whsec_test_cunbo",
    STRIPE_API_HOST: stripe.url,
  });
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
});
afterAll(() => stripe.close());

describe("buying from a live room with Stripe", () => {
  it("sends the whole window, not the sheet, to Stripe's page for the order just placed", async () => {
    const { show, pin } = await liveTeaShow();
    const room = await (await newContext(browser, baseUrl)).newPage();
    await room.goto(`/live/${show.id}`);
    const sheet = await buyNowInSheet(room, pin.product.titleZh, {
      name: "陈老师",
      phone: "13712345678",
      city: "杭州市",
      district: "西湖区",
      street: "龙井村 3 号",
    });
    await expect.poll(() => sheet.getByText("Stripe").first().isVisible()).toBe(true);
    await sheet.getByRole("button", { name: /^提交订单/ }).click();

    await room.waitForURL((url) => url.href.startsWith(`${stripe.url}/pay/cs_`), { timeout: 10_000 });
    const sessionId = new URL(room.url()).pathname.split("/").pop()!;
    const order = await db.order.findFirstOrThrow({ where: { paymentRef: sessionId }, include: { lines: true } });
    expect(order).toMatchObject({ status: "pending_payment", paymentProvider: "stripe", contactName: "陈老师" });
    expect(order.lines[0]).toMatchObject({ showId: show.id, pinId: pin.id });
    expect(stripe.session(sessionId).amount_total).toBe(order.totalFen);
  });

  it("without JavaScript, the checkout form's post is redirected to Stripe's page (the CSP's form-action allows it)", async () => {
    const { show } = await liveTeaShow();
    const context = await browser.newContext({ baseURL: baseUrl, viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/live/${show.id}`);
    await page.getByTestId("pinned-card").getByRole("button", { name: "加入购物车" }).click();
    await page.goto("/checkout");
    await page.getByLabel("收货人姓名").fill(ADDRESS.contactName);
    await page.getByLabel(/^手机号/).fill(ADDRESS.phone);
    await page.getByLabel("省份").selectOption(ADDRESS.province);
    await page.getByLabel("城市").fill(ADDRESS.city);
    await page.getByLabel("区 / 县").fill(ADDRESS.district);
    await page.getByLabel(/详细地址/).fill(ADDRESS.street);
    await page.getByRole("button", { name: /^提交订单/ }).click();
    await page.waitForURL((url) => url.href.startsWith(`${stripe.url}/pay/cs_`), { timeout: 10_000 });
    await context.close();
  });
});
