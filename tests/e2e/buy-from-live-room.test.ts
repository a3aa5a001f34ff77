// A viewer buys the pinned product from a live room's checkout sheet with the local provider, watches the order
// turn paid, and the workshop's member finds it in the packing queue.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { launchBrowser, logIn, newContext, DESKTOP } from "../helpers/browser";
import { liveTeaShow } from "../helpers/market";
import { startTestServer } from "../helpers/server";
import type { Browser } from "playwright-core";

let baseUrl: string;
let browser: Browser;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
});

describe("buying from a live room", () => {
  it("a viewer buys the pinned product, sees the order paid, and the workshop sees it in its queue", async () => {
    const { show, pin, variant } = await liveTeaShow();
    const viewer = await newContext(browser, baseUrl);
    const sheet = await viewer.newPage();
    // What the pinned card's "buy now" opens over the stream.
    await sheet.goto(
      `/checkout?${new URLSearchParams({ variantId: variant.id, showId: show.id, pinId: pin.id, sheet: "1" })}`,
    );
    await expect.poll(() => sheet.getByText(pin.product.titleZh).first().isVisible()).toBe(true);
    await sheet.getByLabel("收货人姓名").fill("王阿姨");
    await sheet.getByLabel("手机号（中国大陆）").fill("13812345678");
    await sheet.getByLabel("省份").selectOption("浙江省");
    await sheet.getByLabel("城市").fill("杭州市");
    await sheet.getByLabel("区 / 县").fill("余杭区");
    await sheet.getByLabel("详细地址（街道、小区、门牌号）").fill("径山镇径山村 12 号");
    await sheet.getByRole("button", { name: /^提交订单/ }).click();

    await sheet.waitForURL(/\/pay\/local\//);
    await expect.poll(() => sheet.getByText("测试支付 · 不会产生真实扣款").isVisible()).toBe(true);
    const orderId = new URL(sheet.url()).pathname.split("/").pop()!;

    // The order page, open in another tab, is waiting for the payment.
    const orderPage = await viewer.newPage();
    await orderPage.goto(
      await sheet
        .getByRole("link", { name: "查看订单" })
        .getAttribute("href")
        .then((href) => href!),
    );
    await expect.poll(() => orderPage.getByTestId("order-status").getAttribute("data-status")).toBe("pending_payment");
    await expect.poll(() => orderPage.evaluate(() => document.documentElement.dataset.orderLive)).toBe("1");

    await sheet.getByRole("button", { name: "支付成功" }).click();
    await sheet.waitForURL(new RegExp(`/orders/${orderId}`));
    await expect.poll(() => sheet.getByText("支付成功！工坊已收到你的订单。").isVisible()).toBe(true);
    // The other tab turns paid by itself.
    await expect
      .poll(() => orderPage.getByTestId("order-status").getAttribute("data-status"), { timeout: 10_000 })
      .toBe("paid");
    await expect.poll(() => orderPage.getByText("等待工坊接单").isVisible()).toBe(true);

    const { number } = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const staff = await newContext(browser, baseUrl, DESKTOP);
    const studio = await logIn(staff, "staff.tea@cunbo.test", "cunbo2026");
    await studio.goto("/studio/tea-fairy-jingshan/queue");
    await expect.poll(() => studio.getByTestId("queue-item").filter({ hasText: number }).isVisible()).toBe(true);
  });
});
