// The weak-network benchmark (`npm run bench -- weak-network`): Chromium as a village phone sees the app, through
// CDP: 400 ms round trip, 400 kbps down and up, CPU slowed 4×, cold cache (a new browser context per load).
// For the live room it times navigation → the pinned card's buy button hydrated and opening the buy sheet; for the
// live room, home and product pages it counts the JavaScript they download before any video player (and, apart, what
// was in by the time the page worked; the rest it fetches after, e.g. the socket client): "JS" is the
// scripts' gzipped bodies (what the issue's budgets are about), "wire" adds each response's HTTP headers, which a
// phone downloads too (≈1 KB per file here), so the number of files counts as well. The baseline, measured in the same run, is Remix's entry alone (React + Remix runtime) on
// a bare page. BENCH_RUNS=5 loads per page (median reported). Needs a build (`npx remix build`).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { prepareDatabase } from "./live-room.ts";

const PROFILE = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const CPU_SLOWDOWN = 4;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const say = (line: string) => console.log(`[bench] ${line}`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

type Load = { ms: number; sheetMs?: number; readyBytes: number; jsBytes: number; wireBytes: number; jsFiles: string[] };
/** When the page counts as usable (ms from navigation), and for the live room when a tap on the card opened the sheet. */
type Ready = (page: Page, usable: () => void) => Promise<{ ms: number; sheetMs?: number }>;

/** One cold load of `url` on the phone profile; `ready` resolves (in the page) when the page counts as usable. */
async function coldLoad(browser: Browser, url: string, ready: Ready, html?: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "zh-CN" });
  const page = await context.newPage();
  if (html) await page.route(url, (route) => route.fulfill({ contentType: "text/html", body: html }));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...PROFILE });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  // Per script: its URL and the bytes received by the time its headers were in (the headers themselves).
  const scripts = new Map<string, { url: string; headerBytes: number }>();
  let jsBytes = 0;
  let wireBytes = 0;
  const jsFiles: string[] = [];
  cdp.on("Network.responseReceived", (event) => {
    if (event.type === "Script")
      scripts.set(event.requestId, { url: event.response.url, headerBytes: event.response.encodedDataLength });
  });
  cdp.on("Network.loadingFinished", (event) => {
    const script = scripts.get(event.requestId);
    // hls.js is the video player's fallback, fetched only for an HLS stream without native playback.
    if (script && !/\/hls[^/]*\.js$/.test(script.url)) {
      wireBytes += event.encodedDataLength;
      jsBytes += event.encodedDataLength - script.headerBytes;
      jsFiles.push(path.basename(new URL(script.url).pathname));
    }
  });
  await page.goto(url, { waitUntil: "commit" });
  // The scripts' bytes in by the time the bench sees the page usable (before the live room's tap).
  let readyBytes = 0;
  const { ms, sheetMs } = await ready(page, () => (readyBytes = jsBytes));
  // Whatever else the page fetches by itself once it works (e.g. the socket client), before any video player.
  await page.waitForLoadState("networkidle");
  await context.close();
  return { ms, sheetMs, readyBytes, jsBytes, wireBytes, jsFiles };
}

/** The pinned card works: its buy button has React's handlers; then a tap on it opens the buy sheet (timed too). */
async function cardInteractive(page: Page, usable: () => void) {
  const button = page.getByTestId("pinned-card").getByRole("button", { name: "立即购买" });
  const hydratedAt = await page.waitForFunction(
    () => {
      const card = document.querySelector('[data-testid="pinned-card"]');
      const buttons = card ? [...card.querySelectorAll("button")] : [];
      const live = buttons.find((b) => Object.keys(b).some((key) => key.startsWith("__reactProps")));
      return live ? performance.now() : false;
    },
    undefined,
    { polling: 20, timeout: 60_000 },
  );
  const at = (await hydratedAt.jsonValue()) as number;
  usable();
  await button.last().click();
  const openedAt = await page.waitForFunction(
    () => (document.querySelector("dialog[open]") ? performance.now() : false),
    undefined,
    { polling: 20, timeout: 30_000 },
  );
  return { ms: at, sheetMs: (await openedAt.jsonValue()) as number };
}

