// Stock, flash-deal allowance and pre-order capacity, moved only by conditional UPDATEs inside the caller's
// transaction: a hold either fits in one atomic step or fails as SoldOut, so nothing is sold twice. The
// database's CHECK constraints (stock >= 0, sold <= cap, reserved <= capacity) back this up.
import type { Prisma } from "~/generated/prisma/client";
import { SoldOut } from "./errors.server";

type Tx = Prisma.TransactionClient;

export type Hold = {
  variantId: string;
  quantity: number;
  flashDealId: string | null;
  batchId: string | null;
  titleZh: string;
  titleEn: string;
};

export type StockLevels = { variants: Map<string, number>; deals: Map<string, number>; batches: Map<string, number> };

// Every transaction touches rows in the same order (deals, then variants, then batches, each by id), so two
// orders for the same hot items queue behind each other instead of deadlocking.
function inLockOrder(holds: Hold[], key: (hold: Hold) => string | null): [string, Hold[]][] {
  const byKey = new Map<string, Hold[]>();
  for (const hold of holds) {
    const id = key(hold);
    if (id) byKey.set(id, [...(byKey.get(id) ?? []), hold]);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const sum = (holds: Hold[]) => holds.reduce((total, hold) => total + hold.quantity, 0);
const names = (holds: Hold[]) => ({ titleZh: holds[0].titleZh, titleEn: holds[0].titleEn });

/** Takes every hold or none: throws SoldOut (and the caller's transaction rolls back) when one does not fit. */
export async function reserveStock(tx: Tx, holds: Hold[]): Promise<StockLevels> {
  const levels: StockLevels = { variants: new Map(), deals: new Map(), batches: new Map() };
  for (const [dealId, group] of inLockOrder(holds, (h) => h.flashDealId)) {
    const q = sum(group);
    const rows = await tx.$queryRaw<{ remaining: number }[]>`
      UPDATE "FlashDeal" SET "sold" = "sold" + ${q}
      WHERE "id" = ${dealId} AND "stoppedAt" IS NULL AND "startsAt" <= now() AND "endsAt" > now()
        AND "sold" + ${q} <= "quantityCap"
      RETURNING "quantityCap" - "sold" AS remaining`;
    if (rows.length === 0) throw new SoldOut("checkout:error.dealSoldOut", names(group));
    levels.deals.set(dealId, rows[0].remaining);
  }
  for (const [variantId, group] of inLockOrder(holds, (h) => h.variantId)) {
    const q = sum(group);
    const rows = await tx.$queryRaw<{ stock: number }[]>`
      UPDATE "Variant" SET "stock" = "stock" - ${q}, "updatedAt" = now()
      WHERE "id" = ${variantId} AND "stock" >= ${q}
      RETURNING "stock"`;
    if (rows.length === 0) throw new SoldOut("checkout:error.soldOut", names(group));
    levels.variants.set(variantId, rows[0].stock);
  }
  for (const [batchId, group] of inLockOrder(holds, (h) => h.batchId)) {
    const q = sum(group);
    const rows = await tx.$queryRaw<{ remaining: number }[]>`
      UPDATE "Batch" SET "reserved" = "reserved" + ${q}, "updatedAt" = now()
      WHERE "id" = ${batchId} AND "status" = 'open' AND "reserved" + ${q} <= "capacity"
      RETURNING "capacity" - "reserved" AS remaining`;
    if (rows.length === 0) throw new SoldOut("checkout:error.batchFull", names(group));
    levels.batches.set(batchId, rows[0].remaining);
  }
  return levels;
}

/** Gives held or sold quantities back (an unpaid order lapsing, or a cancellation before packing). */
export async function returnStock(tx: Tx, holds: Hold[]): Promise<StockLevels> {
  const levels: StockLevels = { variants: new Map(), deals: new Map(), batches: new Map() };
  for (const [dealId, group] of inLockOrder(holds, (h) => h.flashDealId)) {
    const rows = await tx.$queryRaw<{ remaining: number }[]>`
      UPDATE "FlashDeal" SET "sold" = "sold" - ${sum(group)} WHERE "id" = ${dealId}
      RETURNING "quantityCap" - "sold" AS remaining`;
    if (rows[0]) levels.deals.set(dealId, rows[0].remaining);
  }
  for (const [variantId, group] of inLockOrder(holds, (h) => h.variantId)) {
    const rows = await tx.$queryRaw<{ stock: number }[]>`
      UPDATE "Variant" SET "stock" = "stock" + ${sum(group)}, "updatedAt" = now() WHERE "id" = ${variantId}
      RETURNING "stock"`;
    if (rows[0]) levels.variants.set(variantId, rows[0].stock);
  }
  for (const [batchId, group] of inLockOrder(holds, (h) => h.batchId)) {
    const rows = await tx.$queryRaw<{ remaining: number }[]>`
      UPDATE "Batch" SET "reserved" = "reserved" - ${sum(group)}, "updatedAt" = now() WHERE "id" = ${batchId}
      RETURNING "capacity" - "reserved" AS remaining`;
    if (rows[0]) levels.batches.set(batchId, rows[0].remaining);
  }
  return levels;
}
