// Income figures for the workshop, host and admin dashboards. Every money figure is a SQL sum over LedgerEntry
// (sales and their reversals), never a number typed in or recomputed from prices; days are Shanghai days.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { fenRow } from "~/lib/fen-sums.server";
import { shanghaiDay, shanghaiDayStart } from "~/lib/shanghai-time";
import { shanghaiDayOf } from "~/lib/shanghai-time.server";
import { queueCounts } from "../fulfilment/queue.server";

const DAY = 86_400_000;
export const DASHBOARD_DAYS = 30;

export type DayFigure = { day: string; fen: number };
export type NamedFigure = { id: string; labelZh: string; labelEn: string; fen: number };
// Sums over the whole ledger pass 2^31 fen (¥21.47 M) at a real market's size: SQL keeps them bigint.
type Summed<T> = { [K in keyof T]: T[K] extends number ? bigint : T[K] };

/** Every day of the window, zero where nothing was sold, so a chart shows quiet days as quiet. */
export function fillDays(rows: DayFigure[], from: Date, days: number): DayFigure[] {
  const byDay = new Map(rows.map((row) => [row.day, row.fen]));
  return Array.from({ length: days }, (_, i) => {
    const day = shanghaiDay(new Date(from.getTime() + i * DAY));
    return { day, fen: byDay.get(day) ?? 0 };
  });
}

const dayOf = shanghaiDayOf(Prisma.sql`le."createdAt"`);

