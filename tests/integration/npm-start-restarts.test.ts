// `npm start` (server/start.ts) as its own process with no DATABASE_URL, run as root as on this project's machines:
// an order paid in one run is still there after a clean stop, after kill -9 of the Node process (which leaves its
// PostgreSQL running) and after the PostgreSQL died too; one PostgreSQL per data folder, never a second one.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../server/embedded-postgres.ts";
import {
  childEnv,
  isRunning,
  postmastersOn,
  startAppProcess,
  stopProcess,
  type AppProcess,
} from "../helpers/app-process";
import { Visitor } from "../helpers/http";
import { ADDRESS } from "../helpers/market";

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

type Run = AppProcess & { url: string; pgDir: string };

/** `npm start`'s own script with its data in `dataDir`, on a free port. */
async function npmStart(dataDir: string, options: { ownGroup?: boolean } = {}): Promise<Run> {
  const port = await freePort();
  const run = await startAppProcess(
    "server/start.ts",
    childEnv({ DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" }),
    "Cunbo 村播 is running at",
    120_000,
    options,
  );
  const where = /embedded PostgreSQL running with its data in (.+)\n/.exec(run.output())![1];
  return { ...run, url: `http://127.0.0.1:${port}`, pgDir: path.resolve(where) };
}

/** A query against the embedded PostgreSQL of a run, found the way the run found it (the port beside the data). */
async function query<T>(run: Run, sql: string, params: unknown[] = []): Promise<T[]> {
  const port = readFileSync(`${run.pgDir}.port`, "utf8").trim();
  const client = new pg.Client({ connectionString: `postgresql://postgres:cunbo-local@127.0.0.1:${port}/cunbo` });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A guest buys an umbrella through the real pages and pays it on the local test payment page. */
async function placeAndPay(run: Run) {
  const [variant] = await query<{ id: string }>(run, `SELECT id FROM "Variant" WHERE sku = 'NY-FD-NV'`);
  const guest = new Visitor(run.url);
  await guest.post("/cart", { intent: "add", variantId: variant.id, quantity: "1" });
  const placed = await guest.post("/checkout", ADDRESS);
  expect(placed.status).toBe(302);
  const payUrl = new URL(placed.headers.get("location")!, run.url);
  const token = payUrl.searchParams.get("token")!;
  const paid = await guest.post(payUrl.pathname + payUrl.search, { outcome: "succeed", token });
  expect(paid.status).toBe(302);
  return { orderId: payUrl.pathname.split("/").pop()!, token };
}

/** What a restarted run knows of the order: its page (through HTTP) says paid, and its ledger is all there. */
async function expectPaidOrder(run: Run, order: { orderId: string; token: string }) {
  const page = await (await new Visitor(run.url).get(`/orders/${order.orderId}?token=${order.token}`)).text();
  expect(page).toContain("已支付");
  const [ledger] = await query<{ entries: number; sum: number; total: number }>(
    run,
    `SELECT count(e.*)::int AS entries, sum(e."amountFen")::int AS sum, o."totalFen" AS total
       FROM "Order" o JOIN "LedgerEntry" e ON e."orderId" = o.id WHERE o.id = $1 GROUP BY o.id`,
    [order.orderId],
  );
  expect(ledger.entries).toBeGreaterThan(0);
  const [{ shipping }] = await query<{ shipping: number }>(
    run,
    `SELECT sum("shippingFen")::int AS shipping FROM "FulfilmentOrder" WHERE "orderId" = $1`,
    [order.orderId],
  );
  expect(ledger.sum + shipping).toBe(ledger.total);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilGone(pid: number) {
  for (let i = 0; i < 100 && isRunning(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(isRunning(pid)).toBe(false);
}

describe("npm start keeps its data across restarts (run as root)", () => {
  // Every test continues the one before it on the same data folder, as a person restarting the app would.
  let dataDir: string;
  let order: { orderId: string; token: string };
  let run: Run;

  it("an order paid in the first run is there after a clean stop and a second start, which does not seed again", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "cunbo-start-"));
    cleanup.push(parent);
    await chmod(parent, 0o755); // reachable by the `postgres` user, as a clone under /work or /home is
    dataDir = path.join(parent, "data");
    const first = await npmStart(dataDir);
    expect(first.pgDir).toBe(path.join(dataDir, "pg"));
    order = await placeAndPay(first);
    await stopProcess(first.child, "SIGTERM");
    expect(await first.exited).toBe(0);
    expect(postmastersOn(first.pgDir)).toEqual([]);

    run = await npmStart(dataDir);
    expect(run.pgDir).toBe(first.pgDir);
    expect(run.output()).not.toContain("seeded the demo market");
    await expectPaidOrder(run, order);
  }, 240_000);

  it("after kill -9 of the Node process, the next start stops the PostgreSQL it left and runs one on the same data", async () => {
    const [leftover] = postmastersOn(run.pgDir);
    expect(leftover).toBeGreaterThan(0);
    await stopProcess(run.child, "SIGKILL");
    expect(isRunning(leftover)).toBe(true); // the situation the next start has to deal with

    run = await npmStart(dataDir);
    expect(run.output()).toContain(`PostgreSQL (pid ${leftover}) was left running`);
    await untilGone(leftover);
    const postmasters = postmastersOn(run.pgDir);
    expect(postmasters).toHaveLength(1);
    expect(postmasters[0]).not.toBe(leftover);
    expect(run.output()).not.toContain("seeded the demo market");
    await expectPaidOrder(run, order);
  }, 240_000);

  it("a second npm start on the same data while the first runs refuses, and leaves the first's PostgreSQL alone", async () => {
    const [postmaster] = postmastersOn(run.pgDir);
    const second = startAppProcess(
      "server/start.ts",
      childEnv({ DATA_DIR: dataDir, PORT: String(await freePort()), HOST: "127.0.0.1" }),
      "Cunbo 村播 is running at",
    );
    await expect(second).rejects.toThrow(/exited \(1\)[\s\S]*belongs to another Cunbo process that is still running/);
    expect(postmastersOn(run.pgDir)).toEqual([postmaster]);
    await expectPaidOrder(run, order);
  }, 120_000);

  it("after both the Node process and its PostgreSQL were killed, the stale lock file does not block the next start", async () => {
    const [postmaster] = postmastersOn(run.pgDir);
    await stopProcess(run.child, "SIGKILL");
    process.kill(postmaster, "SIGKILL");
    await untilGone(postmaster);

    run = await npmStart(dataDir);
    expect(postmastersOn(run.pgDir)).toHaveLength(1);
    expect(run.output()).not.toContain("seeded the demo market");
    await expectPaidOrder(run, order);
    await stopProcess(run.child, "SIGTERM");
    expect(await run.exited).toBe(0);
    expect(postmastersOn(run.pgDir)).toEqual([]);
  }, 240_000);

  for (const [signal, what] of [
    ["SIGINT", "Ctrl-C in its terminal"],
    ["SIGHUP", "closing its terminal"],
  ] as const) {
    it(`${what} (${signal} to the whole process group, PostgreSQL included) stops both, and the data stays`, async () => {
      const inTerminal = await npmStart(dataDir, { ownGroup: true });
      const [postmaster] = postmastersOn(inTerminal.pgDir);
      process.kill(-inTerminal.pid, signal);
      const code = await Promise.race([inTerminal.exited, sleep(20_000).then(() => "still running after 20 s")]);
      expect(code).toBe(0);
      await untilGone(postmaster);
      expect(postmastersOn(inTerminal.pgDir)).toEqual([]);
      run = await npmStart(dataDir);
      await expectPaidOrder(run, order);
      await stopProcess(run.child, "SIGTERM");
    }, 120_000);
  }

  it("a clone in a folder the postgres user cannot reach (mode 700) keeps its data in /var/tmp across restarts", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "cunbo-start-private-")); // mode 700, like /root
    cleanup.push(parent);
    const privateData = path.join(parent, "data");
    const first = await npmStart(privateData);
    expect(first.pgDir).toMatch(/^\/var\/tmp\/cunbo-pg-[0-9a-f]+$/);
    cleanup.push(first.pgDir, `${first.pgDir}.port`, `${first.pgDir}.owner`);
    const paid = await placeAndPay(first);
    await stopProcess(first.child, "SIGTERM");
    expect(await first.exited).toBe(0);

    const second = await npmStart(privateData);
    expect(second.pgDir).toBe(first.pgDir);
    expect(second.output()).not.toContain("seeded the demo market");
    await expectPaidOrder(second, paid);
    await stopProcess(second.child, "SIGTERM");
  }, 240_000);
});

describe("embedded PostgreSQL in a process of ours", () => {
  it("leaves no exit or signal handler of its own behind, so the process's shutdown alone decides when it stops", async () => {
    const events = ["beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
    const counts = () => events.map((event) => process.listenerCount(event));
    const before = counts();
    const parent = await mkdtemp(path.join(os.tmpdir(), "cunbo-pg-listeners-"));
    cleanup.push(parent);
    await chmod(parent, 0o755);
    const { startEmbeddedPostgres } = await import("../../server/embedded-postgres.ts");
    const exitListeners = process.listenerCount("exit");
    const postgres = await startEmbeddedPostgres(path.join(parent, "pg"));
    try {
      expect(counts()).toEqual(before);
      // Only its own stop-on-exit, taken off again by stop().
      expect(process.listenerCount("exit")).toBe(exitListeners + 1);
    } finally {
      await postgres.stop();
    }
    expect(process.listenerCount("exit")).toBe(exitListeners);
  });
});
