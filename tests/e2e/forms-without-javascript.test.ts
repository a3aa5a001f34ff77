// Every form a person uses works in a browser with JavaScript switched off (which is also how a page behaves on a
// slow phone before it has hydrated): log-in, add to cart, checkout and the test payment, the studio's product
// editor, a packing-room step and the host's pin; while a form on another site's page is answered with the 403 page.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "~/domain/checkout/checkout.server";
import { payLocally } from "~/domain/payments/local-payment.server";
import { db } from "~/lib/db.server";
import { PHONE, launchBrowser } from "../helpers/browser";
import { ADDRESS, liveTeaShow, variantBySku } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
});

async function withoutJavaScript(): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl, viewport: PHONE, locale: "zh-CN", javaScriptEnabled: false });
}

/** Logs in through the form; with no script running, the browser posts it and follows the redirect itself. */
async function logIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(/邮箱/).fill(email);
  await page.getByLabel(/密码/).fill("cunbo2026");
  const answer = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  // The page's Referrer-Policy lets the browser say where the form came from (no-referrer made it `null`).
  expect(await (await answer).request().headerValue("origin")).toBe(baseUrl);
  expect((await answer).status()).toBe(302);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/** Clicks a submit button and returns the status the form post was answered with. */
async function submit(page: Page, click: () => Promise<void>): Promise<number> {
  const answer = page.waitForResponse((response) => response.request().method() === "POST");
  await click();
  const status = (await answer).status();
  await page.waitForLoadState();
  return status;
}

describe("forms without JavaScript", () => {
  it("a shopper logs in, taps 立即购买 on the pinned card, checks out and pays with the test provider", async () => {
    const context = await withoutJavaScript();
    const page = await logIn(context, "shopper@cunbo.test");
    const { show, variant } = await liveTeaShow();
    await page.goto(`/live/${show.id}`);
    const card = page.getByTestId("pinned-card");
    expect(await submit(page, () => card.getByRole("button", { name: "立即购买" }).click())).toBe(302);
    const cart = await db.cart.findFirstOrThrow({
      where: { user: { email: "shopper@cunbo.test" } },
      include: { lines: true },
    });
    expect(cart.lines.map((line) => line.variantId)).toContain(variant.id);

    await page.goto("/checkout");
    await page.getByLabel("收货人姓名").fill(ADDRESS.contactName);
    await page.getByLabel(/^手机号/).fill(ADDRESS.phone);
    await page.getByLabel(/邮箱/).fill(ADDRESS.email);
    await page.getByLabel("省份").selectOption(ADDRESS.province);
    await page.getByLabel("城市").fill(ADDRESS.city);
    await page.getByLabel("区 / 县").fill(ADDRESS.district);
    await page.getByLabel(/详细地址/).fill(ADDRESS.street);
    expect(await submit(page, () => page.getByRole("button", { name: /^提交订单/ }).click())).toBe(302);
    await page.waitForURL("**/pay/local/**");
    const orderId = new URL(page.url()).pathname.split("/").pop()!;
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending_payment");

    expect(await submit(page, () => page.getByRole("button", { name: "支付成功" }).click())).toBe(302);
    await expect.poll(async () => (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    await context.close();
  });

  it("workshop staff save a product in the studio", async () => {
    const context = await withoutJavaScript();
    const page = await logIn(context, "staff.duzuo@cunbo.test");
    const product = await db.product.findUniqueOrThrow({ where: { slug: "duzuo-glutinous-rice-wine" } });
    await page.goto(`/studio/duzuo-rice-wine/products/${product.id}`);
    await page.getByLabel("售价（元）").first().fill("61.20");
    const status = await submit(page, () => page.getByRole("button", { name: "保存", exact: true }).click());
    expect(status).toBeLessThan(400);
    expect((await db.variant.findUniqueOrThrow({ where: { sku: "DZ-RW-1J" } })).priceFen).toBe(6120);
    await context.close();
  });

  it("packing-room staff accept a paid order", async () => {
    const wine = await variantBySku("DZ-ZF-1J");
    const order = await placeOrder({
      userId: null,
      items: [{ variantId: wine.id, quantity: 1 }],
      contact: ADDRESS,
      paymentProvider: "local",
    });
    await payLocally(order.id, "succeed");
    const context = await withoutJavaScript();
    const page = await logIn(context, "staff.duzuo@cunbo.test");
    await page.goto("/studio/duzuo-rice-wine/fulfilment");
    const card = page.locator("article", { hasText: order.number });
    const status = await submit(page, () => card.getByRole("button", { name: "接单", exact: true }).click());
    expect(status).toBeLessThan(400);
    const parcel = await db.fulfilmentOrder.findFirstOrThrow({ where: { orderId: order.id } });
    expect(parcel.status).toBe("accepted");
    await context.close();
  });

  it("a host pins a product from the console", async () => {
    const { show } = await liveTeaShow();
    const context = await withoutJavaScript();
    const page = await logIn(context, "host.tea@cunbo.test");
    await page.goto(`/host/shows/${show.id}`);
    const status = await submit(page, () => page.getByRole("button", { name: "置顶 塘栖茶糕" }).click());
    expect(status).toBeLessThan(400);
    const pin = await db.pin.findFirstOrThrow({
      where: { showId: show.id, unpinnedAt: null },
      include: { product: true },
    });
    expect(pin.product.titleZh).toContain("塘栖茶糕");
    await context.close();
  });

  it("a form on a page of another port of the same host gets the 403 page and changes nothing", async () => {
    const context = await withoutJavaScript();
    const page = await logIn(context, "shopper@cunbo.test");
    const orders = await db.order.count({ where: { user: { email: "shopper@cunbo.test" } } });
    const { show, pin, variant } = await liveTeaShow();
    const fields = { ...ADDRESS, variantId: variant.id, quantity: "1", showId: show.id, pinId: pin.id };
    const inputs = Object.entries(fields).map(
      ([name, value]) => `<input type="hidden" name="${name}" value="${value}">`,
    );
    const lure = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><form method="post" action="${baseUrl}/buy-now">${inputs.join("")}<button>领红包</button></form>` +
          `<form method="post" action="${baseUrl}/logout"><button>抽奖</button></form>`,
      );
    });
    await new Promise<void>((resolve) => lure.listen(0, "127.0.0.1", resolve));
    const lureUrl = `http://127.0.0.1:${(lure.address() as AddressInfo).port}/`;
    try {
      for (const button of ["领红包", "抽奖"]) {
        await page.goto(lureUrl);
        expect(await submit(page, () => page.getByRole("button", { name: button }).click())).toBe(403);
        await page.getByRole("heading", { name: "这次提交没有执行" }).waitFor();
        await page.getByText("这个表单是从别的网站").waitFor();
      }
      expect(await db.order.count({ where: { user: { email: "shopper@cunbo.test" } } })).toBe(orders);
      await page.goto("/account");
      expect(new URL(page.url()).pathname).toBe("/account");
    } finally {
      await new Promise<void>((resolve) => lure.close(() => resolve()));
      await context.close();
    }
  });
});
