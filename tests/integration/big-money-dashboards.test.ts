// Dashboards at a real market's size: the umbrella workshop's live rooms alone sold ¥110 M, five times what a
// 32-bit sum of fen holds (¥21.47 M). Every page still answers, with figures equal to plain bigint SQL.
import { beforeAll, describe, expect, it } from "vitest";
import { adminDashboard, hostDashboard, workshopDashboard } from "~/domain/ledger/dashboards.server";
import { hostPanelFigures } from "~/domain/live/show-stats.server";
import { workshopImpact } from "~/domain/ledger/workshop-impact.server";
import { db } from "~/lib/db.server";
import { formatMoney } from "~/lib/money";
import { Visitor } from "../helpers/http";
import { variantBySku } from "../helpers/market";
import { createPaidOrder, workshopBySlug } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

const INT4_MAX = 2 ** 31 - 1;
const DAY = 86_400_000;
/** Each order's one line stays under the ledger's ¥10 M ceiling per line (and a 32-bit order total). */
const ORDERS = 12;
const UMBRELLAS_PER_ORDER = 160_000;

let baseUrl: string;
let workshopId: string;
let hostId: string;
let showId: string;

/** Plain SQL, apart from the dashboards' own queries: the sum of ledger amounts matching a condition, exactly. */
async function ledgerSum(where: string, ...values: unknown[]): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ fen: string }[]>(
    `SELECT coalesce(sum("amountFen"), 0)::text AS fen FROM "LedgerEntry" WHERE ${where}`,
    ...values,
  );
  return Number(rows[0].fen);
}

const OF_UMBRELLA_LINES = `"orderLineId" IN (SELECT id FROM "OrderLine" WHERE "workshopId" = $1)`;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  workshopId = (await workshopBySlug("nanyang-umbrella")).id;
  const host = await db.host.findFirstOrThrow({ where: { user: { email: "host.umbrella@cunbo.test" } } });
  hostId = host.id;
  showId = (await db.show.findFirstOrThrow({ where: { hostId }, orderBy: { scheduledAt: "asc" } })).id;
  const umbrella = await variantBySku("NY-FD-NV");
  // Built through the paid-order fixture, so every line is split by the ledger's own allocation function.
  for (let i = 0; i < ORDERS; i++) {
    await createPaidOrder({
      workshopSlug: "nanyang-umbrella",
      paidAt: new Date(Date.now() - DAY - i * 60_000),
      lines: [{ sku: umbrella.sku, quantity: UMBRELLAS_PER_ORDER, showId }],
    });
  }
});

describe("dashboards over a ledger past ¥110 M", () => {
  it("the ledger really is past what a 32-bit sum holds, in one workshop, one show and one day", async () => {
    const workshopSales = await ledgerSum(OF_UMBRELLA_LINES, workshopId);
    expect(workshopSales).toBeGreaterThan(11_000_000_000);
    expect(workshopSales).toBeGreaterThan(5 * INT4_MAX);
  });

  it("the admin dashboard answers with the market's figures", async () => {
    const figures = await adminDashboard();
    const sales = await ledgerSum("TRUE");
    expect(figures.totals.sales).toBe(sales);
    expect(figures.totals.platform).toBe(await ledgerSum(`account = 'platform'`));
    expect(figures.periodSalesFen).toBe(await ledgerSum(`"createdAt" >= $1`, figures.from));
    const umbrellas = figures.byWorkshop.find((w) => w.id === workshopId)!;
    expect(umbrellas.fen).toBe(await ledgerSum(OF_UMBRELLA_LINES, workshopId));
    expect(Math.max(...figures.salesByDay.map((d) => d.fen))).toBeGreaterThan(INT4_MAX);
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    const page = await admin.get("/admin/dashboard");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(formatMoney(sales));
  });

  it("the workshop's dashboard answers with its sales, premium and village fund", async () => {
    const figures = await workshopDashboard(workshopId);
    const sales = await ledgerSum(OF_UMBRELLA_LINES, workshopId);
    const premium = await ledgerSum(`${OF_UMBRELLA_LINES} AND account = 'workers_premium'`, workshopId);
    expect(figures.totals.sales).toBe(sales);
    expect(figures.totals.premium).toBe(premium);
    expect(figures.totals.village).toBe(await ledgerSum(`${OF_UMBRELLA_LINES} AND account = 'village'`, workshopId));
    expect(figures.periodSalesFen).toBe(
      await ledgerSum(`${OF_UMBRELLA_LINES} AND "createdAt" >= $2`, workshopId, figures.from),
    );
    const show = figures.salesByShow.find((s) => s.id === showId)!;
    expect(show.fen).toBeGreaterThan(INT4_MAX);
    const staff = await new Visitor(baseUrl).logIn("staff.umbrella@cunbo.test");
    const page = await staff.get("/studio/nanyang-umbrella/dashboard");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(formatMoney(sales));
    expect(html).toContain(formatMoney(premium));
  });

  it("the workshop's public impact page answers with what the workers and the village received", async () => {
    const impact = (await workshopImpact("nanyang-umbrella"))!;
    const premium = await ledgerSum(`${OF_UMBRELLA_LINES} AND account = 'workers_premium'`, workshopId);
    const village = await ledgerSum(`${OF_UMBRELLA_LINES} AND account = 'village'`, workshopId);
    expect(impact.allTime.premiumFen).toBe(premium);
    expect(impact.allTime.villageFen).toBe(village);
    expect(impact.allTime.salesFen).toBe(await ledgerSum(OF_UMBRELLA_LINES, workshopId));
    const page = await new Visitor(baseUrl).get("/workshops/nanyang-umbrella/impact");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(formatMoney(premium));
    expect(html).toContain(formatMoney(village));
  });

  it("the host's dashboard and show panel answer with the show's sales and commission", async () => {
    const figures = await hostDashboard(hostId);
    const commission = await ledgerSum(`account = 'host' AND "hostId" = $1`, hostId);
    expect(figures.totals.commissionFen).toBe(commission);
    const show = figures.shows.find((s) => s.id === showId)!;
    expect(show.salesFen).toBe(
      await ledgerSum(`"orderLineId" IN (SELECT id FROM "OrderLine" WHERE "showId" = $1)`, showId),
    );
    const host = await new Visitor(baseUrl).logIn("host.umbrella@cunbo.test");
    const dashboard = await host.get("/host/dashboard");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(formatMoney(commission));
    const [lines] = await db.$queryRawUnsafe<{ fen: string }[]>(
      `SELECT sum(l."lineTotalFen")::text AS fen FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
       WHERE l."showId" = $1 AND o.status IN ('paid', 'fulfilled')`,
      showId,
    );
    expect((await hostPanelFigures(showId)).salesFen).toBe(Number(lines.fen));
    const panel = await host.get(`/host/shows/${showId}`);
    expect(panel.status).toBe(200);
    expect(await panel.text()).toContain(formatMoney(Number(lines.fen)));
  });
});
