// Glass-to-glass latency and server CPU per viewer, `embedded` against `janus`, in one run on one machine.
// A headless Chromium publisher sends a canvas stream that paints its own clock (Date.now() mod 2^24 ms) as 24
// black/white blocks; Chromium viewers decode every frame they show (requestVideoFrameCallback → drawImage →
// getImageData) and subtract their own clock. Extra viewers, up to N, are werift peers in a separate load process
// (./g2g-load.ts) that receive the same RTP. Per N: p50/p95/p99 latency, viewers still receiving, and the media
// server's CPU (the relay child process, or the janus process) per viewer; then embedded / janus ratios.
// `npm run bench -- glass-to-glass [--sizes=1,10,50,100]`
import { fork, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { embeddedEngine } from "../../server/media/embedded-engine.ts";
import { janusEngine } from "../../server/media/janus-engine.ts";
import type { MediaEngine } from "../../server/media/media-engine.ts";

type EngineName = "embedded" | "janus";
type Figures = {
  engine: EngineName;
  viewers: number;
  p50: number;
  p95: number;
  p99: number;
  samples: number;
  receiving: number;
  cpuPercent: number;
  cpuPerViewer: number;
  load: number;
};

const SETTLE_MS = 3_000;
const WINDOW_MS = 8_000;
const CHROMIUM_VIEWERS = 2;
const ROOM = "show:glass-to-glass";
const LOAD_SCRIPT = fileURLToPath(new URL("./g2g-load.ts", import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function makeEngine(name: EngineName): MediaEngine {
  return name === "embedded"
    ? embeddedEngine({ iceAddress: "127.0.0.1", startKbps: 1200, minKbps: 600, maxKbps: 2500 })
    : janusEngine({ iceEnforceList: "127.0.0.1", maxBitrate: 2_500_000, keyframeSeconds: 2 });
}

// ---- the server's CPU: the engine's own process among this process's descendants ----

function processes() {
  const list: { pid: number; ppid: number; cmd: string; ticks: number }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      list.push({ pid: Number(entry), ppid: Number(fields[1]), cmd, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return list;
}

/** CPU ticks (1/100 s) used so far by this process's descendants that are the engine's media server. */
function serverTicks(engine: EngineName): number {
  const all = processes();
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (mine.has(p.ppid) && !mine.has(p.pid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  const isServer = (cmd: string) =>
    engine === "embedded" ? cmd.includes("relay-process") : /^janus /.test(cmd) || cmd.startsWith("/usr/bin/janus");
  return all.filter((p) => mine.has(p.pid) && isServer(p.cmd)).reduce((sum, p) => sum + p.ticks, 0);
}

// ---- pages ----

/** A blank page; tsx names the functions it compiles with a `__name` helper the page lacks, so give it one. */
async function blankPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.evaluate("globalThis.__name = (fn) => fn");
  return page;
}

async function publisherPage(browser: Browser): Promise<Page> {
  const page = await blankPage(browser);
  await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 640;
    canvas.height = 360;
    document.body.append(canvas);
    const g = canvas.getContext("2d")!;
    setInterval(() => {
      const clock = Date.now() % 2 ** 24;
      g.fillStyle = "#808080";
      g.fillRect(0, 0, 640, 360);
      for (let bit = 0; bit < 24; bit++) {
        g.fillStyle = (clock >> bit) & 1 ? "#ffffff" : "#000000";
        g.fillRect(8 + bit * 26, 100, 26, 160);
      }
    }, 10);
    const pc = new RTCPeerConnection();
    const transceiver = pc.addTransceiver(canvas.captureStream(30).getVideoTracks()[0], { direction: "sendonly" });
    // VP8 for both engines (the werift load viewers take VP8; the embedded relay would otherwise pick H.264).
    const codecs = RTCRtpReceiver.getCapabilities("video")?.codecs ?? [];
    transceiver.setCodecPreferences(codecs.filter((codec) => /VP8|rtx/i.test(codec.mimeType)));
    (window as unknown as { pc: RTCPeerConnection }).pc = pc;
  });
  return page;
}

/** Sets up the page's peer and returns its offer (`offer` unset) or its answer to `offer`. */
async function localDescription(page: Page, offer?: string): Promise<string> {
  return page.evaluate(async (remoteOffer) => {
    const pc = (window as unknown as { pc: RTCPeerConnection }).pc;
    if (remoteOffer) {
      await pc.setRemoteDescription({ type: "offer", sdp: remoteOffer });
      await pc.setLocalDescription(await pc.createAnswer());
    } else {
      await pc.setLocalDescription(await pc.createOffer());
    }
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === "complete") return resolve();
      pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
      setTimeout(resolve, 2_000);
    });
    return pc.localDescription!.sdp;
  }, offer);
}

const applyAnswer = (page: Page, sdp: string) =>
  page.evaluate(
    (answer) =>
      (window as unknown as { pc: RTCPeerConnection }).pc.setRemoteDescription({ type: "answer", sdp: answer }),
    sdp,
  );

async function viewerPage(browser: Browser, serverOffers: boolean): Promise<Page> {
  const page = await blankPage(browser);
  await page.evaluate((offersFromServer) => {
    const state = { latencies: [] as number[] };
    const pc = new RTCPeerConnection();
    if (!offersFromServer) pc.addTransceiver("video", { direction: "recvonly" });
    const video = document.createElement("video");
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    document.body.append(video);
    const canvas = document.createElement("canvas");
    canvas.width = 640;
    canvas.height = 360;
    const g = canvas.getContext("2d", { willReadFrequently: true })!;
    const onFrame = () => {
      const seen = Date.now() % 2 ** 24;
      g.drawImage(video, 0, 0, 640, 360);
      const row = g.getImageData(0, 180, 640, 1).data;
      let clock = 0;
      for (let bit = 0; bit < 24; bit++) if (row[(8 + bit * 26 + 13) * 4] > 128) clock |= 1 << bit;
      const latency = (seen - clock + 2 ** 24) % 2 ** 24;
      if (latency < 10_000) state.latencies.push(latency);
      video.requestVideoFrameCallback(onFrame);
    };
    pc.ontrack = (event) => {
      if (event.track.kind !== "video") return;
      video.srcObject = new MediaStream([event.track]);
      void video.play().catch(() => {});
      video.requestVideoFrameCallback(onFrame);
    };
    Object.assign(window, { pc, state });
  }, serverOffers);
  return page;
}

const takeLatencies = (page: Page) =>
  page.evaluate(() => {
    const state = (window as unknown as { state: { latencies: number[] } }).state;
    const taken = state.latencies;
    state.latencies = [];
    return taken;
  });

// ---- load viewers ----

function loadProcess(engine: EngineName) {
  const child: ChildProcess = fork(LOAD_SCRIPT, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NETWORK: engine === "janus" ? "host" : "loopback" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 1;
  const waiting = new Map<number, (reply: { sdp?: string; packets?: number[]; error?: string }) => void>();
  child.on("message", (reply: { id: number; sdp?: string; packets?: number[]; error?: string }) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const ask = (request: object): Promise<{ sdp?: string; packets?: number[]; error?: string }> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ ...request, id });
    });
  return { child, ask };
}