async function workshopMoney(workshopId: string, from: Date) {
  const [byDay, byShow, byProduct, totals] = await Promise.all([
    db.$queryRaw<Summed<DayFigure>[]>`
      SELECT ${dayOf} AS day, sum(le."amountFen")::bigint AS fen
      FROM "LedgerEntry" le JOIN "OrderLine" ol ON ol.id = le."orderLineId"
      WHERE ol."workshopId" = ${workshopId} AND le."createdAt" >= ${from}
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Summed<NamedFigure>[]>`
      SELECT s.id, s.title AS "labelZh", s.title AS "labelEn", sum(le."amountFen")::bigint AS fen
      FROM "LedgerEntry" le JOIN "OrderLine" ol ON ol.id = le."orderLineId" JOIN "Show" s ON s.id = ol."showId"
      WHERE ol."workshopId" = ${workshopId} AND le."createdAt" >= ${from}
      GROUP BY s.id, s.title ORDER BY fen DESC LIMIT 12`,
    db.$queryRaw<Summed<NamedFigure>[]>`
      SELECT p.id, p."titleZh" AS "labelZh", p."titleEn" AS "labelEn", sum(le."amountFen")::bigint AS fen
      FROM "LedgerEntry" le JOIN "OrderLine" ol ON ol.id = le."orderLineId" JOIN "Product" p ON p.id = ol."productId"
      WHERE ol."workshopId" = ${workshopId} AND le."createdAt" >= ${from}
      GROUP BY p.id ORDER BY fen DESC LIMIT 12`,
    db.$queryRaw<
      {
        sales: bigint;
        premium: bigint;
        village: bigint;
        workshop: bigint;
        periodPremium: bigint;
        periodWorkshop: bigint;
      }[]
    >`
      SELECT coalesce(sum(le."amountFen"), 0)::bigint AS sales,
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'workers_premium'), 0)::bigint AS premium,
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'village'), 0)::bigint AS village,
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'workshop'), 0)::bigint AS workshop,
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'workers_premium' AND le."createdAt" >= ${from}), 0)::bigint
               AS "periodPremium",
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'workshop' AND le."createdAt" >= ${from}), 0)::bigint
               AS "periodWorkshop"
      FROM "LedgerEntry" le JOIN "OrderLine" ol ON ol.id = le."orderLineId"
      WHERE ol."workshopId" = ${workshopId}`,
  ]);
  return {
    byDay: byDay.map(fenRow),
    byShow: byShow.map(fenRow),
    byProduct: byProduct.map(fenRow),
    totals: fenRow(totals[0]),
  };
}

/**
 * Shipping on time over parcels due in the window: shipped by their deadline, against shipped late or still not
 * shipped once the deadline passed. Cancelled parcels and ones not yet due count for neither.
 */
async function onTimeShipping(workshopId: string, from: Date, now: Date) {
  const rows = await db.$queryRaw<{ onTime: number; late: number }[]>`
    SELECT count(*) FILTER (WHERE shipped_at IS NOT NULL AND shipped_at <= fo."shipBy")::int AS "onTime",
           count(*) FILTER (WHERE (shipped_at IS NOT NULL AND shipped_at > fo."shipBy")
                              OR (shipped_at IS NULL AND fo."shipBy" < ${now}))::int AS late
    FROM "FulfilmentOrder" fo
    LEFT JOIN LATERAL (SELECT min(e."createdAt") AS shipped_at FROM "FulfilmentEvent" e
                       WHERE e."fulfilmentOrderId" = fo.id AND e."toStatus" = 'shipped') s ON TRUE
    WHERE fo."workshopId" = ${workshopId} AND fo."shipBy" >= ${from} AND fo."shipBy" < ${now}
      AND fo.status <> 'cancelled'`;
  const { onTime, late } = rows[0] ?? { onTime: 0, late: 0 };
  return { onTime, late, rate: onTime + late ? onTime / (onTime + late) : null };
}

export async function workshopDashboard(workshopId: string, now = new Date()) {
  const from = shanghaiDayStart(now, DASHBOARD_DAYS - 1);
  const [money, shipping, counts] = await Promise.all([
    workshopMoney(workshopId, from),
    onTimeShipping(workshopId, from, now),
    queueCounts(workshopId, now),
  ]);
  const salesByDay = fillDays(money.byDay, from, DASHBOARD_DAYS);
  return {
    from,
    salesByDay,
    periodSalesFen: salesByDay.reduce((sum, day) => sum + day.fen, 0),
    salesByShow: money.byShow,
    salesByProduct: money.byProduct,
    totals: money.totals,
    shipping,
    parcels: { open: counts.open, overdue: counts.overdue, waiting: counts.waiting },
  };
}

export async function hostDashboard(hostId: string) {
  const rows = await db.$queryRaw<
    {
      id: string;
      title: string;
      status: string;
      scheduledAt: Date;
      peakViewers: number;
      orders: number;
      salesFen: bigint;
      commissionFen: bigint;
    }[]
  >`
    SELECT s.id, s.title, s.status::text AS status, s."scheduledAt", s."peakViewers",
           coalesce(m.orders, 0)::int AS orders, coalesce(m.sales, 0)::bigint AS "salesFen",
           coalesce(m.commission, 0)::bigint AS "commissionFen"
    FROM "Show" s
    LEFT JOIN (
      SELECT ol."showId",
             count(DISTINCT le."orderId") FILTER (WHERE le.kind = 'sale') AS orders,
             sum(le."amountFen") AS sales,
             sum(le."amountFen") FILTER (WHERE le.account = 'host' AND le."hostId" = ${hostId}) AS commission
      FROM "LedgerEntry" le JOIN "OrderLine" ol ON ol.id = le."orderLineId"
      WHERE ol."hostId" = ${hostId}
      GROUP BY ol."showId"
    ) m ON m."showId" = s.id
    WHERE s."hostId" = ${hostId}
    ORDER BY s."scheduledAt" DESC LIMIT 50`;
  const shows = rows.map(fenRow).map((show) => ({
    ...show,
    conversion: show.peakViewers > 0 ? show.orders / show.peakViewers : null,
  }));
  const sum = (key: "orders" | "salesFen" | "commissionFen") => shows.reduce((total, show) => total + show[key], 0);
  return {
    shows,
    totals: { orders: sum("orders"), salesFen: sum("salesFen"), commissionFen: sum("commissionFen") },
  };
}

export async function adminDashboard(now = new Date()) {
  const from = shanghaiDayStart(now, DASHBOARD_DAYS - 1);
  const [byDay, villages, byWorkshop, totals, pendingWorkshops, pendingHosts] = await Promise.all([
    db.$queryRaw<Summed<DayFigure>[]>`
      SELECT ${dayOf} AS day, sum(le."amountFen")::bigint AS fen FROM "LedgerEntry" le
      WHERE le."createdAt" >= ${from} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ villageZh: string; villageEn: string | null; fen: bigint }[]>`
      SELECT v."villageZh", (SELECT min(w."villageEn") FROM "Workshop" w WHERE w."villageZh" = v."villageZh") AS "villageEn",
             v.fen
      FROM (SELECT le."villageZh", sum(le."amountFen")::bigint AS fen FROM "LedgerEntry" le
            WHERE le.account = 'village' AND le."villageZh" IS NOT NULL GROUP BY 1) v
      ORDER BY v.fen DESC`,
    db.$queryRaw<Summed<NamedFigure>[]>`
      SELECT w.id, w."nameZh" AS "labelZh", w."nameEn" AS "labelEn", sum(le."amountFen")::bigint AS fen
      FROM "LedgerEntry" le JOIN "OrderLine" ol ON ol.id = le."orderLineId" JOIN "Workshop" w ON w.id = ol."workshopId"
      GROUP BY w.id ORDER BY fen DESC`,
    db.$queryRaw<{ sales: bigint; platform: bigint; premium: bigint; village: bigint }[]>`
      SELECT coalesce(sum(le."amountFen"), 0)::bigint AS sales,
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'platform'), 0)::bigint AS platform,
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'workers_premium'), 0)::bigint AS premium,
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'village'), 0)::bigint AS village
      FROM "LedgerEntry" le`,
    db.workshop.findMany({
      where: { status: "pending" },
      orderBy: { createdAt: "asc" },
      select: { id: true, slug: true, nameZh: true, nameEn: true, villageZh: true, villageEn: true, createdAt: true },
    }),
    db.host.findMany({
      where: { status: "pending" },
      orderBy: { createdAt: "asc" },
      select: { id: true, displayNameZh: true, displayNameEn: true, villageZh: true, villageEn: true, createdAt: true },
    }),
  ]);
  const salesByDay = fillDays(byDay.map(fenRow), from, DASHBOARD_DAYS);
  return {
    from,
    salesByDay,
    periodSalesFen: salesByDay.reduce((sum, day) => sum + day.fen, 0),
    villages: villages.map(fenRow),
    byWorkshop: byWorkshop.map(fenRow),
    totals: fenRow(totals[0]),
    pendingWorkshops,
    pendingHosts,
  };
}
