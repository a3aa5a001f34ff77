// What the premium fund has paid the workers, from payouts actually made (not promises): workers paid this month,
// each worker's premium per month (median and range over the last 12 months), the premium paid to date, and what
// the workshop's village collective has been paid.
import { db } from "~/lib/db.server";
import { shanghaiMonthStart } from "~/lib/shanghai-time";
import { shanghaiMonthOf } from "~/lib/shanghai-time.server";
import { Prisma } from "~/generated/prisma/client";

export type WorkersPaid = {
  workersPaidThisMonth: number;
  perWorkerMonth: { medianFen: number; minFen: number; maxFen: number; months: number } | null;
  premiumPaidFen: number;
  villagePaidFen: number;
};

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

export async function workersPaid(workshop: { id: string; villageZh: string }, now = new Date()): Promise<WorkersPaid> {
  const monthStart = shanghaiMonthStart(now);
  const firstMonth = shanghaiMonthStart(now, 11);
  const [perMonth, totals] = await Promise.all([
    db.$queryRaw<{ workerId: string; month: string; fen: bigint }[]>`
      SELECT ws."workerId", ${shanghaiMonthOf(Prisma.sql`p."paidAt"`)} AS month, sum(p."amountFen")::bigint AS fen
      FROM "WorkerShare" ws JOIN "Payout" p ON p.id = ws."payoutId" JOIN "Worker" w ON w.id = ws."workerId"
      WHERE w."workshopId" = ${workshop.id} AND p.status = 'paid' AND p."paidAt" >= ${firstMonth}
      GROUP BY 1, 2`,
    db.$queryRaw<{ premium: bigint; village: bigint }[]>`
      SELECT coalesce(sum(p."amountFen") FILTER (WHERE py.kind IN ('worker', 'premium_fund') AND py."workshopId" = ${workshop.id}), 0)::bigint AS premium,
             coalesce(sum(p."amountFen") FILTER (WHERE py.kind = 'village' AND py."refId" = ${workshop.villageZh}), 0)::bigint AS village
      FROM "Payout" p JOIN "Payee" py ON py.id = p."payeeId"
      WHERE p.status = 'paid'`,
  ]);
  const amounts = perMonth.map((r) => Number(r.fen));
  const thisMonth = new Set(perMonth.filter((r) => r.month === monthKey(monthStart)).map((r) => r.workerId));
  return {
    workersPaidThisMonth: thisMonth.size,
    perWorkerMonth: amounts.length
      ? {
          medianFen: median(amounts),
          minFen: Math.min(...amounts),
          maxFen: Math.max(...amounts),
          months: amounts.length,
        }
      : null,
    premiumPaidFen: Number(totals[0]?.premium ?? 0),
    villagePaidFen: Number(totals[0]?.village ?? 0),
  };
}

const monthKey = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(instant);
