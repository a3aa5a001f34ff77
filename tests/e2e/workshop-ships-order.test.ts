import { beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "~/domain/checkout/checkout.server";
import { payLocally } from "~/domain/payments/local-payment.server";
import { db } from "~/lib/db.server";
import { launchBrowser, logIn, newContext } from "../helpers/browser";
import { ADDRESS, variantBySku } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

describe("a workshop ships an order", () => {
  it("a paid order arrives live in the packing room, is accepted, packed and shipped with a tracking number", async () => {
    const browser = await launchBrowser();
    const context = await newContext(browser, baseUrl);
    const page = await logIn(context, "staff.duzuo@cunbo.test", "cunbo2026");
    await page.goto("/studio/duzuo-rice-wine/fulfilment");
    await page.getByText("实时接单中").waitFor();

    // A shopper buys and pays with the local provider while the packing room is open.
    const wine = await variantBySku("DZ-ZF-1J");
    const order = await placeOrder({
      userId: null,
      items: [{ variantId: wine.id, quantity: 2, customisationNote: "送给妈妈，请别放价格单" }],
      contact: { ...ADDRESS, contactName: "王阿姨" },
      paymentProvider: "local",
    });
    await payLocally(order.id, "succeed");
    const { id: fulfilmentOrderId } = await db.fulfilmentOrder.findFirstOrThrow({ where: { orderId: order.id } });
    await page.getByText(`新订单到了：${order.number}`).waitFor();
    const card = page.locator("article", { hasText: order.number });
    await card.waitFor();
    await card.getByText("定制要求：送给妈妈，请别放价格单").waitFor();

    await card.getByRole("button", { name: "接单", exact: true }).click();
    await card.getByText("已接单", { exact: true }).waitFor();
    await card.getByRole("button", { name: "打包", exact: true }).click();
    await card.getByLabel("运单号").waitFor();

    await card.getByLabel("快递公司").selectOption("sf");
    await card.getByLabel("运单号").fill("12345");
    await card.getByRole("button", { name: "发货", exact: true }).click();
    await card.getByText("运单号格式和所选快递公司不符，请核对").waitFor();
    expect((await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: fulfilmentOrderId } })).status).toBe("packed");

    await card.getByLabel("运单号").fill("SF 1234 5678 90123");
    await card.getByRole("button", { name: "发货", exact: true }).click();
    await page.getByText("已发货 1 个包裹").waitFor();

    await page.getByRole("link", { name: /^已发货/ }).click();
    const shipped = page.locator("article", { hasText: order.number });
    await shipped.getByTestId("tracking").waitFor();
    expect(await shipped.getByTestId("tracking").textContent()).toBe("顺丰速运 SF1234567890123");
    const parcel = await db.fulfilmentOrder.findUniqueOrThrow({
      where: { id: fulfilmentOrderId },
      include: { events: { orderBy: { createdAt: "asc" } } },
    });
    expect(parcel).toMatchObject({ status: "shipped", courier: "sf", trackingNumber: "SF1234567890123" });
    expect(parcel.events.map((event) => event.toStatus)).toEqual(["queued", "accepted", "packed", "shipped"]);
    await shipped.getByText(/处理记录/).click();
    // The history speaks the UI's language: the courier's name, not its code, and no English "paid".
    await shipped.getByText("已打包 → 已发货 · 沈美华 · 顺丰速运 运单号 SF1234567890123").waitFor();
    await shipped.getByText("待接单 · 系统 · 买家已付款").waitFor();
  });
});
