// Two real server processes on different ports, sharing this file's PostgreSQL database and one Redis: what the
// host does through one reaches viewers connected to the other, and the viewer count is the sum of both.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { db } from "~/lib/db.server";
import type { PinView } from "~/domain/live/live-state";
import { redisPrefix } from "../../server/redis.ts";
import { Visitor } from "../helpers/http";
import { joinShow, sleep } from "../helpers/live-socket";
import { testRedis } from "../helpers/redis";

const redis = testRedis();
const REDIS_URL = "url" in redis ? redis.url : undefined;
const children: ChildProcess[] = [];

function loud(message: string): never {
  const bar = "!".repeat(100);
  console.error(
    `\n${bar}\n!! ${message}\n!! The two-process live-room test did NOT run. Start Redis on 127.0.0.1:6379 or set REDIS_URL to a reachable one.\n${bar}\n`,
  );
  throw new Error(message);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `server/serve.ts` in a process of its own and resolves with its URL once it listens. */
async function startProcess(name: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/serve.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", REDIS_URL, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process ${name} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("[cunbo] listening")) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`process ${name} exited with ${code}:\n${output}`)));
  });
}

let a: string;
let b: string;
let showId: string;

let missingRedis: string | null = null;

beforeAll(async () => {
  if ("missing" in redis) missingRedis = redis.missing;
  if (missingRedis) return;
  [a, b] = await Promise.all([startProcess("A"), startProcess("B")]);
  const show = await db.show.findFirstOrThrow({
    where: { status: "live", host: { user: { email: "host.tea@cunbo.test" } } },
  });
  showId = show.id;
}, 60_000);

/** Each test fails, loudly, when there is no Redis: passing silently would prove nothing. */
function needRedis() {
  if (missingRedis) loud(missingRedis);
}

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => (child.kill("SIGKILL"), resolve()), 5000).unref();
        }),
    ),
  );
  if (REDIS_URL) {
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const keys = [];
    for await (const batch of client.scanIterator({ MATCH: `${redisPrefix(process.env.DATABASE_URL)}:*` }))
      keys.push(...batch);
    if (keys.length) await client.del(keys);
    await client.close();
  }
});

describe("live rooms across two processes", () => {
  it("a pin made through process A reaches a viewer connected to process B", async () => {
    needRedis();
    const viewer = await joinShow(b, showId);
    const qingming = await db.product.findUniqueOrThrow({ where: { slug: "jingshan-tea-qingming" } });
    const host = await new Visitor(a).logIn("host.tea@cunbo.test");
    const arrived = viewer.next<PinView>("pin", (pin) => pin.card.productId === qingming.id);
    const sent = Date.now();
    expect((await host.post(`/host/shows/${showId}`, { intent: "pin", productId: qingming.id })).status).toBe(200);
    const pin = await arrived;
    expect(pin.card.titleZh).toBe(qingming.titleZh);
    expect(Date.now() - sent).toBeLessThan(2000);

    // And one joining B afterwards gets it in its state.
    const late = await joinShow(b, showId);
    expect(late.state.pin?.card.productId).toBe(qingming.id);
  });

  it("counts the viewers of both processes", async () => {
    needRedis();
    const onA = await joinShow(a, showId);
    const onB = await joinShow(b, showId);
    const extraOnB = await joinShow(b, showId);
    // Each process reports its own count to Redis every second; both rooms then see the sum: these three, and
    // the two viewers of the first test (on B), still connected.
    const total = 5;
    const lastCount = (client: typeof onA) =>
      (client.received.filter((e) => e.type === "viewers").at(-1)?.payload as { count: number } | undefined)?.count;
    for (let i = 0; i < 50 && (lastCount(onA) !== total || lastCount(onB) !== total); i++) await sleep(100);
    expect([lastCount(onA), lastCount(onB)]).toEqual([total, total]);
    extraOnB.close();
    for (let i = 0; i < 50 && (lastCount(onA) !== total - 1 || lastCount(onB) !== total - 1); i++) await sleep(100);
    expect([lastCount(onA), lastCount(onB)]).toEqual([total - 1, total - 1]);
    const peak = await db.show.findUniqueOrThrow({ where: { id: showId }, select: { peakViewers: true } });
    expect(peak.peakViewers).toBeGreaterThanOrEqual(1386); // the seed's peak stays until beaten
  });

  it("keeps a user's chat limit when they reconnect to the other process", async () => {
    needRedis();
    const user = await new Visitor(a).logIn("staff.umbrella@cunbo.test");
    const onA = await joinShow(a, showId, { cookie: user.cookieHeader() });
    const repliesOnA = [];
    for (let i = 0; i < 6; i++) repliesOnA.push(await onA.chat(`A 第 ${i} 条`));
    expect(repliesOnA.slice(0, 5)).toEqual(Array(5).fill({ ok: true }));
    expect(repliesOnA[5]).toMatchObject({ error: "live:chat.error.rateLimited" });
    onA.close();

    // A fresh allowance would take five more at once; the shared one has at most the next steady message.
    const onB = await joinShow(b, showId, { cookie: user.cookieHeader() });
    const repliesOnB = [];
    for (let i = 0; i < 5; i++) repliesOnB.push(await onB.chat(`B 第 ${i} 条`));
    const accepted = repliesOnB.filter((reply) => reply.ok);
    expect(accepted.length).toBeLessThanOrEqual(1);
    expect(repliesOnB.filter((reply) => !reply.ok).map((reply) => reply.error)).toEqual(
      Array(5 - accepted.length).fill("live:chat.error.rateLimited"),
    );
  });

  it("keeps connection state recovery working through the Redis Streams adapter", async () => {
    needRedis();
    const viewer = await joinShow(b, showId);
    const everyday = await db.product.findUniqueOrThrow({ where: { slug: "jingshan-tea-everyday" } });
    const host = await new Visitor(a).logIn("host.tea@cunbo.test");
    const reconnected = new Promise<void>((resolve) => viewer.socket.once("connect", () => resolve()));
    viewer.socket.io.engine.close();
    await host.post(`/host/shows/${showId}`, { intent: "pin", productId: everyday.id });
    await reconnected;
    expect(viewer.socket.recovered).toBe(true);
    const missed = () =>
      viewer.received.some((e) => e.type === "pin" && (e.payload as PinView).card.productId === everyday.id);
    for (let i = 0; i < 30 && !missed(); i++) await sleep(100);
    expect(missed()).toBe(true);
  });
});
