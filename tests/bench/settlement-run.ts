// Benchmark: a settlement run over ledger entries for 200 workshops, 1,000 hosts and 50 villages (made with SQL
// generate_series, not the domain), against a plain `SELECT sum(...) GROUP BY payee` over the same entries in the
// same run. Done at two sizes (BENCH_ENTRIES, default 250,000 and 1,000,000), each in its own database, to show
// that time grows with the entries while the Node process's memory does not (the run is SQL set operations).
// Run: `DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx tests/bench/settlement-run.ts`
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate } from "../../server/migrate.ts";
import { startTestPostgres, withAdmin } from "../helpers/postgres.ts";

const SIZES = (process.env.BENCH_ENTRIES ?? "250000,1000000").split(",").map(Number);
const LINES_PER_ORDER = 4;
const ENTRIES_PER_LINE = 5;

async function fill(client: pg.Client, entries: number) {
  const lines = Math.ceil(entries / ENTRIES_PER_LINE);
  const orders = Math.ceil(lines / LINES_PER_ORDER);
  await client.query(`
    INSERT INTO "Category" (id, slug, "nameZh", "nameEn") VALUES ('cat', 'cat', '类', 'cat');
    INSERT INTO "Workshop" (id, slug, "nameZh", "nameEn", "villageZh", "villageEn", "districtZh", "districtEn", "storyZh",
                            "storyEn", "coverImage", "shipFromZh", "shipFromEn", "premiumRateBp", status, "updatedAt")
      SELECT 'w' || i, 'w' || i, '工坊' || i, 'W' || i, '村' || (i % 50), 'V' || (i % 50), '区', 'D', '', '', '', '', '',
             2000, 'approved', now() FROM generate_series(0, 199) i;
    INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
      SELECT 'u' || i, 'u' || i || '@bench', 'U' || i, '-', now() FROM generate_series(0, 999) i;
    INSERT INTO "Host" (id, "userId", "displayNameZh", "displayNameEn", status)
      SELECT 'h' || i, 'u' || i, '主播' || i, 'H' || i, 'approved' FROM generate_series(0, 999) i;
    INSERT INTO "Product" (id, "workshopId", "categoryId", slug, "titleZh", "titleEn", "descriptionZh", "descriptionEn",
                           perishable, "updatedAt")
      SELECT 'p' || i, 'w' || i, 'cat', 'p' || i, '商品' || i, 'P' || i, '', '', i % 10 = 0, now()
      FROM generate_series(0, 199) i;
    INSERT INTO "Variant" (id, "productId", sku, "nameZh", "nameEn", "priceFen", "updatedAt")
      SELECT 'v' || i, 'p' || i, 'sku' || i, '规格', 'V', 6800, now() FROM generate_series(0, 199) i;`);
  const delivered = "now() - interval '10 days'";
  await client.query(`
    INSERT INTO "Order" (id, number, "accessToken", status, "contactName", phone, province, city, district, street,
                         "subtotalFen", "shippingFen", "totalFen", "paymentProvider", "expiresAt", "paidAt", "updatedAt",
                         "createdAt")
      SELECT 'o' || i, 'CB' || i, 't' || i, 'fulfilled', '李', '138', '浙江', '杭州', '西湖', '路', 27200, 0, 27200,
             'local', now(), ${delivered} - interval '3 days', now(), ${delivered} - interval '3 days'
      FROM generate_series(0, ${orders - 1}) i;
    INSERT INTO "FulfilmentOrder" (id, "orderId", "workshopId", status, "shipBy", "updatedAt")
      SELECT 'f' || i, 'o' || i, 'w' || (i % 200), 'delivered', now(), now() FROM generate_series(0, ${orders - 1}) i;
    INSERT INTO "FulfilmentEvent" (id, "fulfilmentOrderId", "fromStatus", "toStatus", "createdAt")
      SELECT 'e' || i, 'f' || i, 'shipped', 'delivered', ${delivered} FROM generate_series(0, ${orders - 1}) i;
    INSERT INTO "OrderLine" (id, "orderId", "workshopId", "productId", "variantId", "titleZh", "titleEn", "variantNameZh",
                             "variantNameEn", "listPriceFen", "unitPriceFen", quantity, "lineTotalFen", "premiumRateBp",
                             "villageFundRateBp", "hostCommissionBp", "hostId")
      SELECT 'l' || l, 'o' || (l / ${LINES_PER_ORDER}), 'w' || ((l / ${LINES_PER_ORDER}) % 200),
             'p' || ((l / ${LINES_PER_ORDER}) % 200), 'v' || ((l / ${LINES_PER_ORDER}) % 200), '商品', 'P', '规格', 'V',
             6800, 6800, 1, 6800, 2000, 200, 800, 'h' || (l % 1000)
      FROM generate_series(0, ${lines - 1}) l;`);
  // The shares of a ¥68.00 line at a 20 % premium, 2 % village, 8 % host, 5 % platform (they sum to the line).
  await client.query(`
    INSERT INTO "LedgerEntry" (id, "orderId", "orderLineId", "fulfilmentOrderId", account, kind, "amountFen", "workshopId",
                               "hostId", "villageZh", "createdAt")
      SELECT 'le' || l || a.account, 'o' || (l / ${LINES_PER_ORDER}), 'l' || l, 'f' || (l / ${LINES_PER_ORDER}),
             a.account::"LedgerAccount", 'sale', a.fen,
             CASE WHEN a.account IN ('workshop', 'workers_premium', 'village') THEN 'w' || ((l / ${LINES_PER_ORDER}) % 200) END,
             CASE WHEN a.account = 'host' THEN 'h' || (l % 1000) END,
             CASE WHEN a.account = 'village' THEN '村' || (((l / ${LINES_PER_ORDER}) % 200) % 50) END,
             ${delivered} - interval '3 days'
      FROM generate_series(0, ${lines - 1}) l
      CROSS JOIN (VALUES ('workshop', 4444), ('workers_premium', 1133), ('village', 136), ('host', 544), ('platform', 543)) a(account, fen);
    ANALYZE;`);
  return (await client.query(`SELECT count(*)::int AS n FROM "LedgerEntry"`)).rows[0].n as number;
}

