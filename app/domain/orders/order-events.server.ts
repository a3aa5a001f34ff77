// What checkout and payment tell live rooms, workshop queues and buyers' order pages, through the one publisher.
// Called after the transaction commits, so nobody hears of a change that was rolled back.
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { announcePaidOrder } from "../live/show-stats.server";
import type { StockLevels } from "../checkout/stock.server";

/** New stock (and deal allowance) for every live show whose line-up carries the variant. */
export async function announceStock(levels: StockLevels) {
  const variantIds = [...levels.variants.keys()];
  if (variantIds.length === 0) return;
  const [rooms, deals] = await Promise.all([
    db.$queryRaw<{ showId: string; variantId: string }[]>`
      SELECT si."showId", v."id" AS "variantId"
      FROM "Variant" v
      JOIN "ShowItem" si ON si."productId" = v."productId"
      JOIN "Show" s ON s."id" = si."showId" AND s."status" = 'live'
      WHERE v."id" IN (SELECT jsonb_array_elements_text(${JSON.stringify(variantIds)}::jsonb))`,
    levels.deals.size
      ? db.flashDeal.findMany({
          where: { id: { in: [...levels.deals.keys()] } },
          select: { id: true, showId: true, variantId: true },
        })
      : Promise.resolve([]),
  ]);
  for (const { showId, variantId } of rooms) {
    const stock = levels.variants.get(variantId)!;
    const deal = deals.find((d) => d.showId === showId && d.variantId === variantId);
    const payload = deal ? { variantId, stock, dealRemaining: levels.deals.get(deal.id) } : { variantId, stock };
    events.publish({ room: `show:${showId}`, type: "stock", payload });
  }
}

export function announceOrderUpdate(orderId: string, status: string) {
  events.publish({ room: `order:${orderId}`, type: "order:update", payload: { orderId, status } });
}

/** After payment: the sold ticker of each show that led to a line, each workshop's queue, the buyer's page. */
export async function announcePaid(orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      status: true,
      lines: {
        select: {
          showId: true,
          variantId: true,
          variant: { select: { stock: true } },
        },
      },
      fulfilmentOrders: { select: { id: true, workshopId: true, shipBy: true, status: true } },
      number: true,
    },
  });
  if (!order) return;
  // The sold ticker carries a city and what was bought: never a name or a phone number.
  await announcePaidOrder(orderId);
  for (const line of order.lines) {
    if (!line.showId) continue;
    events.publish({
      room: `show:${line.showId}`,
      type: "stock",
      payload: { variantId: line.variantId, stock: line.variant.stock },
    });
  }
  for (const fulfilment of order.fulfilmentOrders) {
    events.publish({
      room: `workshop:${fulfilment.workshopId}`,
      type: "queue:new",
      payload: { fulfilmentOrderId: fulfilment.id, orderNumber: order.number, shipBy: fulfilment.shipBy.toISOString() },
    });
  }
  announceOrderUpdate(orderId, order.status);
}

export function announceQueueUpdate(workshopId: string, fulfilmentOrderId: string, status: string) {
  events.publish({ room: `workshop:${workshopId}`, type: "queue:update", payload: { fulfilmentOrderId, status } });
}
