// 我的订单: a signed-in shopper's own orders, newest first, one tab at a time (to pay, to ship, shipped,
// after-sales), each with the stage its page shows. Guests have no list: they reach an order by its signed link.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { OPEN_STATUSES } from "../fulfilment/steps";
import type { OrderFilter } from "./order-filters";
import { orderStage } from "./order-stage";

export const MY_ORDERS_PAGE = 20;

/**
 * Which orders each tab shows. After-sales is every order with an after-sales request, or with money given back
 * some other way (a refund reverses ledger entries, or refunded the whole order).
 */
export const ORDER_FILTER_WHERE: Record<OrderFilter, (now: Date) => Prisma.OrderWhereInput> = {
  all: () => ({}),
  to_pay: (now) => ({ status: "pending_payment", expiresAt: { gt: now } }),
  to_ship: () => ({ status: "paid", fulfilmentOrders: { some: { status: { in: OPEN_STATUSES } } } }),
  shipped: () => ({ status: { in: ["paid", "fulfilled"] }, fulfilmentOrders: { some: { status: "shipped" } } }),
  after_sales: () => ({
    OR: [{ afterSales: { some: {} } }, { status: "refunded" }, { ledgerEntries: { some: { kind: "reversal" } } }],
  }),
};

export async function myOrders(userId: string, filter: OrderFilter, page: number, now = new Date()) {
  const where = (f: OrderFilter): Prisma.OrderWhereInput => ({ userId, ...ORDER_FILTER_WHERE[f](now) });
  const [rows, counts] = await Promise.all([
    db.order.findMany({
      where: where(filter),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page * MY_ORDERS_PAGE,
      take: MY_ORDERS_PAGE + 1,
      select: {
        id: true,
        number: true,
        status: true,
        createdAt: true,
        expiresAt: true,
        paidAt: true,
        totalFen: true,
        fulfilmentOrders: { select: { status: true } },
        lines: {
          orderBy: { id: "asc" },
          select: {
            titleZh: true,
            titleEn: true,
            quantity: true,
            workshop: { select: { nameZh: true, nameEn: true } },
            product: { select: { images: true } },
          },
        },
      },
    }),
    // Only the tabs that ask for action carry a count, as shopping apps show them.
    Promise.all((["to_pay", "to_ship", "shipped"] as const).map((f) => db.order.count({ where: where(f) }))),
  ]);
  const orders = rows.slice(0, MY_ORDERS_PAGE).map((order) => ({
    id: order.id,
    number: order.number,
    createdAt: order.createdAt.toISOString(),
    totalFen: order.totalFen,
    stage: orderStage(order.status, order.fulfilmentOrders),
    lapsed: order.status === "pending_payment" && order.expiresAt <= now,
    paid: order.paidAt !== null,
    itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    workshops: [...new Map(order.lines.map((l) => [l.workshop.nameZh, l.workshop])).values()],
    lines: order.lines.slice(0, 3).map((line) => ({
      titleZh: line.titleZh,
      titleEn: line.titleEn,
      quantity: line.quantity,
      image: line.product.images[0] ?? null,
    })),
    moreLines: Math.max(0, order.lines.length - 3),
  }));
  return {
    orders,
    hasMore: rows.length > MY_ORDERS_PAGE,
    counts: { to_pay: counts[0], to_ship: counts[1], shipped: counts[2] } as Partial<Record<OrderFilter, number>>,
  };
}
