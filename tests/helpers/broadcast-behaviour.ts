// The host broadcasts Chromium's fake camera from the console (WHIP) and a viewer's phone plays it in the live
// room (WHEP), through one media engine, with the pinned card over the moving picture. tests/e2e/broadcast*.test.ts
// run it against each engine (the room's player speaks whichever WHEP mode the engine asks for).
import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { DESKTOP, launchBrowser, logIn, newContext, PHONE } from "./browser";
import { startTestServer } from "./server";
import { requireEngine, type EngineName } from "./whip-whep-behaviours";

export function broadcastBehaviour(engine: EngineName) {
  process.env.MEDIA_ICE_ADDRESS = "127.0.0.1";

  let baseUrl: string;
  let browser: Browser;
  const ARTIFACTS = "tests/artifacts";

  beforeAll(async () => {
    requireEngine(engine);
    baseUrl = (await startTestServer({ mediaEngine: engine })).url;
    browser = await launchBrowser(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
    await mkdir(ARTIFACTS, { recursive: true });
  });

  /** A live show of the tea host's with no outside stream, so the room plays the show's own broadcast. */
  async function liveShowWithoutStream() {
    const tea = await db.show.findFirstOrThrow({
      where: { status: "live", host: { user: { email: "host.tea@cunbo.test" } } },
      select: { hostId: true, items: { take: 1, select: { product: { select: { id: true, titleZh: true } } } } },
    });
    const product = tea.items[0].product;
    const show = await db.show.create({
      data: {
        hostId: tea.hostId,
        title: "茶园现场直播",
        scheduledAt: new Date(),
        status: "live",
        startedAt: new Date(),
        items: { create: [{ productId: product.id, position: 0 }] },
      },
    });
    return { showId: show.id, product };
  }

  /** Frames the page's <video> has shown so far, and its picture's size. */
  const framesOf = (page: Page, selector: string) =>
    page.$eval(selector, (video: HTMLVideoElement) => ({
      frames: video.getVideoPlaybackQuality().totalVideoFrames,
      width: video.videoWidth,
    }));

  describe(`broadcasting from the host console (${engine})`, () => {
    it("the host starts broadcasting its camera and a viewer's phone shows moving frames under the pinned card", async () => {
      const { showId, product } = await liveShowWithoutStream();
      const hostContext = await newContext(browser, baseUrl, DESKTOP);
      const host = await logIn(hostContext, "host.tea@cunbo.test", "cunbo2026");
      await host.goto(`/host/shows/${showId}`);
      await host.getByRole("button", { name: "开始推流" }).click();
      await expect
        .poll(() => host.getByTestId("broadcast-state").textContent(), { timeout: 15_000 })
        .toBe("LIVE 直播中");

      const viewerContext = await newContext(browser, baseUrl, PHONE);
      const viewer = await viewerContext.newPage();
      await viewer.goto(`/live/${showId}`);
      const video = `section[aria-label="茶园现场直播"] video`;
      // Frames shown and a picture size (the size comes with the first decoded frame, a moment after the count).
      await expect
        .poll(() => framesOf(viewer, video).then((f) => Math.min(f.frames, f.width)), { timeout: 15_000 })
        .toBeGreaterThan(0);
      const first = await framesOf(viewer, video);
      await expect
        .poll(() => framesOf(viewer, video).then((f) => f.frames), { timeout: 5_000 })
        .toBeGreaterThan(first.frames + 10);
      await expect.poll(() => viewer.getByText("主播暂未推流，请稍候").count()).toBe(0);

      await host.getByRole("button", { name: `置顶 ${product.titleZh}` }).click();
      await expect
        .poll(() => viewer.getByTestId("pinned-card").textContent(), { timeout: 5_000 })
        .toContain(product.titleZh);
      await viewer.screenshot({ path: `${ARTIFACTS}/broadcast-viewer-phone-${engine}.png` });
      await host.screenshot({ path: `${ARTIFACTS}/broadcast-host-console-${engine}.png` });

      // The host's network figures come from the connection's statistics.
      await expect
        .poll(() => host.getByTestId("broadcast-link").textContent(), { timeout: 10_000 })
        .toMatch(/\d+ kbps/);
      if (engine !== "embedded") {
        // Recording, the HLS fallback and the key page are the embedded engine's (the key page is the same anyway).
        await host.getByRole("button", { name: "停止推流" }).click();
        await expect.poll(() => host.getByTestId("broadcast-state").textContent()).toBe("未推流");
        await viewerContext.close();
        return hostContext.close();
      }

      // A phone whose network lets no WebRTC through (relay-only, and no relay) falls back to the broadcast's HLS.
      const blocked = await newContext(browser, baseUrl, PHONE);
      await blocked.addInitScript(() => {
        const Native = window.RTCPeerConnection;
        window.RTCPeerConnection = class extends Native {
          constructor(config?: RTCConfiguration) {
            super({ ...config, iceServers: [], iceTransportPolicy: "relay" });
          }
        };
      });
      const fallback = await blocked.newPage();
      await fallback.goto(`/live/${showId}`);
      await expect.poll(() => fallback.locator("video[data-fallback=hls]").count(), { timeout: 30_000 }).toBe(1);
      await expect
        .poll(() => framesOf(fallback, "video[data-fallback=hls]").then((f) => f.frames), { timeout: 30_000 })
        .toBeGreaterThan(0);
      await blocked.close();

      // Ending the show ends the broadcast and finalises its recording, which becomes the replay.
      await host.getByText("结束直播").click();
      await host.getByRole("button", { name: "确定结束" }).click();
      const replay = `section[aria-label="茶园现场直播"] video[src*="/recordings/"]`;
      await expect.poll(() => viewer.locator(replay).count(), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => framesOf(viewer, replay).then((f) => f.frames), { timeout: 10_000 }).toBeGreaterThan(0);
      const moment = viewer.getByRole("list", { name: "精彩时刻 · 点选回看并购买" }).getByRole("button").first();
      const stamp = (await moment.locator("span.font-mono").textContent()) ?? "0:00";
      const [minutes, seconds] = stamp.split(":").map(Number);
      await moment.click();
      // Known gap (docs/decisions/010-live-video.md): under load the file can come out shorter than the broadcast's
      // wall-clock length, and a late moment then lands at the end; the seek must still reach the moment's second.
      const duration = await viewer.$eval(replay, (video: HTMLVideoElement) => video.duration);
      const target = Math.min(minutes * 60 + seconds, duration);
      await expect
        .poll(() => viewer.$eval(replay, (video: HTMLVideoElement) => video.currentTime), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(target - 1);
      expect(await viewer.$eval(replay, (video: HTMLVideoElement) => video.currentTime)).toBeLessThan(target + 3);
      await viewer.screenshot({ path: `${ARTIFACTS}/broadcast-replay-phone.png` });
      await viewerContext.close();

      const phone = await newContext(browser, baseUrl, PHONE);
      const keyPage = await logIn(phone, "host.tea@cunbo.test", "cunbo2026");
      await keyPage.goto(`/host/shows/${showId}/stream-key`);
      await keyPage.getByRole("button", { name: "生成推流密钥" }).click();
      await expect.poll(() => keyPage.getByTestId("stream-key").textContent()).toMatch(/^cbk_/);
      await keyPage.screenshot({ path: `${ARTIFACTS}/stream-key-phone.png`, fullPage: true });
      await phone.close();
      await hostContext.close();
    }, 120_000);
  });
}
