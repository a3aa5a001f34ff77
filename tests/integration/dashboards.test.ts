import { beforeAll, describe, expect, it } from "vitest";
import { adminDashboard, hostDashboard, workshopDashboard } from "~/domain/ledger/dashboards.server";
import { shanghaiDayStart, shanghaiMonthStart } from "~/lib/shanghai-time";
import { workshopImpact } from "~/domain/ledger/workshop-impact.server";
import { db } from "~/lib/db.server";
import { formatMoney } from "~/lib/money";
import { Visitor } from "../helpers/http";
import { createPaidOrder, reverseOrder, workshopBySlug } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let baseUrl: string;
let berryId: string;
let hostId: string;
let showIds: string[];

/** Plain SQL, written apart from the dashboards' own queries: the sum of ledger amounts matching a condition. */
async function ledgerSum(where: string, ...values: unknown[]): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ fen: bigint | null }[]>(
    `SELECT sum("amountFen")::bigint AS fen FROM "LedgerEntry" WHERE ${where}`,
    ...values,
  );
  return Number(rows[0].fen ?? 0);
}

const OF_BERRY_LINES = `"orderLineId" IN (SELECT id FROM "OrderLine" WHERE "workshopId" = $1)`;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  berryId = (await workshopBySlug("berry-good-market")).id;
  const host = await db.host.findFirstOrThrow({ where: { user: { email: "host.berry@cunbo.test" } } });
  hostId = host.id;
  showIds = (await db.show.findMany({ where: { hostId }, orderBy: { scheduledAt: "asc" } })).map((s) => s.id);
  const now = Date.now();
  // Not due yet, so only the shipping history below counts towards shipping on time.
  const shipBy = new Date(now + 2 * DAY);
  await createPaidOrder({
    workshopSlug: "berry-good-market",
    paidAt: new Date(now - 2 * DAY),
    shipBy,
    lines: [{ quantity: 3, showId: showIds[0] }],
  });
  await createPaidOrder({
    workshopSlug: "berry-good-market",
    paidAt: new Date(now - 5 * DAY),
    shipBy,
    lines: [{ quantity: 1, showId: showIds[1] }, {}],
  });
  await createPaidOrder({
    workshopSlug: "berry-good-market",
    paidAt: new Date(now - 40 * DAY),
    lines: [{ quantity: 2, showId: showIds[0] }],
  });
  await createPaidOrder({ workshopSlug: "duzuo-rice-wine", paidAt: new Date(now - 1 * DAY), lines: [{ quantity: 4 }] });
  const refunded = await createPaidOrder({
    workshopSlug: "berry-good-market",
    paidAt: new Date(now - 3 * DAY),
    shipBy,
    lines: [{ quantity: 5, showId: showIds[0] }],
  });
  await reverseOrder(refunded.orderId, new Date(now - 2 * DAY));

  // Shipping history: one on time, one late, one overdue and not shipped.
  const shipped = async (shipBy: number, shippedAt: number | null) => {
    const order = await createPaidOrder({
      workshopSlug: "berry-good-market",
      paidAt: new Date(now - 10 * DAY),
      shipBy: new Date(shipBy),
    });
    if (shippedAt === null) return;
    await db.fulfilmentOrder.update({
      where: { id: order.fulfilmentOrderId },
      data: {
        status: "shipped",
        events: { create: { fromStatus: "packed", toStatus: "shipped", createdAt: new Date(shippedAt) } },
      },
    });
  };
  await shipped(now - 6 * DAY, now - 7 * DAY);
  await shipped(now - 6 * DAY, now - 5 * DAY);
  await shipped(now - 1 * DAY, null);
});

