// Under the Content-Security-Policy, pages still hydrate and work in Chromium without a single violation: log-in,
// the live room's socket and chat, the checkout sheet framed over the stream, and a show's stream or player page
// from another host.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { PHONE, launchBrowser, logIn } from "../helpers/browser";
import { buyNowInSheet } from "../helpers/live-sheet";
import { liveTeaShow } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let browser: Browser;
let mediaHost: { url: string; server: Server; requests: string[] };

/** Another host a show plays from: an HLS playlist and an embeddable player page. */
async function startMediaHost() {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url?.startsWith("/live.m3u8")) {
      res.writeHead(200, { "Content-Type": "application/vnd.apple.mpegurl", "Access-Control-Allow-Origin": "*" });
      res.end("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n");
    } else {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>player</title><p>外站播放器</p>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
  mediaHost = await startMediaHost();
});
afterAll(() => new Promise<void>((resolve) => mediaHost.server.close(() => resolve())));

type Watched = { context: BrowserContext; problems: string[] };

/** A phone whose every CSP violation, console error and uncaught error is written down. */
async function watchedPhone(): Promise<Watched> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: PHONE, locale: "zh-CN" });
  const problems: string[] = [];
  await context.exposeBinding("reportViolation", (_source, text: string) => problems.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      void report(`CSP ${event.effectiveDirective} blocked ${event.blockedURI} at ${event.documentURI}`);
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  context.on("weberror", (error) => problems.push(`page error: ${error.error().message}`));
  return { context, problems };
}

/** Remix's router exists in the page only once the page has hydrated. */
async function hydrated(page: Page) {
  await page.waitForFunction(() => "__remixRouter" in window);
}

async function setPlayback(showId: string, kind: "hls" | "embed" | null, url: string | null) {
  await db.show.update({ where: { id: showId }, data: { playbackKind: kind, playbackUrl: url } });
}

describe("the Content-Security-Policy", () => {
  it("every page gets its own nonce, carried by each of its inline scripts", async () => {
    const pages = await Promise.all([fetch(`${baseUrl}/`), fetch(`${baseUrl}/`)]);
    const nonces = await Promise.all(
      pages.map(async (response) => {
        const policy = response.headers.get("content-security-policy") ?? "";
        expect(policy).toContain("frame-ancestors 'self'");
        expect(policy).toContain("object-src 'none'");
        expect(policy).toContain("base-uri 'self'");
        expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
        const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
        const html = await response.text();
        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length).toBeGreaterThan(0);
        for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
        return nonce;
      }),
    );
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("a shopper logs in, chats in the live room over its socket and buys in the framed checkout sheet, with no violation", async () => {
    const { show, pin } = await liveTeaShow();
    const { context, problems } = await watchedPhone();
    const page = await logIn(context, "shopper@cunbo.test", "cunbo2026");
    await hydrated(page);
    await page.goto(`/live/${show.id}`);
    await hydrated(page);
    await page.getByLabel("说点什么…").fill("CSP 下也能聊天");
    await page.getByRole("button", { name: "发送" }).click();
    await expect
      .poll(() => page.getByTestId("chat-lines").textContent(), { timeout: 5000 })
      .toContain("CSP 下也能聊天");

    const sheet = await buyNowInSheet(page, pin.product.titleZh, {
      name: "陈老师",
      phone: "13712345678",
      city: "杭州市",
      district: "西湖区",
      street: "龙井村 3 号",
    });
    await sheet.getByRole("button", { name: /^提交订单/ }).click();
    await sheet.getByRole("button", { name: "支付成功" }).click();
    await expect
      .poll(
        () =>
          sheet
            .getByText(/已支付|支付成功/)
            .first()
            .isVisible(),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a show streams from another host's HLS playlist, or frames its player page, with no violation", async () => {
    const { show } = await liveTeaShow();
    const { context, problems } = await watchedPhone();
    const page = await context.newPage();
    try {
      await setPlayback(show.id, "embed", `${mediaHost.url}/player.html`);
      await page.goto(`/live/${show.id}`);
      await hydrated(page);
      await expect
        .poll(() => page.frameLocator("iframe").first().getByText("外站播放器").isVisible(), { timeout: 5000 })
        .toBe(true);

      await setPlayback(show.id, "hls", `${mediaHost.url}/live.m3u8`);
      await page.goto(`/live/${show.id}`);
      await hydrated(page);
      await expect
        .poll(() => mediaHost.requests.some((url) => url.startsWith("/live.m3u8")), { timeout: 5000 })
        .toBe(true);
      expect(problems.filter((problem) => problem.startsWith("CSP"))).toEqual([]);
    } finally {
      await setPlayback(show.id, null, null);
      await context.close();
    }
  });

  it("the studio's pages, the packing room's live queue and the host console hydrate with no violation", async () => {
    const { show } = await liveTeaShow();
    const product = await db.product.findUniqueOrThrow({ where: { slug: "duzuo-glutinous-rice-wine" } });
    const staff = await watchedPhone();
    const page = await logIn(staff.context, "staff.duzuo@cunbo.test", "cunbo2026");
    for (const path of ["/studio/duzuo-rice-wine/dashboard", `/studio/duzuo-rice-wine/products/${product.id}`]) {
      await page.goto(path);
      await hydrated(page);
    }
    await page.goto("/studio/duzuo-rice-wine/fulfilment");
    await page.getByText("实时接单中").waitFor();
    const host = await watchedPhone();
    const hostPage = await logIn(host.context, "host.tea@cunbo.test", "cunbo2026");
    await hostPage.goto(`/host/shows/${show.id}`);
    await hydrated(hostPage);
    await hostPage.getByRole("button", { name: "置顶 塘栖茶糕" }).click();
    await expect.poll(() => hostPage.getByTestId("host-pinned").textContent()).toContain("塘栖茶糕");
    expect([...staff.problems, ...host.problems]).toEqual([]);
    await staff.context.close();
    await host.context.close();
  });
});
