// Flash-sale concurrency against real PostgreSQL: many buyers at once, through the domain's real order path.
process.env.DATABASE_POOL_SIZE = "25";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "~/domain/checkout/checkout.server";
import { SoldOut } from "~/domain/errors.server";
import { db } from "~/lib/db.server";
import { ADDRESS, liveTeaShow, startFlashDeal } from "../helpers/market";

let watcher: pg.Client;
beforeAll(async () => {
  watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await watcher.connect();
});
afterAll(() => watcher.end());

async function newVariant(stock: number) {
  const { pin } = await liveTeaShow();
  return db.variant.create({
    data: {
      productId: pin.productId,
      sku: `FLASH-${Math.random().toString(36).slice(2)}`,
      nameZh: "秒杀装",
      nameEn: "Flash pack",
      priceFen: 9900,
      stock,
    },
  });
}

/** Samples the hot rows from its own connection while the sale runs, to catch any moment below zero. */
function watch(variantId: string, dealId?: string) {
  let lowestStock = Infinity;
  let highestSold = -Infinity;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await watcher.query(`SELECT "stock" FROM "Variant" WHERE "id" = $1`, [variantId]);
      lowestStock = Math.min(lowestStock, rows[0].stock);
      if (dealId) {
        const deal = await watcher.query(`SELECT "sold" FROM "FlashDeal" WHERE "id" = $1`, [dealId]);
        highestSold = Math.max(highestSold, deal.rows[0].sold);
      }
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { lowestStock, highestSold };
  };
}

async function attempt(variantId: string, flashDealId?: string, quantity = 1) {
  try {
    await placeOrder({
      userId: null,
      items: [{ variantId, quantity, flashDealId }],
      contact: ADDRESS,
      paymentProvider: "local",
    });
    return "reserved" as const;
  } catch (error) {
    return error;
  }
}