describe("dashboard figures are sums over the ledger", () => {
  it("the workshop's sales, premium and village fund match plain SQL, refunds included", async () => {
    const now = new Date();
    const from = shanghaiDayStart(now, 29);
    const figures = await workshopDashboard(berryId, now);
    expect(figures.periodSalesFen).toBe(await ledgerSum(`${OF_BERRY_LINES} AND "createdAt" >= $2`, berryId, from));
    expect(figures.totals.sales).toBe(await ledgerSum(OF_BERRY_LINES, berryId));
    expect(figures.totals.premium).toBe(await ledgerSum(`${OF_BERRY_LINES} AND account = 'workers_premium'`, berryId));
    expect(figures.totals.village).toBe(await ledgerSum(`${OF_BERRY_LINES} AND account = 'village'`, berryId));
    expect(figures.totals.sales).toBeGreaterThan(figures.periodSalesFen);
    for (const show of figures.salesByShow) {
      const expected = await ledgerSum(
        `"orderLineId" IN (SELECT id FROM "OrderLine" WHERE "workshopId" = $1 AND "showId" = $2) AND "createdAt" >= $3`,
        berryId,
        show.id,
        from,
      );
      expect(show.fen).toBe(expected);
    }
    const days = figures.salesByDay.reduce((sum, day) => sum + day.fen, 0);
    expect(days).toBe(figures.periodSalesFen);
    expect(figures.salesByDay).toHaveLength(30);
    expect(figures.shipping).toMatchObject({ onTime: 1, late: 2 });
  });

  it("shows those figures on the workshop's dashboard page", async () => {
    const staff = await new Visitor(baseUrl).logIn("staff.berry@cunbo.test");
    const html = await (await staff.get("/studio/berry-good-market/dashboard")).text();
    const total = await ledgerSum(OF_BERRY_LINES, berryId);
    const premium = await ledgerSum(`${OF_BERRY_LINES} AND account = 'workers_premium'`, berryId);
    expect(html).toContain(formatMoney(total));
    expect(html).toContain(formatMoney(premium));
    expect(html).toContain("33%");
    expect(html).toContain("<svg");
    expect(html).toContain("<title");
    expect((await staff.get("/studio/duzuo-rice-wine/dashboard")).status).toBe(403);
  });

  it("the host's commission and sales per show match plain SQL", async () => {
    const figures = await hostDashboard(hostId);
    expect(figures.totals.commissionFen).toBe(await ledgerSum(`account = 'host' AND "hostId" = $1`, hostId));
    for (const show of figures.shows) {
      expect(show.salesFen).toBe(
        await ledgerSum(`"orderLineId" IN (SELECT id FROM "OrderLine" WHERE "showId" = $1)`, show.id),
      );
      expect(show.conversion).toBe(show.peakViewers > 0 ? show.orders / show.peakViewers : null);
    }
    const first = figures.shows.find((show) => show.id === showIds[0])!;
    expect(first.orders).toBe(3);
    const host = await new Visitor(baseUrl).logIn("host.berry@cunbo.test");
    const html = await (await host.get("/host/dashboard")).text();
    expect(html).toContain(formatMoney(figures.totals.commissionFen));
    expect((await (await new Visitor(baseUrl).logIn("host.pending@cunbo.test")).get("/host/dashboard")).status).toBe(
      403,
    );
    expect((await (await new Visitor(baseUrl).logIn("shopper@cunbo.test")).get("/host/dashboard")).status).toBe(403);
  });

  it("the market's sales and each village's fund match plain SQL", async () => {
    const figures = await adminDashboard();
    expect(figures.totals.sales).toBe(await ledgerSum("TRUE"));
    for (const village of figures.villages) {
      expect(village.fen).toBe(await ledgerSum(`account = 'village' AND "villageZh" = $1`, village.villageZh));
    }
    expect(figures.villages.map((v) => v.villageZh).sort()).toEqual(["塘村", "钟埭村"]);
    expect(figures.pendingHosts.map((h) => h.displayNameZh)).toContain("服装城可欣");
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    const html = await (await admin.get("/admin/dashboard")).text();
    expect(html).toContain(formatMoney(figures.totals.sales));
    expect((await (await new Visitor(baseUrl).logIn("staff.berry@cunbo.test")).get("/admin/dashboard")).status).toBe(
      403,
    );
  });

  it("the public impact page shows this month's and all-time shares from the ledger", async () => {
    const now = new Date();
    const impact = (await workshopImpact("berry-good-market", now))!;
    const monthStart = shanghaiMonthStart(now);
    expect(impact.allTime.premiumFen).toBe(
      await ledgerSum(`${OF_BERRY_LINES} AND account = 'workers_premium'`, berryId),
    );
    expect(impact.allTime.villageFen).toBe(await ledgerSum(`${OF_BERRY_LINES} AND account = 'village'`, berryId));
    expect(impact.month.premiumFen).toBe(
      await ledgerSum(`${OF_BERRY_LINES} AND account = 'workers_premium' AND "createdAt" >= $2`, berryId, monthStart),
    );
    const html = await (await new Visitor(baseUrl).get("/workshops/berry-good-market/impact")).text();
    expect(html).toContain(formatMoney(impact.allTime.premiumFen));
    expect(html).toContain(formatMoney(impact.allTime.villageFen));
    expect((await new Visitor(baseUrl).get("/workshops/no-such-workshop/impact")).status).toBe(404);
  });
});
