// Each page brings only its routes' translations; moving to a page that needs other ones, in the browser without
// a reload, still shows every word translated.
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "../helpers/browser";
import { liveTeaShow } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let browser: Browser;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
});

describe("per-route translations", () => {
  it("the home page carries common, store and notices (its remind-me buttons) only, and a client-side move to a live room brings live's", async () => {
    const { show } = await liveTeaShow();
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto("/");
    const loaded = () =>
      page.evaluate(() => {
        const context = (window as { __remixContext?: { state: { loaderData: Record<string, unknown> } } })
          .__remixContext;
        return Object.keys((context?.state.loaderData.root as { resources: object }).resources);
      });
    expect((await loaded()).sort()).toEqual(["common", "notices", "store"]);
    const documents: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") documents.push(request.url());
    });
    await page.locator(`a[href="/live/${show.id}"]`).first().click();
    await page.waitForURL(`**/live/${show.id}`);
    const card = page.getByTestId("pinned-card");
    await expect.poll(() => card.getByRole("button", { name: "立即购买" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("直播中").first().isVisible()).toBe(true);
    expect(documents).toEqual([]); // moved by the client router, not a reload
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\b(live|checkout|card|status)[:.][a-z]/);
    // And back home, the store's words are still there.
    await page.goBack();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.locator("main").innerText()).not.toMatch(/\b(store|show|home)[:.][a-z]/);
    await context.close();
  });
});