/** The page has hydrated: Remix's router exists and the document's scripts have run. */
async function hydrated(page: Page, usable: () => void) {
  const handle = await page.waitForFunction(
    () => ((window as { __remixRouter?: unknown }).__remixRouter ? performance.now() : false),
    undefined,
    { polling: 20, timeout: 60_000 },
  );
  usable();
  return { ms: (await handle.jsonValue()) as number };
}

/** The bare page: Remix's entry module and its chunks only, executed. */
async function entryRan(page: Page, usable: () => void) {
  const handle = await page.waitForFunction(
    () => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return nav && nav.domContentLoadedEventEnd > 0 ? nav.domContentLoadedEventEnd : false;
    },
    undefined,
    { polling: 20, timeout: 60_000 },
  );
  usable();
  return { ms: (await handle.jsonValue()) as number };
}

async function series(browser: Browser, url: string, ready: Ready, html?: string) {
  const loads: Load[] = [];
  for (let i = 0; i < RUNS; i++) loads.push(await coldLoad(browser, url, ready, html));
  const sheet = loads.flatMap((l) => (l.sheetMs === undefined ? [] : [l.sheetMs]));
  return {
    ms: median(loads.map((l) => l.ms)),
    sheetMs: sheet.length ? median(sheet) : undefined,
    readyBytes: median(loads.map((l) => l.readyBytes)),
    jsBytes: median(loads.map((l) => l.jsBytes)),
    wireBytes: median(loads.map((l) => l.wireBytes)),
    files: loads[0].jsFiles,
  };
}

export async function runWeakNetwork() {
  const build = await import(pathToFileURL(path.resolve("build/index.js")).href);
  const entry = build.assets.entry as { module: string; imports?: string[] };
  const cleanUp = await prepareDatabase();
  const { startServer } = await import("../../server/index.ts");
  const server = await startServer({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
  });
  try {
    const { db } = await import("../../app/lib/db.server.ts");
    const show = await db.show.findFirstOrThrow({ where: { status: "live", pins: { some: { unpinnedAt: null } } } });
    const product = await db.product.findFirstOrThrow({ where: { status: "active" }, orderBy: { slug: "asc" } });
    // The bare page is served by the bench itself (the HTML is tiny); the entry's scripts come from the app.
    const bareHtml = `<!DOCTYPE html><html><head>${[entry.module, ...(entry.imports ?? [])]
      .map((file) => `<link rel="modulepreload" href="${file}">`)
      .join("")}</head><body><script type="module" src="${entry.module}"></script></body></html>`;
    const bare = await series(browser, `${server.url}/__bench-bare`, entryRan, bareHtml);
    const results = {
      bare,
      live: await series(browser, `${server.url}/live/${show.id}`, cardInteractive),
      home: await series(browser, `${server.url}/`, hydrated),
      product: await series(browser, `${server.url}/products/${product.slug}`, hydrated),
    };
    report(results);
    await mkdir("tests/artifacts", { recursive: true });
    await writeFile("tests/artifacts/bench-weak-network.json", JSON.stringify({ profile: PROFILE, results }, null, 2));
  } finally {
    await browser.close();
    await server.close();
    await cleanUp();
  }
}

type Result = { ms: number; sheetMs?: number; readyBytes: number; jsBytes: number; wireBytes: number; files: string[] };

function report(results: Record<string, Result>) {
  const base = results.bare;
  say(
    `phone profile: ${PROFILE.latency} ms RTT, 400 kbps down/up, CPU ×${CPU_SLOWDOWN}, cold cache; median of ${RUNS}`,
  );
  for (const [name, r] of Object.entries(results)) {
    const ratio =
      name !== "bare"
        ? `  (${(r.ms / base.ms).toFixed(2)}× time, ${(r.jsBytes / base.jsBytes).toFixed(2)}× JS of the entry alone)`
        : "  (the baseline)";
    say(
      `${name.padEnd(8)} ${(r.ms / 1000).toFixed(2).padStart(5)} s  JS ${kb(r.jsBytes).padStart(9)} (wire ${kb(r.wireBytes)}) in ${r.files.length} files${ratio}`,
    );
    say(`${"".padEnd(8)} of which in by the time it works: ${kb(r.readyBytes)}`);
    if (r.sheetMs !== undefined)
      say(`${"".padEnd(8)} buy sheet open after a tap at ${(r.sheetMs / 1000).toFixed(2)} s`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runWeakNetwork();
