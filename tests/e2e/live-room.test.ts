import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { DESKTOP, launchBrowser, logIn, newContext, PHONE } from "../helpers/browser";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let browser: Browser;
let showId: string;
const ARTIFACTS = "tests/artifacts";

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
  const show = await db.show.findFirstOrThrow({
    where: { status: "live", host: { user: { email: "host.tea@cunbo.test" } } },
  });
  showId = show.id;
  await mkdir(ARTIFACTS, { recursive: true });
});

async function openRoomAsViewer(): Promise<Page> {
  const context = await newContext(browser, baseUrl, PHONE);
  const page = await logIn(context, "shopper@cunbo.test", "cunbo2026");
  await page.goto(`/live/${showId}`);
  await expect.poll(() => page.getByTestId("viewer-count").textContent()).toMatch(/人在看/);
  return page;
}

describe("live room in the browser", () => {
  it("the host pins from the console and the viewer's phone shows the card at once", async () => {
    const viewer = await openRoomAsViewer();
    const hostContext = await newContext(browser, baseUrl, DESKTOP);
    const host = await logIn(hostContext, "host.tea@cunbo.test", "cunbo2026");
    await host.goto(`/host/shows/${showId}`);

    await host.getByRole("button", { name: "置顶 塘栖茶糕" }).click();
    await expect.poll(() => viewer.getByTestId("pinned-card").textContent(), { timeout: 5000 }).toContain("塘栖茶糕");
    await expect.poll(() => host.getByTestId("host-pinned").textContent()).toContain("塘栖茶糕");
    await viewer.screenshot({ path: `${ARTIFACTS}/live-room-phone.png` });

    // A flash deal in three taps (each preset already chosen) plus start: the viewer sees its price and countdown.
    await host.getByText("8折").click();
    await host.getByText("5 件", { exact: true }).click();
    await host.getByText("3:00").click();
    await host.getByRole("button", { name: "开始闪购" }).click();
    await expect
      .poll(() => viewer.getByTestId("pinned-card").textContent(), { timeout: 5000 })
      .toMatch(/限时闪购 · 剩 5 件/);
    await expect.poll(() => viewer.getByRole("timer").textContent()).toMatch(/^[23]:\d\d$/);
    expect(await viewer.getByTestId("card-price").textContent()).toBe("¥20.00");
    await viewer.screenshot({ path: `${ARTIFACTS}/live-room-phone-deal.png` });
    await host.screenshot({ path: `${ARTIFACTS}/host-console-desktop.png`, fullPage: true });

    // Buying opens a sheet over the stream, and the checkout opens inside it: the shopper stays in the room.
    await viewer.getByRole("button", { name: "立即购买" }).click();
    const sheet = viewer.getByTestId("buy-sheet");
    await expect.poll(() => sheet.isVisible()).toBe(true);
    await viewer.screenshot({ path: `${ARTIFACTS}/live-room-phone-sheet.png` });
    await sheet.getByRole("button", { name: /立即购买 · ¥20\.00/ }).click();
    const checkout = viewer.frameLocator('[data-testid="checkout-frame"]');
    await expect.poll(() => checkout.getByText("¥20.00").first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(new URL(viewer.url()).pathname).toBe(`/live/${showId}`);
  });

  it("chat typed on one phone appears on another as plain text", async () => {
    const writer = await openRoomAsViewer();
    const readerContext = await newContext(browser, baseUrl, PHONE);
    const reader = await readerContext.newPage();
    await reader.goto(`/live/${showId}`);
    await expect.poll(() => reader.getByTestId("viewer-count").count()).toBe(1);

    await writer.getByLabel("说点什么…").fill("<b>好</b>茶 <script>alert(1)</script>");
    await writer.getByRole("button", { name: "发送" }).click();
    const lines = reader.getByTestId("chat-lines");
    await expect.poll(() => lines.textContent(), { timeout: 5000 }).toContain("<b>好</b>茶 <script>alert(1)</script>");
    expect(await lines.locator("b", { hasText: "好" }).count()).toBe(0);
  });

  it("a guest sees the room without signing in, and is asked to log in to chat", async () => {
    const context = await newContext(browser, baseUrl, PHONE);
    const page = await context.newPage();
    await page.goto(`/live/${showId}`);
    expect(await page.getByRole("link", { name: "登录后参与聊天" }).count()).toBe(1);
    await page.getByRole("link", { name: /商品 7/ }).click();
    await expect.poll(() => page.getByRole("dialog").isVisible()).toBe(true);
    expect(await page.getByRole("dialog").getByRole("listitem").count()).toBe(7);
  });
});