let nextViewer = 1;

async function addLoadViewer(engine: MediaEngine, load: ReturnType<typeof loadProcess>) {
  if (engine.offerToViewer) {
    const offer = await engine.offerToViewer(ROOM);
    const { sdp, error } = await load.ask({ op: "answer", sdp: offer.offer });
    if (error || !sdp) throw new Error(error);
    await engine.acceptViewerAnswer!(ROOM, offer.sessionId, sdp);
  } else {
    const viewer = nextViewer++;
    const { sdp: offer, error } = await load.ask({ op: "offer", viewer });
    if (error || !offer) throw new Error(error);
    const answer = await engine.watch(ROOM, offer);
    const accepted = await load.ask({ op: "accept", viewer, sdp: answer.answer });
    if (accepted.error) throw new Error(accepted.error);
  }
}

// ---- one engine through every N ----

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function measureEngine(name: EngineName, browser: Browser, sizes: number[]): Promise<Figures[]> {
  const engine = makeEngine(name);
  const load = loadProcess(name);
  const pages: Page[] = [];
  const figures: Figures[] = [];
  try {
    const publisher = await publisherPage(browser);
    pages.push(publisher);
    const published = await engine.publish(ROOM, "bench-host", await localDescription(publisher));
    await applyAnswer(publisher, published.answer);
    const watchers: Page[] = [];
    let loadViewers = 0;
    for (const n of sizes) {
      while (watchers.length < Math.min(CHROMIUM_VIEWERS, n)) {
        const page = await viewerPage(browser, Boolean(engine.offerToViewer));
        pages.push(page);
        watchers.push(page);
        if (engine.offerToViewer) {
          const offer = await engine.offerToViewer(ROOM);
          await engine.acceptViewerAnswer!(ROOM, offer.sessionId, await localDescription(page, offer.offer));
        } else {
          const answer = await engine.watch(ROOM, await localDescription(page));
          await applyAnswer(page, answer.answer);
        }
      }
      const wantLoad = n - watchers.length;
      for (; loadViewers < wantLoad; loadViewers += Math.min(5, wantLoad - loadViewers)) {
        const batch = Math.min(5, wantLoad - loadViewers);
        // A viewer that cannot connect (a starved machine) counts as one not receiving, not as the run's end.
        await Promise.all(
          Array.from({ length: batch }, () =>
            addLoadViewer(engine, load).catch((error: unknown) => console.warn(`a load viewer failed: ${error}`)),
          ),
        );
      }
      await sleep(SETTLE_MS);
      await Promise.all(watchers.map(takeLatencies));
      const before = (await load.ask({ op: "packets" })).packets ?? [];
      const ticks = serverTicks(name);
      const started = Date.now();
      await sleep(WINDOW_MS);
      const cpuPercent = (((serverTicks(name) - ticks) * 10) / (Date.now() - started)) * 100;
      const after = (await load.ask({ op: "packets" })).packets ?? [];
      const latencies = (await Promise.all(watchers.map(takeLatencies))).flat().sort((a, b) => a - b);
      // Viewers that never connected are missing from `after` too: receiving counts only those getting RTP.
      const receivingLoad = after.filter((count, i) => count > (before[i] ?? 0)).length;
      const receivingChromium = watchers.length; // each supplied samples or the p-figures show NaN
      figures.push({
        engine: name,
        viewers: n,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        samples: latencies.length,
        receiving: receivingLoad + (latencies.length ? receivingChromium : 0),
        cpuPercent,
        cpuPerViewer: cpuPercent / n,
        load: os.loadavg()[0],
      });
      const f = figures.at(-1)!;
      console.log(
        `${name.padEnd(8)} N=${String(n).padStart(3)}  p50 ${f.p50} ms  p95 ${f.p95} ms  p99 ${f.p99} ms ` +
          `(${f.samples} frames)  receiving ${f.receiving}/${n}  server CPU ${f.cpuPercent.toFixed(1)} % ` +
          `= ${f.cpuPerViewer.toFixed(2)} %/viewer  (load avg ${f.load.toFixed(1)})`,
      );
    }
  } finally {
    await Promise.all(pages.map((page) => page.close().catch(() => {})));
    load.child.disconnect();
    await engine.close();
  }
  return figures;
}

