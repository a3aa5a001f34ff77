// Coupon claim burst: VIEWERS signed-in viewers of a live room tap "claim" on the pinned coupon at one instant (each
// on its own kept-alive connection, POST /coupons/:id/claim as the coupon card's JavaScript sends it), against the
// real server in its own process, for a coupon of TOTAL. Reports claims given (must be exactly TOTAL), any shopper
// over their limit (must be 0) and the latency; and, in the same run, the same burst against GET /healthz, the
// floor of this machine's HTTP stack, as the baseline the p95 is a ratio to.
//
//   npm run bench -- coupon-claim [--runs 10] [--viewers 2000] [--total 100]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createCookie } from "@remix-run/node";
import pg from "pg";
import { BurstClient } from "./burst-client.ts";
import { percentile, startAppServer, startDatabase } from "./flash-sale.ts";

const { values: args } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "10" },
    viewers: { type: "string", default: "2000" },
    total: { type: "string", default: "100" },
  },
});
const RUNS = Number(args.runs);
const VIEWERS = Number(args.viewers);
const TOTAL = Number(args.total);
// The server the bench starts signs its cookies with this (startAppServer's SESSION_SECRET).
const SECRET = "bench-session-secret-0123456789";

/** VIEWERS shoppers, each signed in: a user and a session row, and the session's signed cookie. */
async function signedInViewers(client: pg.Client): Promise<string[]> {
  const tag = randomBytes(4).toString("hex");
  const ids = Array.from({ length: VIEWERS }, (_, i) => `bench-${tag}-${i}`);
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt")
     SELECT id, id || '@bench.test', id, 'x', now() FROM unnest($1::text[]) AS id`,
    [ids],
  );
  await client.query(
    `INSERT INTO "Session" ("id", "userId", "expiresAt") SELECT 's' || id, id, now() + interval '1 day' FROM unnest($1::text[]) AS id`,
    [ids],
  );
  const cookie = createCookie("__session", { secrets: [SECRET], path: "/", httpOnly: true, sameSite: "lax" });
  return Promise.all(ids.map(async (id) => (await cookie.serialize(`s${id}`)).split(";")[0]));
}

async function newCoupon(client: pg.Client) {
  const { rows } = await client.query(`SELECT "id" FROM "User" WHERE "isAdmin" LIMIT 1`);
  const { rows: shows } = await client.query(`SELECT "id" FROM "Show" WHERE "status" = 'live' LIMIT 1`);
  const id = `benchcoupon${randomBytes(6).toString("hex")}`;
  await client.query(
    `INSERT INTO "Coupon" ("id", "funder", "scope", "showId", "kind", "amountOffFen", "claimStartsAt", "claimEndsAt", "total", "perShopperLimit", "validHours", "createdById")
     VALUES ($1, 'market', 'show', $2, 'amount_off', 500, now(), now() + interval '1 day', $3, 1, 24, $4)`,
    [id, shows[0].id, TOTAL, rows[0].id],
  );
  // Pinned in the room, so each claim also tells the room how many are left, as in a real show.
  await client.query(`UPDATE "Show" SET "pinnedCouponId" = $1 WHERE "id" = $2`, [id, shows[0].id]);
  return id;
}

export async function runCouponClaim() {
  const postgres = await startDatabase();
  const dbName = `cunbo_bench_${randomBytes(4).toString("hex")}`;
  const databaseUrl = `${postgres.baseUrl}/${dbName}`;
  console.log(`coupon claim: ${RUNS} runs × ${VIEWERS} viewers claiming a coupon of ${TOTAL}; database ${dbName}`);
  const { url, child } = await startAppServer(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: Record<string, number>[] = [];
  try {
    const cookies = await signedInViewers(client);
    for (let run = 0; run <= RUNS; run++) {
      const couponId = await newCoupon(client);
      const viewers = await BurstClient.open(url, VIEWERS);
      // Warm connections (the viewers are in the room already), then the floor: the same burst, cheapest route.
      await viewers.burst("GET", "/healthz");
      const floorStart = performance.now();
      const floor = (await viewers.burst("GET", "/healthz")).map((r) => r.ms).sort((a, b) => a - b);
      const floorSeconds = (performance.now() - floorStart) / 1000;
      const start = performance.now();
      // One cookie per connection: BurstClient shares headers, so each viewer's goes in through the form hook.
      const answers = await Promise.all(
        cookies.map((cookie, i) =>
          viewers.sendOne(i, "POST", `/coupons/${couponId}/claim`, "redirectTo=%2F", {
            Accept: "application/json",
            Cookie: cookie,
          }),
        ),
      );
      const seconds = (performance.now() - start) / 1000;
      viewers.close();
      const { rows: check } = await client.query(
        `SELECT (SELECT "claimed" FROM "Coupon" WHERE "id" = $1) AS claimed,
           (SELECT count(*)::int FROM "CouponClaim" WHERE "couponId" = $1) AS claims,
           (SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM "CouponClaim" WHERE "couponId" = $1 GROUP BY "userId") c) AS "mostByOne"`,
        [couponId],
      );
      const given = answers.filter((a) => a.status === 200).length;
      const unexpected = answers.filter((a) => a.status !== 200 && a.status !== 409);
      const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
      const row = {
        run,
        given,
        claims: check[0].claims,
        claimed: check[0].claimed,
        overLimit: Math.max(0, check[0].mostByOne - 1),
        errors: unexpected.length,
        "claims/s": Math.round(VIEWERS / seconds),
        "p50 ms": Math.round(percentile(latencies, 50)),
        "p95 ms": Math.round(percentile(latencies, 95)),
        "p99 ms": Math.round(percentile(latencies, 99)),
        "floor req/s": Math.round(VIEWERS / floorSeconds),
        "floor p95 ms": Math.round(percentile(floor, 95)),
        "p95 ratio": Number((percentile(latencies, 95) / percentile(floor, 95)).toFixed(2)),
      };
      if (run > 0) rows.push(row);
      console.log(run > 0 ? JSON.stringify(row) : `warm-up, not counted: ${JSON.stringify(row)}`);
      if (unexpected.length)
        console.log(
          "  unexpected:",
          [...new Set(unexpected.map((a) => `${a.status} ${a.body.slice(0, 80)}`))].join(" | "),
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
  const median = (key: string) => rows.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
  console.table(rows);
  console.log(
    `summary over ${rows.length} runs: exactly ${TOTAL} given in ${rows.filter((r) => r.given === TOTAL && r.claims === TOTAL && r.claimed === TOTAL).length}/${rows.length} runs; ` +
      `over the limit: ${rows.reduce((s, r) => s + r.overLimit, 0)}; median p50 ${median("p50 ms")} ms, p95 ${median("p95 ms")} ms, p99 ${median("p99 ms")} ms; ` +
      `HTTP floor (GET /healthz, same burst): p95 ${median("floor p95 ms")} ms; median p95 ratio ${median("p95 ratio")}; ` +
      `runs with p95 <= 300 ms: ${rows.filter((r) => r["p95 ms"] <= 300).length}/${rows.length}`,
  );
  return rows;
}
