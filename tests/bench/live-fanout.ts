// The live-room fan-out benchmark. For each N: a server process (Cunbo's real one, then a bare socket.io server as
// the baseline), N viewer sockets spread over load-generator processes, and a host pinning again and again.
// Measures pin → receipt latency at every viewer, the server's event-loop delay and its memory per viewer.
import { fork, type ChildProcess } from "node:child_process";
import net from "node:net";
import { performance } from "node:perf_hooks";
import { Visitor } from "../helpers/http.ts";

export type FanoutOptions = { sizes: number[]; pins: number; warmup: number; perProcess: number; gapMs: number };

type Message = { kind: string; [key: string]: unknown };
type ServerStats = { rss: number; heapUsed: number; lagP50: number; lagP99: number; lagMax: number; elu: number };

export type RunResult = {
  server: "cunbo" | "bare";
  viewers: number;
  joined: number;
  endToEnd: Percentiles;
  fanOut: Percentiles;
  missed: number;
  lag: { p50: number; p99: number; max: number; elu: number };
  bytesPerViewer: { rss: number; heap: number };
};

export type Percentiles = { p50: number; p95: number; p99: number; max: number; samples: number };

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN, samples: sorted.length };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A child process spoken to over IPC: `ask` sends a message and waits for the reply of a given kind. */
class Worker {
  private listeners: ((message: Message) => void)[] = [];
  constructor(readonly child: ChildProcess) {
    child.on("message", (message: Message) => {
      for (const listener of [...this.listeners]) listener(message);
    });
  }
  static start(script: string, env: Record<string, string>, execArgv: string[] = []) {
    const child = fork(new URL(script, import.meta.url).pathname, [], {
      execArgv: ["--import", "tsx", ...execArgv],
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Worker(child);
  }
  on(listener: (message: Message) => void) {
    this.listeners.push(listener);
  }
  wait(kind: string, timeoutMs = 300_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${kind}" from worker within ${timeoutMs} ms`)), timeoutMs);
      const listener = (message: Message) => {
        if (message.kind !== kind) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(message);
      };
      this.listeners.push(listener);
      this.child.once("exit", (code) => reject(new Error(`worker exited (${code}) before "${kind}"`)));
    });
  }
  ask(kind: string, reply = kind) {
    const answer = this.wait(reply);
    this.child.send({ kind });
    return answer;
  }
  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.send({ kind: "stop" });
    await Promise.race([exited, sleep(5000)]);
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}

type Target = {
  server: "cunbo" | "bare";
  showId: string;
  productIds: string[];
  cards: Map<string, unknown>;
};

