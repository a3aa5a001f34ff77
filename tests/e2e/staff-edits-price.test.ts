import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { launchBrowser, logIn, newContext } from "../helpers/browser";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
const browser = await launchBrowser();

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

describe("workshop staff edit a price on a phone", () => {
  it("staff open a product in the studio, change a variant's price, save, and the new price shows", async () => {
    const context = await newContext(browser, baseUrl);
    const page = await logIn(context, "staff.duzuo@cunbo.test", "cunbo2026");

    await page.getByRole("link", { name: "工坊后台" }).click();
    await page.waitForURL("**/studio/duzuo-rice-wine");
    await page.getByRole("link", { name: /钟埭老法糯米酒/ }).click();
    await page.getByRole("heading", { name: /编辑：钟埭老法糯米酒/ }).waitFor();

    const price = page.getByLabel("售价（元）").first();
    await price.fill("66.60");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("已保存");
    expect(await price.inputValue()).toBe("66.60");

    const variant = await db.variant.findUniqueOrThrow({ where: { sku: "DZ-RW-1J" } });
    expect(variant.priceFen).toBe(6660);

    await page.getByRole("link", { name: "商品", exact: true }).click();
    await page.waitForURL("**/studio/duzuo-rice-wine");
    await expect.poll(() => page.locator("main").textContent()).toContain("¥66.60");

    // A shopper, in another browser, sees the new price on the storefront.
    const shopper = await newContext(browser, baseUrl);
    const storefront = await shopper.newPage();
    await storefront.goto("/products/duzuo-glutinous-rice-wine");
    await expect.poll(() => storefront.locator("main").textContent()).toContain("¥66.60");
    await shopper.close();
    await context.close();
  });

  it("a price that is not an amount is refused beside the field, in the browser too", async () => {
    const context = await newContext(browser, baseUrl);
    const page = await logIn(context, "staff.duzuo@cunbo.test", "cunbo2026");
    const product = await db.product.findUniqueOrThrow({ where: { slug: "duzuo-sakura-rice-wine" } });
    await page.goto(`/studio/duzuo-rice-wine/products/${product.id}`);

    const price = page.getByLabel("售价（元）").first();
    await price.fill("-3");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect.poll(() => price.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await price.getAttribute("aria-describedby")) ?? "";
    const message = page.locator(`[id="${describedBy.split(" ")[0]}"]`);
    expect(await message.textContent()).toContain("请按元填写售价");
    expect(
      (await db.variant.findFirstOrThrow({ where: { productId: product.id }, orderBy: { position: "asc" } })).priceFen,
    ).toBe(6800);
    await context.close();
  });
});