export async function runGlassToGlass(): Promise<{ figures: Figures[] }> {
  const sizesFlag = process.argv.find((arg) => arg.startsWith("--sizes="));
  const sizes = sizesFlag ? sizesFlag.slice(8).split(",").map(Number) : [1, 10, 50];
  console.log(`${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the start; N = ${sizes}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--use-fake-ui-for-media-stream",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
  const figures: Figures[] = [];
  try {
    for (const engine of ["embedded", "janus"] as const) figures.push(...(await measureEngine(engine, browser, sizes)));
  } finally {
    await browser.close();
  }
  console.log("\nembedded / janus, per N:");
  for (const n of sizes) {
    const e = figures.find((f) => f.engine === "embedded" && f.viewers === n);
    const j = figures.find((f) => f.engine === "janus" && f.viewers === n);
    if (!e || !j) continue;
    // Past the first viewer: what each added viewer costs, without the publisher's share.
    const marginal = (f: Figures) => {
      const one = figures.find((g) => g.engine === f.engine && g.viewers === sizes[0])!;
      return (f.cpuPercent - one.cpuPercent) / (f.viewers - one.viewers);
    };
    const added = n > sizes[0] ? `  CPU per added viewer ×${(marginal(e) / marginal(j)).toFixed(2)}` : "";
    console.log(
      `N=${String(n).padStart(3)}  CPU per viewer ×${(e.cpuPerViewer / j.cpuPerViewer).toFixed(2)}${added}  ` +
        `p95 ×${(e.p95 / j.p95).toFixed(2)}  p50 ×${(e.p50 / j.p50).toFixed(2)}`,
    );
  }
  return { figures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runGlassToGlass().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
