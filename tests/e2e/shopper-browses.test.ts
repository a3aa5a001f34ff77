import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newContext, PHONE } from "../helpers/browser";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let browser: Browser;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
});

describe("a shopper on a phone", () => {
  it("browses from the home page to a workshop and a product, picks a variant, and reads it in English", async () => {
    const context = await newContext(browser, baseUrl, PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });

    await page.goto("/");
    await expect(page.getByRole("heading", { name: "正在直播" }).isVisible()).resolves.toBe(true);
    expect(await page.getByText("直播中").count()).toBeGreaterThanOrEqual(2);
    // The page fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page
      .getByRole("link", { name: /莓好集市/ })
      .first()
      .click();
    await page.waitForURL("**/workshops/berry-good-market");
    await page.getByRole("heading", { level: 1, name: "莓好集市" }).waitFor();
    expect(await page.getByText("全程冷链").isVisible()).toBe(true);

    await page
      .getByRole("link", { name: /建德红颜草莓/ })
      .first()
      .click();
    await page.waitForURL("**/products/jiande-hongyan-strawberry");
    await page.getByRole("heading", { level: 1, name: "建德红颜草莓" }).waitFor();
    const price = page.locator('[aria-live="polite"]');
    expect(await price.textContent()).toContain("¥89.00");

    // Choosing a variant changes the price at once, without asking the server for anything.
    const dataRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes(".data")) dataRequests.push(request.url());
    });
    // A person taps the option's label (the radio itself is visually hidden behind it).
    await page.locator("label", { hasText: "3斤礼盒" }).click();
    await page.waitForURL(/variant=/);
    await expect.poll(() => price.textContent()).toContain("¥129.00");
    expect(await price.textContent()).toContain("多出的 ¥16.82");
    expect(await page.getByRole("radio", { name: /3斤礼盒/ }).isChecked()).toBe(true);
    expect(dataRequests).toEqual([]);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Jiande Hongyan strawberries" }).waitFor();
    expect(await page.getByRole("button", { name: "Add to cart" }).isVisible()).toBe(true);
    // The chosen variant survives the switch.
    expect(await price.textContent()).toContain("¥129.00");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Jiande Hongyan strawberries" }).waitFor();
    expect(await page.getByText("Choose an option").isVisible()).toBe(true);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    expect(errors).toEqual([]);
    await context.close();
  });
});