describe("stock under a flash sale", () => {
  it("1,000 concurrent attempts on 100 units: exactly 100 hold stock, every other buyer is told it sold out", async () => {
    const variant = await newVariant(100);
    const stop = watch(variant.id);
    const results = await Promise.all(Array.from({ length: 1000 }, () => attempt(variant.id)));
    const { lowestStock } = await stop();
    const failures = results.filter((r) => r !== "reserved");
    expect(results.length - failures.length).toBe(100);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(SoldOut);
      expect((failure as SoldOut).messageKey).toBe("checkout:error.soldOut");
    }
    expect(lowestStock).toBeGreaterThanOrEqual(0);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(0);
    const held = await db.reservation.aggregate({
      where: { variantId: variant.id, status: "held" },
      _sum: { quantity: true },
      _count: true,
    });
    expect(held._sum.quantity).toBe(100);
    expect(await db.order.count({ where: { lines: { some: { variantId: variant.id } } } })).toBe(100);
  });

  it("1,000 concurrent attempts on a flash deal capped at 50: exactly 50 get the deal, the rest are told it sold out", async () => {
    const variant = await newVariant(500);
    const { show } = await liveTeaShow();
    const deal = await startFlashDeal(show.id, variant.id, 4900, 50);
    const stop = watch(variant.id, deal.id);
    const results = await Promise.all(Array.from({ length: 1000 }, () => attempt(variant.id, deal.id)));
    const { lowestStock, highestSold } = await stop();
    const failures = results.filter((r) => r !== "reserved");
    expect(results.length - failures.length).toBe(50);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(SoldOut);
      expect((failure as SoldOut).messageKey).toBe("checkout:error.dealSoldOut");
    }
    expect(highestSold).toBeLessThanOrEqual(50);
    expect(lowestStock).toBeGreaterThanOrEqual(450);
    expect((await db.flashDeal.findUniqueOrThrow({ where: { id: deal.id } })).sold).toBe(50);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(450);
    const lines = await db.orderLine.findMany({ where: { flashDealId: deal.id } });
    expect(lines).toHaveLength(50);
    expect(lines.every((line) => line.unitPriceFen === 4900)).toBe(true);
  });

  it("a two-item order holds both items or neither, even when the second runs out under its feet", async () => {
    const plenty = await newVariant(100);
    const scarce = await newVariant(5);
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        placeOrder({
          userId: null,
          items: [
            { variantId: plenty.id, quantity: 1 },
            { variantId: scarce.id, quantity: 1 },
          ],
          contact: ADDRESS,
          paymentProvider: "local",
        }).then(
          () => "reserved",
          (error: unknown) => error,
        ),
      ),
    );
    expect(results.filter((r) => r === "reserved")).toHaveLength(5);
    expect(results.filter((r) => r !== "reserved").every((r) => r instanceof SoldOut)).toBe(true);
    expect((await db.variant.findUniqueOrThrow({ where: { id: scarce.id } })).stock).toBe(0);
    // Not one unit of the plentiful item stayed held by an order that failed on the scarce one.
    expect((await db.variant.findUniqueOrThrow({ where: { id: plenty.id } })).stock).toBe(95);
    expect(await db.reservation.count({ where: { variantId: plenty.id } })).toBe(5);
  });

  it("buy-nows that arrive together are served in the order they came, each whole or not at all", async () => {
    const variant = await newVariant(5);
    // 3 fits, the next 3 does not (2 left), 2 fits, then nothing is left for the 1.
    const results = await Promise.all([3, 3, 2, 1].map((quantity) => attempt(variant.id, undefined, quantity)));
    expect(results.map((r) => (r === "reserved" ? "reserved" : (r as SoldOut).messageKey))).toEqual([
      "reserved",
      "checkout:error.soldOut",
      "reserved",
      "checkout:error.soldOut",
    ]);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(0);
  });

  it("stock taken behind the line's back (another process, a cart) is never oversold, and every buyer hears an answer", async () => {
    const variant = await newVariant(150);
    const stop = watch(variant.id);
    // Another process selling the same variant, one unit at a time, while this one's line shares its reading out.
    const elsewhere = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await elsewhere.connect();
    let takenElsewhere = 0;
    const otherProcess = (async () => {
      for (let i = 0; i < 100; i++) {
        const { rowCount } = await elsewhere.query(
          `UPDATE "Variant" SET "stock" = "stock" - 1 WHERE "id" = $1 AND "stock" >= 1`,
          [variant.id],
        );
        takenElsewhere += rowCount ?? 0;
      }
    })();
    const waves = await Promise.all(
      Array.from({ length: 8 }, async (_, wave) => {
        await new Promise((resolve) => setTimeout(resolve, wave * 15));
        return Promise.all(Array.from({ length: 50 }, () => attempt(variant.id)));
      }),
    );
    await otherProcess;
    await elsewhere.end();
    const { lowestStock } = await stop();
    const results = waves.flat();
    const reserved = results.filter((r) => r === "reserved").length;
    expect(results.filter((r) => r !== "reserved").every((r) => r instanceof SoldOut)).toBe(true);
    expect(lowestStock).toBeGreaterThanOrEqual(0);
    const stock = (await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock;
    expect(stock).toBeGreaterThanOrEqual(0);
    expect(reserved + takenElsewhere + stock).toBe(150);
    expect(await db.reservation.count({ where: { variantId: variant.id, status: "held" } })).toBe(reserved);
    expect(reserved).toBeGreaterThan(0);
  });

  it("one checkout form sent again while its first sending is still in line places one order, answered to both", async () => {
    const variant = await newVariant(10);
    const send = () =>
      placeOrder({
        userId: null,
        items: [{ variantId: variant.id, quantity: 1 }],
        contact: ADDRESS,
        paymentProvider: "local",
        submissionKey: "the-same-form",
      });
    const sendings = [send(), send()];
    const others = Array.from({ length: 5 }, () => attempt(variant.id));
    const [first, second] = await Promise.all(sendings);
    expect(await Promise.all(others)).toEqual(Array(5).fill("reserved"));
    expect(second.id).toBe(first.id);
    expect(await db.order.count({ where: { submissionKey: "the-same-form" } })).toBe(1);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(4);
  });

  it("the database itself refuses negative stock, an overfilled deal and an overbooked batch", async () => {
    const variant = await newVariant(1);
    await expect(db.$executeRaw`UPDATE "Variant" SET "stock" = "stock" - 2 WHERE "id" = ${variant.id}`).rejects.toThrow(
      /Variant_stock_nonnegative/,
    );
    const { show } = await liveTeaShow();
    const deal = await startFlashDeal(show.id, variant.id, 100, 1);
    await expect(db.$executeRaw`UPDATE "FlashDeal" SET "sold" = 2 WHERE "id" = ${deal.id}`).rejects.toThrow(
      /FlashDeal_sold_within_cap/,
    );
    const batch = await db.batch.findFirstOrThrow();
    await expect(
      db.$executeRaw`UPDATE "Batch" SET "reserved" = "capacity" + 1 WHERE "id" = ${batch.id}`,
    ).rejects.toThrow(/Batch_reserved_within_capacity/);
  });
});
