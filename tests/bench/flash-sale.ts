// Flash-sale benchmark: BUYERS concurrent buyers tap "buy now" in the live room's checkout sheet at one instant
// (each on its own kept-alive connection, POST /buy-now as the sheet's JavaScript sends it), against the real
// server in its own process, for UNITS units of one variant. Reports oversold (must be 0), reservations per second
// and the latency of the order-placing request; and, in the same run, the rate of bare conditional UPDATEs on one
// hot row in PostgreSQL with the same concurrency, as the baseline our rate is a ratio to.
//
//   npm run bench -- flash-sale [--runs 20] [--buyers 2000] [--units 200] [--pool 20]
// Uses the PostgreSQL in DATABASE_URL (a fresh database on it, dropped afterwards) or an embedded one.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { BUY_NOW_PATH } from "../../app/domain/checkout/buy-now-client.ts";
import { freePort, startEmbeddedPostgres } from "../../server/embedded-postgres.ts";
import { BurstClient } from "./burst-client.ts";

const { values: args } = parseArgs({
  // Positionals name the benchmarks to run (tests/bench/run.ts); the flags are this one's.
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "20" },
    buyers: { type: "string", default: "2000" },
    units: { type: "string", default: "200" },
    pool: { type: "string", default: process.env.DATABASE_POOL_SIZE ?? "20" },
  },
});
const RUNS = Number(args.runs);
const BUYERS = Number(args.buyers);
const UNITS = Number(args.units);
const POOL = Number(args.pool);

const ADDRESS = {
  contactName: "抢购的买家",
  phone: "13900001111",
  province: "浙江省",
  city: "杭州市",
  district: "余杭区",
  street: "良渚街道 88 号",
};

type Outcome = { ok: boolean; status: number; ms: number; text: string };

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function startDatabase() {
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    base.pathname = "";
    return { baseUrl: base.toString().replace(/\/$/, ""), stop: async () => {} };
  }
  return startEmbeddedPostgres(path.resolve(".data/bench-pg"));
}

/** The real server, as `npm start` runs it, in a process of its own so the load generator does not share its CPU. */
export async function startAppServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_NODE_ARGS (e.g. "--cpu-prof") goes to the server's node, to see where its time goes.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_POOL_SIZE: String(POOL),
      NODE_ENV: "production",
      SESSION_SECRET: "bench-session-secret-0123456789",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("is running at")) resolve();
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function newHotVariant(client: pg.Client, stock: number) {
  const { rows } = await client.query(`
    SELECT p."id" AS "productId", s."id" AS "showId", pin."id" AS "pinId"
    FROM "Show" s JOIN "Pin" pin ON pin."showId" = s."id" AND pin."unpinnedAt" IS NULL JOIN "Product" p ON p."id" = pin."productId"
    WHERE s."status" = 'live' LIMIT 1`);
  const id = `bench${randomBytes(8).toString("hex")}`;
  await client.query(
    `INSERT INTO "Variant" ("id", "productId", "sku", "nameZh", "nameEn", "priceFen", "stock", "updatedAt") VALUES ($1, $2, $3, '秒杀装', 'Flash pack', 9900, $4, now())`,
    [id, rows[0].productId, `BENCH-${id}`, stock],
  );
  return { variantId: id, showId: rows[0].showId as string, pinId: rows[0].pinId as string };
}

/** BUYERS concurrent order-placing requests (the live room's buy-now sheet, as its JavaScript submits it). */
async function flashSale(url: string, target: { variantId: string; showId: string; pinId: string }) {
  // The buyers already have the live room's checkout sheet open before the deal starts: their connections (and
  // the server's database pool) are warm.
  const buyers = await BurstClient.open(url, BUYERS);
  const item = { variantId: target.variantId, showId: target.showId, pinId: target.pinId };
  await buyers.burst("GET", `/checkout?${new URLSearchParams({ ...item, sheet: "1" })}`);
  // The floor of this machine's HTTP stack: the same burst against the cheapest route there is.
  const floorStart = performance.now();
  const floor = await buyers.burst("GET", "/healthz");
  const floorSeconds = (performance.now() - floorStart) / 1000;
  // Each buyer's sheet carries its own form key, as the checkout page draws one per showing.
  const body = (buyer: number) =>
    new URLSearchParams({
      ...ADDRESS,
      ...item,
      quantity: "1",
      sheet: "1",
      submission: `${target.variantId}-${buyer}`,
    }).toString();
  const start = performance.now();
  const startedAt = Date.now();
  const answers = await buyers.burst("POST", BUY_NOW_PATH, body, { Accept: "application/json" });
  const seconds = (performance.now() - start) / 1000;
  buyers.close();
  const outcomes = answers.map(({ status, body: text, ms }): Outcome => ({
    ok: status === 200 && text.includes("/pay/local/"),
    status,
    ms,
    text,
  }));
  return {
    outcomes,
    seconds,
    startedAt,
    floor: { latencies: floor.map((f) => f.ms).sort((a, b) => a - b), seconds: floorSeconds },
  };
}

