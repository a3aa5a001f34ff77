// The whole journey of one parcel: a viewer in a live room buys the pinned product from the sheet over the stream
// with the local provider and sees the order paid; the workshop finds it in its packing room, accepts, packs and
// ships it with a tracking number; the buyer's order page, left open, shows the tracking number by itself.
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { DESKTOP, launchBrowser, logIn, newContext } from "../helpers/browser";
import { buyNowInSheet } from "../helpers/live-sheet";
import { liveTeaShow } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let browser: Browser;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
});

describe("buying from a live room", () => {
  it("a viewer buys the pinned product in the room, the workshop ships it, and the buyer sees the tracking number", async () => {
    const { show, pin } = await liveTeaShow();
    const viewer = await newContext(browser, baseUrl);
    const room = await viewer.newPage();
    const posts: string[] = [];
    room.on("request", (request) => {
      if (request.method() === "POST") posts.push(new URL(request.url()).pathname);
    });
    await room.goto(`/live/${show.id}`);
    await expect.poll(() => room.getByTestId("pinned-card").textContent()).toContain(pin.product.titleZh);
    // The checkout sits in the sheet, over the stream.
    const sheet = await buyNowInSheet(room, pin.product.titleZh, {
      name: "王阿姨",
      phone: "13812345678",
      city: "杭州市",
      district: "余杭区",
      street: "径山镇径山村 12 号",
    });
    await sheet.getByRole("button", { name: /^提交订单/ }).click();
    await expect.poll(() => sheet.getByText("测试支付 · 不会产生真实扣款").isVisible(), { timeout: 10_000 }).toBe(true);
    // The sheet placed the order through the lean endpoint built for flash-sale crowds.
    expect(posts).toContain("/buy-now");
    const orderHref = (await sheet.getByRole("link", { name: "查看订单" }).getAttribute("href"))!;
    await sheet.getByRole("button", { name: "支付成功" }).click();
    await expect
      .poll(() => sheet.getByText("支付成功！工坊已收到你的订单。").isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(new URL(room.url()).pathname).toBe(`/live/${show.id}`);
    // Everyone in the room sees the sale on the ticker: a city and a quantity, never a name.
    await expect
      .poll(() => room.getByTestId("sold-ticker").textContent(), { timeout: 10_000 })
      .toContain(`杭州市的买家刚买了 1 件「${pin.product.titleZh}」`);

    const orderId = new URL(orderHref, baseUrl).pathname.split("/").pop()!;
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    expect(order.status).toBe("paid");
    expect(order.lines[0]).toMatchObject({ showId: show.id, pinId: pin.id });

    // The buyer keeps their order page open while the workshop works.
    const orderPage = await viewer.newPage();
    await orderPage.goto(orderHref);
    await expect.poll(() => orderPage.getByTestId("order-status").getAttribute("data-status")).toBe("paid");
    await expect.poll(() => orderPage.evaluate(() => document.documentElement.dataset.orderLive)).toBe("1");

    const staff = await newContext(browser, baseUrl, DESKTOP);
    const studio = await logIn(staff, "staff.tea@cunbo.test", "cunbo2026");
    await studio.goto("/studio/tea-fairy-jingshan/fulfilment");
    const card = studio.locator("article", { hasText: order.number });
    await card.waitFor();
    await card.getByRole("button", { name: "接单", exact: true }).click();
    await card.getByText("已接单", { exact: true }).waitFor();
    await card.getByRole("button", { name: "打包", exact: true }).click();
    await card.getByLabel("快递公司").selectOption("sf");
    await card.getByLabel("运单号").fill("SF1234567890123");
    await card.getByRole("button", { name: "发货", exact: true }).click();
    await studio.getByText("已发货 1 个包裹").waitFor();

    await expect.poll(() => orderPage.locator("main").textContent(), { timeout: 10_000 }).toContain("SF1234567890123");
  });

  it("a buyer who taps after the last unit went hears it sold out beside the button, with the address still filled in", async () => {
    const { show, pin, variant } = await liveTeaShow();
    const room = await (await newContext(browser, baseUrl)).newPage();
    await room.goto(`/live/${show.id}`);
    const sheet = await buyNowInSheet(room, pin.product.titleZh, {
      name: "李师傅",
      phone: "13912345678",
      city: "湖州市",
      district: "安吉县",
      street: "递铺街道 8 号",
    });
    // While they typed, the crowd took the last unit.
    await db.variant.update({ where: { id: variant.id }, data: { stock: 0 } });
    await sheet.getByRole("button", { name: /^提交订单/ }).click();
    await expect.poll(() => sheet.getByText("库存不足，已售罄").isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await sheet.getByLabel("详细地址（街道、小区、门牌号）").inputValue()).toBe("递铺街道 8 号");
    await room.screenshot({ path: "tests/artifacts/live-room-sold-out.png" });
  });
});
