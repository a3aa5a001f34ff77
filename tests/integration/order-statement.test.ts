// The one statement that writes orders, against real PostgreSQL: a group is written whole or not at all.
import { describe, expect, it } from "vitest";
import { orderRows } from "~/domain/checkout/order-rows.server";
import { LevelsMoved, SubmittedBefore, writeOrders } from "~/domain/checkout/order-statement.server";
import { priceItems } from "~/domain/checkout/pricing.server";
import { SoldOut } from "~/domain/errors.server";
import { db } from "~/lib/db.server";
import { ADDRESS, liveTeaShow } from "../helpers/market";

const NO_HOST = { showId: null, pinId: null, hostId: null, hostCommissionBp: 0 };

async function ordersFor(stock: number, count: number) {
  const { pin } = await liveTeaShow();
  const variant = await db.variant.create({
    data: {
      productId: pin.productId,
      sku: `STATEMENT-${Math.random().toString(36).slice(2)}`,
      nameZh: "整箱装",
      nameEn: "Case",
      priceFen: 12800,
      stock,
    },
  });
  const items = [{ variantId: variant.id, quantity: 1 }];
  const priced = await priceItems(items);
  const input = { userId: null, items, contact: ADDRESS, paymentProvider: "local" };
  const orders = Array.from({ length: count }, () => orderRows(input, priced, [NO_HOST], new Date()));
  return { variant, orders };
}

describe("the order statement", () => {
  it("writes a group of orders with one hold on the variant for all of them", async () => {
    const { variant, orders } = await ordersFor(10, 4);
    const levels = await writeOrders(orders);
    expect(levels.variants.get(variant.id)).toBe(6);
    expect(await db.order.count({ where: { id: { in: orders.map((o) => o.order.id) } } })).toBe(4);
    expect(await db.reservation.count({ where: { variantId: variant.id, status: "held" } })).toBe(4);
  });

  it("a group whose holds do not all fit is refused whole (LevelsMoved), leaving no order and no hold", async () => {
    const { variant, orders } = await ordersFor(3, 4);
    await expect(writeOrders(orders)).rejects.toBeInstanceOf(LevelsMoved);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(3);
    expect(await db.order.count({ where: { id: { in: orders.map((o) => o.order.id) } } })).toBe(0);
    expect(await db.reservation.count({ where: { variantId: variant.id } })).toBe(0);
  });

  it("an order number someone already has is drawn again, and the group is still written whole", async () => {
    const {
      orders: [first],
    } = await ordersFor(5, 1);
    await writeOrders([first]);
    const { orders } = await ordersFor(5, 3);
    orders[1].order.number = first.order.number as string;
    await writeOrders(orders);
    const written = await db.order.findMany({ where: { id: { in: orders.map((o) => o.order.id) } } });
    expect(written).toHaveLength(3);
    expect(written.map((o) => o.number)).not.toContain(first.order.number);
    expect(new Set(written.map((o) => o.number)).size).toBe(3);
  });

  it("one order alone whose hold does not fit is refused with the sold-out its buyer hears, and nothing remains", async () => {
    const { variant, orders } = await ordersFor(0, 1);
    const refused = await writeOrders(orders).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SoldOut);
    expect((refused as SoldOut).messageKey).toBe("checkout:error.soldOut");
    expect(await db.order.count({ where: { id: orders[0].order.id } })).toBe(0);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(0);
  });

  it("a group holding a form that already placed an order is refused whole (SubmittedBefore)", async () => {
    const { variant, orders } = await ordersFor(5, 3);
    orders[0].order.submissionKey = `form-${variant.id}`;
    await writeOrders([orders[0]]);
    orders[2].order.submissionKey = orders[0].order.submissionKey;
    await expect(writeOrders(orders.slice(1))).rejects.toBeInstanceOf(SubmittedBefore);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(4);
    expect(await db.order.count({ where: { id: { in: orders.slice(1).map((o) => o.order.id) } } })).toBe(0);
  });
});
