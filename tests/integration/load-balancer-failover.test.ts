// Two app processes (server/serve.ts) sharing this file's PostgreSQL database and one Redis behind a real load
// balancer (Debian's HAProxy, started here with a config written here). One process is killed with SIGKILL during a
// show: its viewers reconnect through the balancer to the other, get the whole state and see the next pin, and no
// paid order or ledger entry is lost, also for buyers whose requests were on their way when it died.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import type { ShowRoomEvent } from "~/domain/events";
import { applyLiveEvent, type LiveState, type PinView } from "~/domain/live/live-state";
import { freePort } from "../../server/embedded-postgres.ts";
import { redisPrefix } from "../../server/redis.ts";
import { startAppProcess, stopProcess, type AppProcess } from "../helpers/app-process";
import { Visitor } from "../helpers/http";
import { joinShow, sleep, type LiveClient } from "../helpers/live-socket";
import { ADDRESS, variantBySku } from "../helpers/market";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
let missing: string | null = null;
let workDir: string;
let balancer: ChildProcess | undefined;
let balancerUrl: string;
type Serve = AppProcess & { port: number };
let processA: Serve;
let processB: Serve;

function loud(message: string): never {
  const bar = "!".repeat(100);
  console.error(`\n${bar}\n!! ${message}\n!! The load-balancer failover test did NOT run.\n${bar}\n`);
  throw new Error(message);
}

async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

async function startServe(): Promise<Serve> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: "127.0.0.1", REDIS_URL, NODE_ENV: "production" as const };
  return { ...(await startAppProcess("server/serve.ts", env, "[cunbo] listening", 60_000)), port };
}

// Round robin with no stickiness for WebSockets (the live room's client uses only that transport); a cookie keeps a
// client that falls back to long-polling on one process. A dead process is found by its refused connections
// (retried on the other at once) and by /healthz checks every 300 ms.
function haproxyConfig(port: number, a: number, b: number): string {
  return `global
  maxconn 2000
defaults
  mode http
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  retries 3
  option redispatch 1
frontend web
  bind 127.0.0.1:${port}
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /healthz
  cookie cunbo_backend insert indirect nocache
  server a 127.0.0.1:${a} check inter 300 fall 2 rise 1 cookie a
  server b 127.0.0.1:${b} check inter 300 fall 2 rise 1 cookie b
`;
}