/** The baseline: the same number of bare conditional UPDATEs on one hot row, over a pool of the same size. */
async function bareUpdates(databaseUrl: string, variantId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL });
  await Promise.all(Array.from({ length: POOL }, () => pool.query("SELECT 1")));
  const start = performance.now();
  const times = await Promise.all(
    Array.from({ length: BUYERS }, async () => {
      const { rowCount } = await pool.query(
        `UPDATE "Variant" SET "stock" = "stock" - 1 WHERE "id" = $1 AND "stock" >= 1 RETURNING "stock"`,
        [variantId],
      );
      return rowCount ? performance.now() - start : null;
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await pool.end();
  const successes = times.filter((t): t is number => t !== null);
  return { successes: successes.length, seconds, lastSuccess: Math.max(...successes) / 1000 };
}

async function verify(client: pg.Client, variantId: string) {
  const { rows } = await client.query(
    `SELECT v."stock",
       (SELECT COALESCE(SUM(r."quantity"), 0) FROM "Reservation" r WHERE r."variantId" = v."id" AND r."status" = 'held')::int AS held,
       (SELECT COUNT(DISTINCT l."orderId") FROM "OrderLine" l WHERE l."variantId" = v."id")::int AS orders,
       (SELECT extract(epoch FROM max(r."createdAt")) * 1000 FROM "Reservation" r WHERE r."variantId" = v."id")::float8 AS "lastHeldAt",
       (SELECT extract(epoch FROM min(r."createdAt")) * 1000 FROM "Reservation" r WHERE r."variantId" = v."id")::float8 AS "firstHeldAt"
     FROM "Variant" v WHERE v."id" = $1`,
    [variantId],
  );
  return rows[0] as { stock: number; held: number; orders: number; lastHeldAt: number; firstHeldAt: number };
}

export async function runFlashSale() {
  const postgres = await startDatabase();
  const dbName = `cunbo_bench_${randomBytes(4).toString("hex")}`;
  const databaseUrl = `${postgres.baseUrl}/${dbName}`;
  console.log(
    `flash sale: ${RUNS} runs × ${BUYERS} concurrent buyers for ${UNITS} units; pool ${POOL} connections; database ${dbName}`,
  );
  const { url, child } = await startAppServer(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: Record<string, number>[] = [];
  try {
    // Run 0 warms the server up (a fresh process's first burst runs before the JIT has compiled the path) and is
    // printed but not counted; runs 1..RUNS are measured.
    for (let run = 0; run <= RUNS; run++) {
      const target = await newHotVariant(client, UNITS);
      const { outcomes, seconds, startedAt, floor } = await flashSale(url, target);
      const check = await verify(client, target.variantId);
      const baselineRow = await newHotVariant(client, UNITS);
      const baseline = await bareUpdates(databaseUrl, baselineRow.variantId);

      const successes = outcomes.filter((o) => o.ok);
      const unexpected = outcomes.filter((o) => !o.ok && o.status !== 409);
      const oversold = Math.max(0, successes.length - UNITS, check.held - UNITS, check.orders - UNITS, -check.stock);
      const lastSuccess = Math.max(...successes.map((o) => o.ms)) / 1000;
      const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
      // When the holds were taken (dated by PostgreSQL) and when buyers heard so (HTTP) are both reported;
      // the ratio compares like with like: holds taken per second against bare UPDATEs per second.
      const ours = check.held / ((check.lastHeldAt - startedAt) / 1000);
      const confirmed = successes.length / lastSuccess;
      const theirs = baseline.successes / baseline.lastSuccess;
      const row = {
        run,
        sold: successes.length,
        oversold,
        stockLeft: check.stock,
        errors: unexpected.length,
        "reservations/s": Math.round(ours),
        "confirmed/s": Math.round(confirmed),
        // From the first hold to the last: how long the hot row itself took, once requests reached it.
        "first hold ms": Math.round(check.firstHeldAt - startedAt),
        "hold window ms": Math.round(check.lastHeldAt - check.firstHeldAt),
        "attempts/s": Math.round(BUYERS / seconds),
        "p50 ms": Math.round(percentile(latencies, 50)),
        "p95 ms": Math.round(percentile(latencies, 95)),
        "p99 ms": Math.round(percentile(latencies, 99)),
        "baseline updates/s": Math.round(theirs),
        "baseline attempts/s": Math.round(BUYERS / baseline.seconds),
        ratio: Number((ours / theirs).toFixed(2)),
        "floor req/s": Math.round(BUYERS / floor.seconds),
        "floor p95 ms": Math.round(percentile(floor.latencies, 95)),
      };
      if (run > 0) rows.push(row);
      console.log(run > 0 ? JSON.stringify(row) : `warm-up, not counted: ${JSON.stringify(row)}`);
      if (unexpected.length)
        console.log(
          "  unexpected:",
          [...new Set(unexpected.map((o) => `${o.status} ${o.text.slice(0, 80)}`))].join(" | "),
        );
    }
  } finally {
    await client.end();
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    const admin = new pg.Client({ connectionString: `${postgres.baseUrl}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await postgres.stop();
  }
  const median = (key: string) => {
    const values = rows.map((r) => r[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)];
  };
  console.table(rows);
  console.log(
    `summary over ${rows.length} runs: oversold in ${rows.filter((r) => r.oversold > 0).length} runs (total ${rows.reduce((s, r) => s + r.oversold, 0)}); ` +
      `median reservations/s ${median("reservations/s")}, p50 ${median("p50 ms")} ms, p95 ${median("p95 ms")} ms, p99 ${median("p99 ms")} ms; ` +
      `median baseline ${median("baseline updates/s")} updates/s; median ratio ${median("ratio")}; ` +
      `HTTP floor (GET /healthz, same burst): median ${median("floor req/s")} req/s, p95 ${median("floor p95 ms")} ms; ` +
      `runs with p95 <= 300 ms: ${rows.filter((r) => r["p95 ms"] <= 300).length}/${rows.length}, ` +
      `with ratio >= 0.5: ${rows.filter((r) => r.ratio >= 0.5).length}/${rows.length}`,
  );
  return rows;
}