const BASELINE = `
  SELECT CASE account WHEN 'host' THEN "hostId" WHEN 'village' THEN "villageZh" WHEN 'platform' THEN 'platform'
              ELSE "workshopId" END AS payee, account, sum("amountFen")
  FROM "LedgerEntry" GROUP BY 1, 2`;

async function measure(baseUrl: string, entries: number) {
  const name = `cunbo_bench_settle_${randomBytes(4).toString("hex")}`;
  await withAdmin(baseUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = `${baseUrl}/${name}`;
  try {
    await migrate(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const t0 = performance.now();
    const made = await fill(client, entries);
    const fillMs = performance.now() - t0;
    // Warm both the same way: one untimed baseline pass reads the table into the cache.
    await client.query(BASELINE);
    const b0 = performance.now();
    const groups = (await client.query(BASELINE)).rowCount;
    const baselineMs = performance.now() - b0;

    process.env.DATABASE_URL = url;
    const { disconnectDb } = await import("../../app/lib/db.server.ts");
    const { runSettlement } = await import("../../app/domain/payouts/settlement.server.ts");
    // Load and connect before measuring, so the figure is the run's own memory, not the modules'.
    const { db } = await import("../../app/lib/db.server.ts");
    await db.$queryRaw`SELECT 1`;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const s0 = performance.now();
    const outcome = await runSettlement({ now: new Date() });
    const settleMs = performance.now() - s0;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    const settled = (await client.query(`SELECT count(*)::int AS n FROM "StatementEntry"`)).rows[0].n as number;
    const statements = (await client.query(`SELECT count(*)::int AS n FROM "Statement"`)).rows[0].n as number;
    await disconnectDb();
    await client.end();
    if (settled !== made) throw new Error(`settled ${settled} of ${made} entries`);
    console.log(
      `${made.toLocaleString("en")} entries (filled in ${(fillMs / 1000).toFixed(1)} s): ` +
        `baseline GROUP BY ${baselineMs.toFixed(0)} ms (${groups} payee rows); ` +
        `settlement run ${settleMs.toFixed(0)} ms (${statements} statements, ${outcome?.entries} entries) = ` +
        `${(settleMs / baselineMs).toFixed(1)}× the baseline; Node RSS peak +${((rssPeak - rssBefore) / 1e6).toFixed(1)} MB`,
    );
    return { made, baselineMs, settleMs, rssDeltaMb: (rssPeak - rssBefore) / 1e6 };
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${url}`);
    else await withAdmin(baseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

export async function runSettlementBench() {
  const postgres = await startTestPostgres();
  try {
    const results = [];
    for (const size of SIZES) results.push(await measure(postgres.baseUrl, size));
    return results;
  } finally {
    await postgres.stop?.();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runSettlementBench();
  process.exit(0);
}