beforeAll(async () => {
  if (spawnSync("haproxy", ["-v"]).error)
    missing = "haproxy is not installed (tests/helpers/ensure-haproxy.sh installs it)";
  else if (!(await reachable(REDIS_URL))) missing = `Redis at ${REDIS_URL} is not reachable`;
  if (missing) return;
  [processA, processB] = await Promise.all([startServe(), startServe()]);
  workDir = await mkdtemp(path.join(os.tmpdir(), "cunbo-haproxy-"));
  const port = await freePort();
  const config = path.join(workDir, "haproxy.cfg");
  await writeFile(config, haproxyConfig(port, processA.port, processB.port));
  balancer = spawn("haproxy", ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  balancer.stdout!.on("data", (chunk: Buffer) => (log += chunk));
  balancer.stderr!.on("data", (chunk: Buffer) => (log += chunk));
  balancerUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${balancerUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`haproxy did not answer:\n${log}`);
}, 90_000);

afterAll(async () => {
  if (balancer && balancer.exitCode === null) await stopProcess(balancer, "SIGTERM");
  if (workDir) await rm(workDir, { recursive: true, force: true });
  if (!missing) {
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const keys = [];
    for await (const batch of redis.scanIterator({ MATCH: `${redisPrefix(process.env.DATABASE_URL)}:*` }))
      keys.push(...batch);
    if (keys.length) await redis.del(keys);
    await redis.close();
  }
});

/** A guest buys one umbrella through the balancer and pays it on the local test payment page. */
async function buyAndPay(sku: string): Promise<{ orderId?: string; paid: boolean }> {
  const variant = await variantBySku(sku);
  const guest = new Visitor(balancerUrl);
  try {
    await guest.post("/cart", { intent: "add", variantId: variant.id, quantity: "1" });
    const placed = await guest.post("/checkout", ADDRESS);
    if (placed.status !== 302) return { paid: false };
    const payUrl = new URL(placed.headers.get("location")!, balancerUrl);
    const orderId = payUrl.pathname.split("/").pop()!;
    const token = payUrl.searchParams.get("token")!;
    const paid = await guest.post(payUrl.pathname + payUrl.search, { outcome: "succeed", token });
    return { orderId, paid: paid.status === 302 && (paid.headers.get("location") ?? "").includes("/orders/") };
  } catch {
    return { paid: false }; // the process under this request died: the buyer sees an error and may try again
  }
}

/**
 * What a viewer's screen shows now, folded as the live room's client does: from the whole state its latest connection
 * was given, with every event of that connection applied over it (those that came before the state too).
 */
function screen(viewer: LiveClient, connectedAt: number): LiveState {
  const events = viewer.received.slice(connectedAt);
  const state = events.findLast((event) => event.type === "state")!.payload as LiveState;
  return events
    .filter((event) => event.type !== "state")
    .reduce((next, event) => applyLiveEvent(next, event as ShowRoomEvent), state);
}

describe("two processes behind a load balancer, one killed during a show", () => {
  it("its viewers reconnect to the other, get the whole state and the next pin; no paid order or ledger entry is lost", async () => {
    if (missing) loud(missing);
    const testStart = new Date();
    const show = await db.show.findFirstOrThrow({
      where: { status: "live", host: { user: { email: "host.tea@cunbo.test" } } },
      include: { pins: { where: { unpinnedAt: null }, include: { product: true } } },
    });
    const [qingming, everyday] = await Promise.all(
      ["jingshan-tea-qingming", "jingshan-tea-everyday"].map((slug) =>
        db.product.findUniqueOrThrow({ where: { slug } }),
      ),
    );
    const [whileDown, next] = show.pins[0]?.productId === qingming.id ? [everyday, qingming] : [qingming, everyday];

    const viewers: LiveClient[] = [];
    for (let i = 0; i < 6; i++) viewers.push(await joinShow(balancerUrl, show.id));
    const disconnected = new Set<LiveClient>();
    const connectedAt = new Map<LiveClient, number>(viewers.map((viewer) => [viewer, 0]));
    for (const viewer of viewers) {
      viewer.socket.on("disconnect", () => disconnected.add(viewer));
      viewer.socket.on("connect", () => connectedAt.set(viewer, viewer.received.length));
    }
    const host = await new Visitor(balancerUrl).logIn("host.tea@cunbo.test");

    const before = [];
    for (let i = 0; i < 6; i++) before.push(await buyAndPay("NY-FD-NV"));
    expect(before.every((order) => order.paid)).toBe(true);

    // Buyers on their way while the process dies.
    const inFlight = Promise.all(Array.from({ length: 8 }, () => buyAndPay("NY-FD-PK")));
    await sleep(50);
    await stopProcess(processA.child, "SIGKILL");
    // A pin the viewers of the dead process cannot hear as it happens: they must get it in their whole state.
    const pinned = await host.post(`/host/shows/${show.id}`, { intent: "pin", productId: whileDown.id });
    expect(pinned.status).toBe(200);

    // At least one viewer was on the killed process (round robin over six), and every one of those is back.
    for (let i = 0; i < 50 && disconnected.size === 0; i++) await sleep(100);
    expect(disconnected.size).toBeGreaterThan(0);
    const backWithState = (viewer: LiveClient) =>
      viewer.socket.connected && viewer.received.filter((event) => event.type === "state").length >= 2;
    for (let i = 0; i < 100 && ![...disconnected].every(backWithState); i++) await sleep(100);
    expect([...disconnected].every(backWithState)).toBe(true);
    for (const [i, viewer] of viewers.entries()) {
      const seen = `viewer ${i}, reconnected: ${disconnected.has(viewer)}, events: ${viewer.received.map((e) => e.type)}`;
      expect(screen(viewer, connectedAt.get(viewer)!).pin?.card.productId, seen).toBe(whileDown.id);
    }

    const arrived = viewers.map((viewer) => viewer.next<PinView>("pin", (pin) => pin.card.productId === next.id));
    expect((await host.post(`/host/shows/${show.id}`, { intent: "pin", productId: next.id })).status).toBe(200);
    expect((await Promise.all(arrived)).every((pin) => pin.card.productId === next.id)).toBe(true);

    // Every order paid before the kill or answered "paid" around it is paid, with its fulfilment and whole ledger;
    // whatever else was placed is either still waiting for payment or paid in full, never in between.
    const during = await inFlight;
    const paidIds = [...before, ...during].filter((order) => order.paid).map((order) => order.orderId!);
    const orders = await db.order.findMany({
      where: { createdAt: { gte: testStart } },
      include: { lines: { include: { ledgerEntries: true } }, fulfilmentOrders: true, reservations: true },
    });
    const byId = new Map(orders.map((order) => [order.id, order]));
    for (const id of paidIds) expect(byId.get(id)?.status, id).toBe("paid");
    for (const order of orders) {
      if (order.status === "paid") {
        expect(order.fulfilmentOrders.length, order.id).toBeGreaterThan(0);
        const ledger = order.lines.flatMap((line) => line.ledgerEntries).reduce((sum, e) => sum + e.amountFen, 0);
        const shipping = order.fulfilmentOrders.reduce((sum, f) => sum + f.shippingFen, 0);
        expect(ledger + shipping, order.id).toBe(order.totalFen);
        expect(
          order.reservations.every((r) => r.status === "consumed"),
          order.id,
        ).toBe(true);
      } else {
        expect(order.status, order.id).toBe("pending_payment");
        expect(order.fulfilmentOrders, order.id).toEqual([]);
        expect(
          order.lines.flatMap((line) => line.ledgerEntries),
          order.id,
        ).toEqual([]);
      }
    }
    expect(paidIds.length).toBeGreaterThanOrEqual(6);
  }, 90_000);
});
