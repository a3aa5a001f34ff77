// Benchmark: the packing-room queue page and the workshop dashboard with 10,000 fulfilment orders in one
// workshop, over real HTTP as its logged-in staff, against /healthz and the bare queue SQL measured in the same run.
// Run: `npx remix build && DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx tests/bench/queue-page.ts`
// (without DATABASE_URL it starts the embedded PostgreSQL). Makes its own database and drops it afterwards.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Prisma } from "../../app/generated/prisma/client.ts";
import { seed } from "../../prisma/seed.ts";
import { startServer } from "../../server/index.ts";
import { migrate } from "../../server/migrate.ts";
import { saleEntryRows } from "../../app/domain/ledger/ledger.server.ts";
import { Visitor } from "../helpers/http.ts";
import { startTestPostgres, withAdmin } from "../helpers/postgres.ts";

const PARCELS = Number(process.env.BENCH_PARCELS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const HOUR = 3_600_000;
const STATUSES = [
  ...Array(12).fill("delivered"),
  "shipped",
  "shipped",
  "queued",
  "queued",
  "accepted",
  "packed",
  "exception",
  "cancelled",
] as const;

const postgres = await startTestPostgres();
const name = `cunbo_bench_${randomBytes(4).toString("hex")}`;
await withAdmin(postgres.baseUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
process.env.DATABASE_URL = `${postgres.baseUrl}/${name}`;
process.env.SESSION_SECRET ??= "bench-session-secret-0123456789";
const { db } = await import("../../app/lib/db.server.ts");

async function fill() {
  await migrate(process.env.DATABASE_URL!);
  await seed(db);
  const workshop = await db.workshop.findUniqueOrThrow({ where: { slug: "berry-good-market" } });
  const variants = await db.variant.findMany({
    where: { product: { workshopId: workshop.id } },
    include: { product: true },
  });
  const shows = await db.show.findMany({
    where: { host: { user: { email: "host.berry@cunbo.test" } } },
    include: { host: true },
  });
  const now = Date.now();
  const chunk = 1000;
  for (let start = 0; start < PARCELS; start += chunk) {
    const orders: Prisma.OrderCreateManyInput[] = [];
    const parcels: Prisma.FulfilmentOrderCreateManyInput[] = [];
    const lines: Prisma.OrderLineCreateManyInput[] = [];
    const ledger: Prisma.LedgerEntryCreateManyInput[] = [];
    const events: Prisma.FulfilmentEventCreateManyInput[] = [];
    for (let i = start; i < Math.min(PARCELS, start + chunk); i++) {
      const status = STATUSES[i % STATUSES.length];
      const open = ["queued", "accepted", "packed", "exception"].includes(status);
      const paidAt = new Date(now - (open ? i % 60 : (i * 7919) % (60 * 24)) * HOUR);
      const variant = variants[i % variants.length];
      const show = i % 3 === 0 ? shows[i % shows.length] : null;
      const quantity = 1 + (i % 3);
      const total = variant.priceFen * quantity;
      const orderId = `bench-order-${i}`;
      const parcelId = `bench-parcel-${i}`;
      const lineId = `bench-line-${i}`;
      orders.push({
        id: orderId,
        number: `CBB${String(i).padStart(8, "0")}`,
        accessToken: `bench-token-${i}`,
        status: status === "delivered" ? "fulfilled" : "paid",
        contactName: `买家${i}`,
        phone: `138${String(i).padStart(8, "0")}`,
        province: "浙江省",
        city: "杭州市",
        district: "西湖区",
        street: `文三路 ${i} 号`,
        subtotalFen: total,
        shippingFen: 1000,
        totalFen: total + 1000,
        paymentProvider: "local",
        expiresAt: new Date(paidAt.getTime() + 15 * 60_000),
        paidAt,
        createdAt: paidAt,
      });
      parcels.push({
        id: parcelId,
        orderId,
        workshopId: workshop.id,
        status,
        shipBy: new Date(paidAt.getTime() + 24 * HOUR),
        createdAt: paidAt,
      });
      // What the ledger splits: the same fields the line carries.
      const split = {
        id: lineId,
        workshopId: workshop.id,
        lineTotalFen: total,
        premiumRateBp: workshop.premiumRateBp,
        villageFundRateBp: workshop.villageFundRateBp,
        hostCommissionBp: show?.host.commissionRateBp ?? 0,
        hostId: show?.hostId ?? null,
      };
      lines.push({
        ...split,
        orderId,
        productId: variant.productId,
        variantId: variant.id,
        titleZh: variant.product.titleZh,
        titleEn: variant.product.titleEn,
        variantNameZh: variant.nameZh,
        variantNameEn: variant.nameEn,
        listPriceFen: variant.priceFen,
        unitPriceFen: variant.priceFen,
        quantity,
        showId: show?.id,
      });
      ledger.push(
        ...saleEntryRows(
          orderId,
          [{ ...split, villageZh: workshop.villageZh }],
          new Map([[workshop.id, parcelId]]),
          paidAt,
        ),
      );
      events.push({ fulfilmentOrderId: parcelId, toStatus: "queued", note: "paid", createdAt: paidAt });
      if (status === "shipped" || status === "delivered") {
        const late = i % 10 === 0 ? 30 : 20;
        events.push({
          fulfilmentOrderId: parcelId,
          fromStatus: "packed",
          toStatus: "shipped",
          createdAt: new Date(paidAt.getTime() + late * HOUR),
        });
      }
    }
    await db.order.createMany({ data: orders });
    await db.fulfilmentOrder.createMany({ data: parcels });
    await db.orderLine.createMany({ data: lines });
    await db.ledgerEntry.createMany({ data: ledger });
    await db.fulfilmentEvent.createMany({ data: events });
  }
  await db.$executeRawUnsafe("ANALYZE");
  return workshop;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

async function measure(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return { label, ...stats(samples) };
}

async function get(visitor: Visitor, path: string) {
  const response = await visitor.get(path);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return response.text();
}

const loadStarted = performance.now();
const workshop = await fill();
console.log(`filled ${PARCELS} fulfilment orders in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);
const server = await startServer({ port: 0, host: "127.0.0.1" });
const url = server.url.replace("localhost", "127.0.0.1");
try {
  const staff = await new Visitor(url).logIn("staff.berry@cunbo.test");
  const { workshopQueuePage, parseQueueFilters } = await import("../../app/domain/fulfilment/queue.server.ts");
  const product = await db.product.findFirstOrThrow({ where: { workshopId: workshop.id } });
  const base = "/studio/berry-good-market";
  const results = [
    await measure("GET /healthz (baseline)", () => get(new Visitor(url), "/healthz")),
    await measure("queue query in-process (baseline)", () =>
      workshopQueuePage(workshop.id, parseQueueFilters(new URLSearchParams())),
    ),
    await measure("GET queue (open, page 1)", () => get(staff, `${base}/fulfilment`)),
    await measure("GET queue (all, page 100)", () => get(staff, `${base}/fulfilment?status=all&page=100`)),
    await measure("GET queue (overdue, by product)", () =>
      get(staff, `${base}/fulfilment?status=overdue&product=${product.id}`),
    ),
    await measure("GET workshop dashboard", () => get(staff, `${base}/dashboard`)),
  ];
  const baseline = results[0].p50;
  console.log(`\n${PARCELS} fulfilment orders in one workshop, ${ROUNDS} sequential requests each (ms):`);
  for (const row of results) {
    console.log(
      `${row.label.padEnd(36)} p50 ${row.p50.toFixed(1).padStart(7)}  p95 ${row.p95.toFixed(1).padStart(7)}  ×healthz p50 ${(row.p50 / baseline).toFixed(1)}`,
    );
  }
} finally {
  await server.close();
  await db.$disconnect();
  // BENCH_KEEP=1 keeps the filled database for a closer look (its URL is printed).
  if (process.env.BENCH_KEEP === "1") console.log(`kept ${process.env.DATABASE_URL}`);
  else await withAdmin(postgres.baseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await postgres.stop();
}
