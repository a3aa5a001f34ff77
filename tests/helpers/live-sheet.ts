// The live room's buying sheet as a viewer uses it: tap "buy now", then fill in the checkout inside the sheet.
import type { Page } from "playwright-core";
import { expect } from "vitest";

export type SheetAddress = { name: string; phone: string; city: string; district: string; street: string };

/** Taps "buy now" on the pinned card and then in the sheet, and fills in a Zhejiang address in the checkout there. */
export async function buyNowInSheet(room: Page, title: string, address: SheetAddress) {
  await room.getByRole("button", { name: "立即购买" }).click();
  await room
    .getByTestId("buy-sheet")
    .getByRole("button", { name: /^立即购买 · ¥/ })
    .click();
  const sheet = room.frameLocator('[data-testid="checkout-frame"]');
  await expect.poll(() => sheet.getByText(title).first().isVisible(), { timeout: 10_000 }).toBe(true);
  await sheet.getByLabel("收货人姓名").fill(address.name);
  await sheet.getByLabel("手机号（中国大陆）").fill(address.phone);
  await sheet.getByLabel("省份").selectOption("浙江省");
  await sheet.getByLabel("城市").fill(address.city);
  await sheet.getByLabel("区 / 县").fill(address.district);
  await sheet.getByLabel("详细地址（街道、小区、门牌号）").fill(address.street);
  return sheet;
}
