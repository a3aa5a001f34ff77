// Buying in one tap on a 360 px phone: a signed-in shopper with a saved address opens the pinned product's sheet
// in the live room, sees where it will go, taps once and reaches the payment page (with the time left on the
// hold) without typing an address; the order ships to the saved address. Also looks at the new screens.
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { addAddress } from "~/domain/accounts/addresses.server";
import { db } from "~/lib/db.server";
import { DESKTOP, launchBrowser, logIn, newContext } from "../helpers/browser";
import { liveTeaShow } from "../helpers/market";
import { newShopper, SHOPPER_PASSWORD } from "../helpers/shoppers";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let browser: Browser;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
});

const SAVED = {
  recipientName: "赵奶奶",
  phone: "13712345678",
  province: "浙江省",
  city: "杭州市",
  district: "余杭区",
  street: "径山镇小古城村 6 号",
};

describe("buying in one tap", () => {
  it("a signed-in shopper with a saved address buys the pinned product in one tap and reaches payment", async () => {
    const email = await newShopper("onetap");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await addAddress(user.id, { ...SAVED, street: "良渚街道 1 号" });
    const saved = await addAddress(user.id, SAVED, { makeDefault: true });
    const { show, pin } = await liveTeaShow();

    const context = await newContext(browser, baseUrl);
    const room = await logIn(context, email, SHOPPER_PASSWORD);
    await room.goto(`/live/${show.id}`);
    await expect.poll(() => room.getByTestId("pinned-card").textContent()).toContain(pin.product.titleZh);
    await room.getByRole("button", { name: "立即购买" }).click();
    const sheet = room.getByTestId("buy-sheet");
    const shipTo = sheet.getByTestId("ship-to");
    await expect.poll(() => shipTo.textContent()).toContain("赵奶奶");
    expect(await shipTo.textContent()).toContain("137****5678");
    expect(await shipTo.textContent()).toContain(SAVED.street);
    // The button carries the server's delivered total once it has arrived.
    const place = sheet.getByRole("button", { name: /^提交订单 · ¥/ });
    await expect.poll(() => place.isEnabled(), { timeout: 10_000 }).toBe(true);
    await room.screenshot({ path: "tests/artifacts/one-tap-sheet-360.png" });

    // Changing the address is one more tap, and back.
    await sheet.getByRole("button", { name: "更换收货地址" }).click();
    await sheet.getByTestId("address-choice").waitFor();
    await room.screenshot({ path: "tests/artifacts/one-tap-choose-360.png" });
    await sheet.getByText("径山镇小古城村 6 号").click();
    await expect.poll(() => shipTo.textContent()).toContain(SAVED.street);

    await place.click();
    const frame = room.frameLocator('[data-testid="checkout-frame"]');
    await expect.poll(() => frame.getByText("测试支付 · 不会产生真实扣款").isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => frame.getByText("剩余支付时间").isVisible()).toBe(true);
    expect(await frame.getByRole("timer").textContent()).toMatch(/^(10:00|9:[0-5]\d)$/);
    await room.screenshot({ path: "tests/artifacts/one-tap-pay-360.png" });
    // No address was typed: the sheet never showed the checkout form.
    expect(await frame.getByLabel("收货人姓名").count()).toBe(0);

    const orderHref = (await frame.getByRole("link", { name: "查看订单" }).getAttribute("href"))!;
    const orderId = new URL(orderHref, baseUrl).pathname.split("/").pop()!;
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    expect(order).toMatchObject({
      userId: user.id,
      status: "pending_payment",
      contactName: saved.recipientName,
      phone: saved.phone,
      street: saved.street,
    });
    expect(order.lines[0]).toMatchObject({ showId: show.id, pinId: pin.id, variantId: pin.product.variants[0].id });
  });

  it("looks right at 360 px and on a desktop: address book, product page, cart, payment", async () => {
    const { pin } = await liveTeaShow();
    for (const [name, viewport] of [
      ["360", undefined],
      ["desktop", DESKTOP],
    ] as const) {
      const email = await newShopper("looks");
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      await addAddress(user.id, SAVED);
      await addAddress(user.id, { ...SAVED, recipientName: "钱师傅", street: "安吉县递铺街道 8 号" });
      const page = await logIn(await newContext(browser, baseUrl, viewport), email, SHOPPER_PASSWORD);
      await page.goto("/account/addresses");
      await page.screenshot({ path: `tests/artifacts/addresses-${name}.png`, fullPage: true });
      await page.goto("/account/addresses/new");
      await page.getByRole("button", { name: "保存地址" }).click();
      await page.getByText("请填写 11 位中国大陆手机号，如 13812345678").waitFor();
      await page.screenshot({ path: `tests/artifacts/address-new-errors-${name}.png`, fullPage: true });
      await page.goto(`/products/${pin.product.slug}`);
      await page.getByRole("button", { name: "加入购物车" }).click();
      await page.getByRole("status").getByText("已加入购物车").first().waitFor();
      await expect.poll(() => page.getByTestId("cart-count").textContent()).toBe("1");
      await page.screenshot({ path: `tests/artifacts/product-added-${name}.png` });
      await page.goto("/cart");
      await page.getByRole("button", { name: /增加一件/ }).click();
      await expect.poll(() => page.getByTestId("cart-count").textContent()).toBe("2");
      await page.screenshot({ path: `tests/artifacts/cart-steppers-${name}.png`, fullPage: true });
    }
  });
});
