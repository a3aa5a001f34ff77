// A shopper's whole journey on a 360 px phone: buy in the live room, pay with the local provider, the workshop
// ships and the parcel arrives, the buyer opens an after-sales claim with a photo, the workshop approves part of
// it, and the buyer's page (left open) and the workshop's dashboard both show the refund.
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { formatMoney } from "~/lib/money";
import { DESKTOP, launchBrowser, logIn, newContext, PHONE } from "../helpers/browser";
import { buyNowInSheet } from "../helpers/live-sheet";
import { liveTeaShow } from "../helpers/market";
import { startTestServer } from "../helpers/server";
import { pngImage } from "../helpers/studio-forms";

const SHOTS = "tests/artifacts";
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
});

async function workshopSalesFen(workshopId: string) {
  const sum = await db.ledgerEntry.aggregate({ where: { orderLine: { workshopId } }, _sum: { amountFen: true } });
  return sum._sum.amountFen ?? 0;
}

describe("a shopper's journey", () => {
  it("buys in the live room, receives the parcel, claims with a photo and sees the partial refund live", async () => {
    const { show, pin } = await liveTeaShow();
    const phone = await newContext(browser, baseUrl, PHONE);
    const room = await logIn(phone, "shopper@cunbo.test", "cunbo2026");
    await room.goto(`/live/${show.id}`);
    await expect.poll(() => room.getByTestId("pinned-card").textContent()).toContain(pin.product.titleZh);
    const sheet = await buyNowInSheet(room, pin.product.titleZh, {
      name: "李小梅",
      phone: "13812345678",
      city: "杭州市",
      district: "余杭区",
      street: "径山镇径山村 12 号",
    });
    // Checkout says the tea's returns rule before the order is placed.
    await expect.poll(() => sheet.getByTestId("return-policy").first().textContent()).toContain("支持七天无理由退货");
    await sheet.getByRole("button", { name: /^提交订单/ }).click();
    await expect.poll(() => sheet.getByText("测试支付 · 不会产生真实扣款").isVisible(), { timeout: 10_000 }).toBe(true);
    const orderHref = (await sheet.getByRole("link", { name: "查看订单" }).getAttribute("href"))!;
    await sheet.getByRole("button", { name: "支付成功" }).click();
    await expect
      .poll(() => sheet.getByText("支付成功！工坊已收到你的订单。").isVisible(), { timeout: 10_000 })
      .toBe(true);
    const orderId = new URL(orderHref, baseUrl).pathname.split("/").pop()!;
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    expect(order.status).toBe("paid");

    // The workshop accepts, packs, ships and (the courier's word) marks it delivered.
    const staff = await newContext(browser, baseUrl, DESKTOP);
    const studio = await logIn(staff, "staff.tea@cunbo.test", "cunbo2026");
    await studio.goto("/studio/tea-fairy-jingshan/fulfilment");
    const card = studio.locator("article", { hasText: order.number });
    await card.getByRole("button", { name: "接单", exact: true }).click();
    await card.getByText("已接单", { exact: true }).waitFor();
    await card.getByRole("button", { name: "打包", exact: true }).click();
    await card.getByLabel("快递公司").selectOption("sf");
    await card.getByLabel("运单号").fill("SF1234567890123");
    await card.getByRole("button", { name: "发货", exact: true }).click();
    await studio.getByText("已发货 1 个包裹").waitFor();
    await studio.getByRole("link", { name: /^已发货/ }).click();
    const shipped = studio.locator("article", { hasText: order.number });
    await shipped.getByRole("button", { name: "确认送达", exact: true }).click();
    await studio.getByText("已标记送达 1 个包裹").waitFor();

    // The buyer opens the order page, then an after-sales claim with a photo.
    const orderPage = await phone.newPage();
    await orderPage.goto(orderHref);
    const panel = orderPage.getByTestId("after-sales-panel");
    await panel.getByRole("link", { name: "申请售后" }).click();
    await orderPage.getByRole("heading", { name: "申请售后" }).waitFor();
    await orderPage.getByLabel("原因").selectOption("quality");
    const paidFen = order.lines[0].lineTotalFen;
    expect(await orderPage.getByLabel(/^退款金额/).inputValue()).toBe((paidFen / 100).toFixed(2));
    await orderPage
      .getByLabel(/^凭证照片/)
      .setInputFiles({ name: "tea.png", mimeType: "image/png", buffer: pngImage(24) });
    await orderPage.getByLabel("补充说明（选填）").fill("茶叶受潮结块");
    await orderPage.screenshot({ path: `${SHOTS}/after-sales-form-360.png`, fullPage: true });
    await orderPage.getByRole("button", { name: "提交申请" }).click();
    await orderPage.getByTestId("after-sales-request").waitFor();
    expect(await orderPage.getByTestId("after-sales-request").getAttribute("data-status")).toBe("requested");
    const request = await db.afterSalesRequest.findFirstOrThrow({ where: { orderId } });
    expect(request.photos).toHaveLength(1);

    // Back on the order page, left open while the workshop answers.
    await orderPage.goto(orderHref);
    await expect.poll(() => orderPage.evaluate(() => document.documentElement.dataset.orderLive)).toBe("1");
    await orderPage.getByText("待商家处理").waitFor();

    const salesBefore = await workshopSalesFen(request.workshopId);
    await studio.goto("/studio/tea-fairy-jingshan/fulfilment/after-sales");
    await studio.getByTestId("desk-count-open").getByText("(1)").waitFor();
    const deskCard = studio.locator(`[data-testid="desk-request"][data-id="${request.id}"]`);
    await deskCard.getByText("茶叶受潮结块").waitFor();
    await studio.screenshot({ path: `${SHOTS}/after-sales-desk-desktop.png`, fullPage: true });
    const partFen = Math.floor(paidFen / 2);
    await deskCard.getByLabel(/^退款金额/).fill((partFen / 100).toFixed(2));
    await deskCard.getByRole("button", { name: "同意退款" }).click();
    await studio.getByTestId("desk-count-refunded").getByText("(1)").waitFor();

    // The buyer's page hears it by itself.
    await expect
      .poll(() => orderPage.getByTestId("after-sales-refunded").textContent(), { timeout: 10_000 })
      .toBe(`已退款 ${formatMoney(partFen)}`);
    await orderPage.screenshot({ path: `${SHOTS}/order-after-sales-360.png`, fullPage: true });
    const refunded = await db.afterSalesRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(refunded).toMatchObject({ status: "refunded", approvedFen: partFen, refundedFen: partFen });

    // The workshop's dashboard counts the sale less the refund.
    const salesAfter = await workshopSalesFen(request.workshopId);
    expect(salesAfter).toBe(salesBefore - partFen);
    await studio.goto("/studio/tea-fairy-jingshan/dashboard");
    await expect.poll(() => studio.locator("main").textContent()).toContain(formatMoney(salesAfter));
    await studio.screenshot({ path: `${SHOTS}/dashboard-after-refund-desktop.png`, fullPage: true });

    // The same pages on the other screen size.
    const desktopBuyer = await newContext(browser, baseUrl, DESKTOP);
    const desktopPage = await logIn(desktopBuyer, "shopper@cunbo.test", "cunbo2026");
    await desktopPage.goto(orderHref);
    await desktopPage.getByTestId("after-sales-refunded").waitFor();
    await desktopPage.screenshot({ path: `${SHOTS}/order-after-sales-desktop.png`, fullPage: true });
    const phoneStaff = await newContext(browser, baseUrl, PHONE);
    const phoneDesk = await logIn(phoneStaff, "staff.tea@cunbo.test", "cunbo2026");
    await phoneDesk.goto("/studio/tea-fairy-jingshan/fulfilment/after-sales?status=refunded");
    await phoneDesk.getByTestId("desk-request").waitFor();
    await phoneDesk.screenshot({ path: `${SHOTS}/after-sales-desk-360.png`, fullPage: true });
  }, 120_000);
});
