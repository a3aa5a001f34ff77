// A workshop's public impact: what the live streams brought its workers (the 共富价 premium) and its village
// collective, this month and in all, month by month. From the ledger only, so nobody can type a number in.
import { workshopPlaceSelect } from "../accounts/workshop-select.server";
import { db } from "~/lib/db.server";
import { fenRow } from "~/lib/fen-sums.server";
import { Prisma } from "~/generated/prisma/client";
import { shanghaiDay, shanghaiMonthStart } from "~/lib/shanghai-time";
import { shanghaiMonthOf } from "~/lib/shanghai-time.server";

export const IMPACT_MONTHS = 12;

type Shares = { salesFen: number; premiumFen: number; villageFen: number; workshopFen: number; orders: number };
type SummedShares = { salesFen: bigint; premiumFen: bigint; villageFen: bigint; workshopFen: bigint; orders: number };

export async function workshopImpact(slug: string, now = new Date()) {
  const workshop = await db.workshop.findFirst({
    where: { slug, status: "approved" },
    select: {
      ...workshopPlaceSelect,
      districtZh: true,
      districtEn: true,
      premiumRateBp: true,
      villageFundRateBp: true,
      workersCount: true,
      coverImage: true,
    },
  });
  if (!workshop) return null;
  const monthStart = shanghaiMonthStart(now);
  const firstMonth = shanghaiMonthStart(monthStart, IMPACT_MONTHS - 1);
  const [totals, months, parcels] = await Promise.all([
    db.$queryRaw<(SummedShares & { period: string })[]>`
      SELECT CASE WHEN le."createdAt" >= ${monthStart} THEN 'month' ELSE 'before' END AS period,
             coalesce(sum(le."amountFen"), 0)::bigint AS "salesFen",
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'workers_premium'), 0)::bigint AS "premiumFen",
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'village'), 0)::bigint AS "villageFen",
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'workshop'), 0)::bigint AS "workshopFen",
             count(DISTINCT le."orderId") FILTER (WHERE le.kind = 'sale')::int AS orders
      FROM "LedgerEntry" le JOIN "OrderLine" ol ON ol.id = le."orderLineId"
      WHERE ol."workshopId" = ${workshop.id}
      GROUP BY 1`,
    db.$queryRaw<{ month: string; premiumFen: bigint; villageFen: bigint }[]>`
      SELECT ${shanghaiMonthOf(Prisma.sql`le."createdAt"`)} AS month,
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'workers_premium'), 0)::bigint AS "premiumFen",
             coalesce(sum(le."amountFen") FILTER (WHERE le.account = 'village'), 0)::bigint AS "villageFen"
      FROM "LedgerEntry" le
      WHERE le."workshopId" = ${workshop.id} AND le.account IN ('workers_premium', 'village') AND le."createdAt" >= ${firstMonth}
      GROUP BY 1 ORDER BY 1`,
    db.fulfilmentOrder.count({ where: { workshopId: workshop.id, status: { in: ["shipped", "delivered"] } } }),
  ]);
  const empty: Shares = { salesFen: 0, premiumFen: 0, villageFen: 0, workshopFen: 0, orders: 0 };
  const periods = totals.map(fenRow);
  const month = periods.find((row) => row.period === "month") ?? { ...empty, period: "month" };
  const before = periods.find((row) => row.period === "before") ?? { ...empty, period: "before" };
  const allTime: Shares = {
    salesFen: month.salesFen + before.salesFen,
    premiumFen: month.premiumFen + before.premiumFen,
    villageFen: month.villageFen + before.villageFen,
    workshopFen: month.workshopFen + before.workshopFen,
    orders: month.orders + before.orders,
  };
  const byMonth = new Map(months.map((row) => [row.month, fenRow(row)]));
  const series = Array.from({ length: IMPACT_MONTHS }, (_, i) => {
    const key = shanghaiDay(shanghaiMonthStart(firstMonth, -i)).slice(0, 7);
    return { month: key, premiumFen: byMonth.get(key)?.premiumFen ?? 0, villageFen: byMonth.get(key)?.villageFen ?? 0 };
  });
  return { workshop, monthStart, month, allTime, series, parcelsShipped: parcels };
}
