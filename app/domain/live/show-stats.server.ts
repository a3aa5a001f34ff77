// What a show has sold: the host's orders-and-sales figures and the sold ticker (city and quantity only,
// never who bought).
import { db } from "~/lib/db.server";
import { romanisedPlace } from "~/lib/place-name.server";
import { events } from "~/domain/events.server";
import { SALES_KEEP, showRoom, type SaleLine } from "~/domain/live/live-state";

const SOLD_STATUSES = ["paid", "fulfilled"] as const;

type SaleRow = {
  id: string;
  quantity: number;
  titleZh: string;
  titleEn: string;
  order: { city: string; paidAt: Date | null; createdAt: Date };
};

function toSaleLine(row: SaleRow): SaleLine {
  return {
    id: row.id,
    city: row.order.city,
    cityEn: romanisedPlace(row.order.city),
    quantity: row.quantity,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    at: (row.order.paidAt ?? row.order.createdAt).toISOString(),
  };
}

const saleSelect = {
  id: true,
  quantity: true,
  titleZh: true,
  titleEn: true,
  order: { select: { city: true, paidAt: true, createdAt: true } },
} as const;

export async function recentSales(showId: string): Promise<SaleLine[]> {
  const rows = await db.orderLine.findMany({
    where: { showId, order: { status: { in: [...SOLD_STATUSES] } } },
    orderBy: { order: { paidAt: "desc" } },
    take: SALES_KEEP,
    select: saleSelect,
  });
  return rows.map(toSaleLine);
}

export type SalesSummary = { orders: number; units: number; salesFen: number };

export async function showSalesSummary(showId: string): Promise<SalesSummary> {
  const where = { showId, order: { status: { in: [...SOLD_STATUSES] } } };
  const [totals, orders] = await Promise.all([
    db.orderLine.aggregate({ where, _sum: { lineTotalFen: true, quantity: true } }),
    db.orderLine.groupBy({ by: ["orderId"], where }),
  ]);
  return { orders: orders.length, units: totals._sum.quantity ?? 0, salesFen: totals._sum.lineTotalFen ?? 0 };
}

/**
 * Tells the live rooms a paid order's lines that came from shows: one ticker line each. The checkout area calls
 * this once an order is paid (after its transaction commits).
 */
export async function announcePaidOrder(orderId: string): Promise<void> {
  const rows = await db.orderLine.findMany({
    where: { orderId, showId: { not: null } },
    select: { ...saleSelect, showId: true },
  });
  for (const row of rows) {
    if (row.showId) events.publish({ room: showRoom(row.showId), type: "sold", payload: toSaleLine(row) });
  }
}

/** The host panel's figures: sales so far and the highest viewer count reached. */
export async function hostPanelFigures(showId: string): Promise<SalesSummary & { peakViewers: number }> {
  const [summary, show] = await Promise.all([
    showSalesSummary(showId),
    db.show.findUnique({ where: { id: showId }, select: { peakViewers: true } }),
  ]);
  return { ...summary, peakViewers: show?.peakViewers ?? 0 };
}