async function runOnce(target: Target, viewers: number, options: FanoutOptions): Promise<RunResult> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = Worker.start("./bench-server.ts", { PORT: String(port), BARE: target.server === "bare" ? "1" : "0" }, [
    "--expose-gc",
    "--max-old-space-size=4096",
  ]);
  const generators: Worker[] = [];
  try {
    await server.wait("ready", 60_000);
    const host = target.server === "cunbo" ? await new Visitor(url).logIn("host.tea@cunbo.test") : null;
    const before = (await server.ask("gc")).stats as ServerStats;

    for (let left = viewers; left > 0; left -= options.perProcess) {
      const count = Math.min(options.perProcess, left);
      generators.push(Worker.start("./fanout-viewers.ts", { URL: url, SHOW_ID: target.showId, COUNT: String(count) }));
    }
    await Promise.all(generators.map((g) => g.wait("ready", 60_000)));
    const connected = await Promise.all(generators.map((g) => g.ask("connect", "connected")));
    const joined = connected.reduce((sum, m) => sum + Number(m.joined), 0);
    await sleep(2500); // let the viewer counts settle
    const after = (await server.ask("gc")).stats as ServerStats;

    const completions = new Map<string, number>();
    let onComplete: ((pinId: string) => void) | null = null;
    for (const generator of generators) {
      generator.on((message) => {
        if (message.kind !== "complete") return;
        const pinId = String(message.pinId);
        const done = (completions.get(pinId) ?? 0) + 1;
        completions.set(pinId, done);
        if (done === generators.length) onComplete?.(pinId);
      });
    }

    await server.ask("reset");
    const sent = new Map<string, number>();
    const measured: string[] = [];
    let missed = 0;
    for (let i = 0; i < options.warmup + options.pins; i++) {
      const productId = target.productIds[i % target.productIds.length];
      const complete = new Promise<string | null>((resolve) => {
        onComplete = resolve;
        setTimeout(() => resolve(null), 15_000);
      });
      const t = now();
      if (host) {
        const response = await host.post(`/host/shows/${target.showId}`, { intent: "pin", productId });
        if (response.status !== 200) throw new Error(`pin failed with ${response.status}`);
      } else {
        const payload = {
          pinId: `bare-${i}`,
          pinnedAt: new Date().toISOString(),
          variantId: null,
          card: target.cards.get(productId),
        };
        await fetch(`${url}/pin/${target.showId}`, { method: "POST", body: JSON.stringify(payload) });
      }
      const pinId = await complete;
      if (!pinId) {
        missed++;
        continue;
      }
      sent.set(pinId, t);
      if (i >= options.warmup) measured.push(pinId);
      await sleep(options.gapMs);
    }
    const serverStats = (await server.ask("stats")) as Message & {
      stats: ServerStats;
      emitted: Record<string, number>;
    };

    const endToEnd: number[] = [];
    const fanOut: number[] = [];
    for (const generator of generators) {
      const report = (await generator.ask("report")) as Message & { receipts: Record<string, number[]> };
      for (const pinId of measured) {
        for (const at of report.receipts[pinId] ?? []) {
          endToEnd.push(at - sent.get(pinId)!);
          fanOut.push(at - serverStats.emitted[pinId]);
        }
      }
    }
    return {
      server: target.server,
      viewers,
      joined,
      endToEnd: percentiles(endToEnd),
      fanOut: percentiles(fanOut),
      missed,
      lag: {
        p50: serverStats.stats.lagP50,
        p99: serverStats.stats.lagP99,
        max: serverStats.stats.lagMax,
        elu: serverStats.stats.elu,
      },
      bytesPerViewer: { rss: (after.rss - before.rss) / joined, heap: (after.heapUsed - before.heapUsed) / joined },
    };
  } finally {
    await Promise.all(generators.map((g) => g.stop()));
    await server.stop();
  }
}

export async function runFanout(options: FanoutOptions, say: (line: string) => void): Promise<RunResult[]> {
  const { db } = await import("../../app/lib/db.server.ts");
  const { productCard } = await import("../../app/domain/live-state.server.ts");
  const show = await db.show.findFirstOrThrow({
    where: { status: "live", host: { user: { email: "host.tea@cunbo.test" } } },
    include: { items: { orderBy: { position: "asc" }, take: 2 } },
  });
  const productIds = show.items.map((item) => item.productId);
  const cards = new Map<string, unknown>();
  for (const id of productIds) cards.set(id, await productCard(id));
  const payloadBytes = Buffer.byteLength(JSON.stringify({ pinId: "x".repeat(25), card: cards.get(productIds[0]) }));
  say(
    `pin payload ≈ ${payloadBytes} bytes of JSON; ${options.pins} measured pins (+${options.warmup} warm-up) per run`,
  );

  const results: RunResult[] = [];
  for (const viewers of options.sizes) {
    for (const server of ["cunbo", "bare"] as const) {
      say(`N=${viewers} ${server}: starting…`);
      try {
        const result = await runOnce({ server, showId: show.id, productIds, cards }, viewers, options);
        results.push(result);
        say(
          `N=${viewers} ${server}: joined ${result.joined}, e2e p50/p95/p99 ${result.endToEnd.p50.toFixed(0)}/${result.endToEnd.p95.toFixed(0)}/${result.endToEnd.p99.toFixed(0)} ms, ` +
            `fan-out p95 ${result.fanOut.p95.toFixed(0)} ms, lag p99 ${result.lag.p99.toFixed(0)} ms, ${(result.bytesPerViewer.rss / 1024).toFixed(1)} KiB/viewer`,
        );
      } catch (error) {
        say(`N=${viewers} ${server}: FAILED — ${(error as Error).message}`);
      }
    }
  }
  await db.$disconnect();
  return results;
}
