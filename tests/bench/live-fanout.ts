// The live-room fan-out benchmark. For each N: a server process (Cunbo's real one, then a bare socket.io server as
// the baseline), N viewer sockets spread over load-generator processes, and a host pinning again and again.
// Measures pin → receipt latency at every viewer, the server's event-loop delay and its memory per viewer.
import { fork, type ChildProcess } from "node:child_process";
import net from "node:net";
import { performance } from "node:perf_hooks";
import { Visitor } from "../helpers/http.ts";

export type FanoutOptions = {
  sizes: number[];
  pins: number;
  warmup: number;
  perProcess: number;
  gapMs: number;
  /** Runs per (N, server), alternating ours and the baseline so drifting machine load hits both alike. */
  rounds: number;
};

type Message = { kind: string; [key: string]: unknown };
type ServerStats = {
  rss: number;
  heapUsed: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
  elu: number;
  cpuMs: number;
};

export type RunResult = {
  server: "cunbo" | "bare";
  viewers: number;
  joined: number;
  endToEnd: Percentiles;
  fanOut: Percentiles;
  missed: number;
  lag: { p50: number; p99: number; max: number; elu: number };
  /** Server CPU time per pin (the fan-out's cost, which other load on the machine does not inflate). */
  cpuMsPerPin: number;
  bytesPerViewer: { rss: number; heap: number };
};

type Samples = { endToEndMs: number[]; fanOutMs: number[] };
type Run = Omit<RunResult, "endToEnd" | "fanOut"> & Samples;

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

async function runOnce(target: Target, viewers: number, options: FanoutOptions): Promise<Run> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = Worker.start("./bench-server.ts", { PORT: String(port), BARE: target.server === "bare" ? "1" : "0" }, [
    "--expose-gc",
    "--max-old-space-size=4096",
    // BENCH_PROFILE=1 writes a CPU profile of each server process (open it in Chrome's DevTools).
    ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=tests/artifacts/profiles"] : []),
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
        // As the console's fetcher posts it: the action alone (Remix single fetch), without a page render.
        const response = await host.post(`/host/shows/${target.showId}.data`, { intent: "pin", productId });
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
    const perPin = new Map<string, number[]>();
    for (const generator of generators) {
      const report = (await generator.ask("report")) as Message & { receipts: Record<string, number[]> };
      for (const pinId of measured) {
        for (const at of report.receipts[pinId] ?? []) {
          endToEnd.push(at - sent.get(pinId)!);
          fanOut.push(at - serverStats.emitted[pinId]);
          perPin.set(pinId, [...(perPin.get(pinId) ?? []), at - serverStats.emitted[pinId]]);
        }
      }
    }
    if (process.env.BENCH_VERBOSE) {
      // Per pin: request → publish, then publish → receipt at the median and the last viewer.
      for (const pinId of measured) {
        const receipts = perPin.get(pinId) ?? [];
        const { p50, max } = percentiles(receipts);
        const before = serverStats.emitted[pinId] - sent.get(pinId)!;
        console.log(
          `  pin ${pinId.slice(-6)}: to publish ${before.toFixed(0)} ms, then median ${p50.toFixed(0)} / last ${max.toFixed(0)} ms`,
        );
      }
    }
    return {
      server: target.server,
      viewers,
      joined,
      endToEndMs: endToEnd,
      fanOutMs: fanOut,
      cpuMsPerPin: serverStats.stats.cpuMs / (options.warmup + options.pins),
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
  const { productCard } = await import("../../app/domain/live/live-state.server.ts");
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
    const runs: Record<"cunbo" | "bare", Run[]> = { cunbo: [], bare: [] };
    for (let round = 0; round < options.rounds; round++) {
      for (const server of round % 2 ? (["bare", "cunbo"] as const) : (["cunbo", "bare"] as const)) {
        say(`N=${viewers} ${server} (round ${round + 1}/${options.rounds}): starting…`);
        try {
          const run = await runOnce({ server, showId: show.id, productIds, cards }, viewers, options);
          runs[server].push(run);
          const p = percentiles(run.endToEndMs);
          say(
            `N=${viewers} ${server}: joined ${run.joined}, pin→receipt p50/p95/p99 ${p.p50.toFixed(0)}/${p.p95.toFixed(0)}/${p.p99.toFixed(0)} ms, ` +
              `lag p99 ${run.lag.p99.toFixed(0)} ms, ${run.cpuMsPerPin.toFixed(0)} CPU ms/pin, heap ${(run.bytesPerViewer.heap / 1024).toFixed(1)} KiB/viewer`,
          );
        } catch (error) {
          say(`N=${viewers} ${server}: FAILED — ${(error as Error).message}`);
        }
      }
    }
    for (const server of ["cunbo", "bare"] as const) {
      const done = runs[server];
      if (!done.length) continue;
      const mean = (pick: (r: Run) => number) => done.reduce((sum, r) => sum + pick(r), 0) / done.length;
      const worst = (pick: (r: Run) => number) => Math.max(...done.map(pick));
      results.push({
        server,
        viewers,
        joined: Math.min(...done.map((r) => r.joined)),
        endToEnd: percentiles(done.flatMap((r) => r.endToEndMs)),
        fanOut: percentiles(done.flatMap((r) => r.fanOutMs)),
        missed: done.reduce((sum, r) => sum + r.missed, 0),
        lag: {
          p50: mean((r) => r.lag.p50),
          p99: mean((r) => r.lag.p99),
          max: worst((r) => r.lag.max),
          elu: mean((r) => r.lag.elu),
        },
        cpuMsPerPin: mean((r) => r.cpuMsPerPin),
        bytesPerViewer: { rss: mean((r) => r.bytesPerViewer.rss), heap: mean((r) => r.bytesPerViewer.heap) },
      });
    }
  }
  await db.$disconnect();
  return results;
}
