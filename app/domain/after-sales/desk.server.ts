// The lists that answer after-sales requests: the workshop's tab in its packing room (what waits, counted by
// status, soonest deadline first) and the admin's list of escalated requests.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { presentRequest, requestInclude } from "./requests.server";
import { AFTER_SALES_STATUSES, type AfterSalesStatus } from "./rules";
import type { DeskRequest } from "./views";

const DESK_INCLUDE = {
  ...requestInclude,
  order: { select: { number: true } },
  workshop: { select: { nameZh: true, nameEn: true, slug: true } },
} satisfies Prisma.AfterSalesRequestInclude;

type DeskRow = Prisma.AfterSalesRequestGetPayload<{ include: typeof DESK_INCLUDE }>;

function present(row: DeskRow): DeskRequest {
  return {
    ...presentRequest(row),
    orderNumber: row.order.number,
    workshop: row.workshop,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
  };
}

/** The workshop's requests of one status (or every open one), with the count of each status. */
export async function workshopAfterSales(workshopId: string, status: AfterSalesStatus | "open") {
  const where: Prisma.AfterSalesRequestWhereInput =
    status === "open" ? { workshopId, status: { notIn: ["refunded", "refused"] } } : { workshopId, status };
  const [rows, grouped] = await Promise.all([
    db.afterSalesRequest.findMany({ where, include: DESK_INCLUDE, orderBy: [{ answerBy: "asc" }], take: 100 }),
    db.afterSalesRequest.groupBy({ by: ["status"], where: { workshopId }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(AFTER_SALES_STATUSES.map((s) => [s, 0])) as Record<AfterSalesStatus, number>;
  for (const row of grouped) counts[row.status] = row._count._all;
  return { requests: rows.map(present), counts };
}

/** What the admin must decide: requests no workshop answered in time, oldest first. */
export async function escalatedAfterSales() {
  const rows = await db.afterSalesRequest.findMany({
    where: { status: "escalated" },
    include: DESK_INCLUDE,
    orderBy: { escalatedAt: "asc" },
    take: 200,
  });
  return rows.map(present);
}

export function countEscalatedAfterSales(): Promise<number> {
  return db.afterSalesRequest.count({ where: { status: "escalated" } });
}
