// Stock, flash-deal allowance and pre-order capacity, taken only by conditional UPDATEs (`stock >= q`,
// `sold + q <= cap`, `reserved + q <= capacity`): a hold fits in one atomic step or not at all, so nothing is
// sold twice. The database's CHECK constraints (stock >= 0, sold <= cap, reserved <= capacity) back this up.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { SoldOut } from "../errors.server";
import { forgetSoldOut } from "./sold-out-memo.server";

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

type Amount = { id: string; q: number };

// Rows are taken in id order within each table (deals, then variants, then batches), so two orders for the
// same hot items queue behind each other rather than deadlock.
function totals(holds: Hold[], key: (hold: Hold) => string | null): Amount[] {
  const sums = new Map<string, number>();
  for (const hold of holds) {
    const id = key(hold);
    if (id) sums.set(id, (sums.get(id) ?? 0) + hold.quantity);
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, q]) => ({ id, q }));
}

/**
 * The conditional UPDATEs that take the holds, as data-modifying CTEs of one statement (`deal_holds`,
 * `variant_holds`, `batch_holds`), and `hold_check.held`: true when every hold fitted. `after` is a condition
 * that reads other CTEs of the statement, so that they run first and a hot row stays locked only from its
 * UPDATE to the commit.
 */
export function holdCtes(holds: Hold[], after: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  const deals = totals(holds, (h) => h.flashDealId);
  const variants = totals(holds, (h) => h.variantId);
  const batches = totals(holds, (h) => h.batchId);
  return Prisma.sql`
    deal_holds AS (
      UPDATE "FlashDeal" d SET "sold" = d."sold" + w.q
      FROM jsonb_to_recordset(${JSON.stringify(deals)}::jsonb) AS w(id text, q int)
      WHERE d."id" = w.id AND d."stoppedAt" IS NULL AND d."startsAt" <= now() AND d."endsAt" > now() AND d."sold" + w.q <= d."quantityCap"
        AND ${after}
      RETURNING d."id", d."quantityCap" - d."sold" AS remaining),
    variant_holds AS (
      UPDATE "Variant" v SET "stock" = v."stock" - w.q, "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(variants)}::jsonb) AS w(id text, q int)
      WHERE v."id" = w.id AND v."stock" >= w.q AND ${after}
      RETURNING v."id", v."stock" AS remaining),
    batch_holds AS (
      UPDATE "Batch" b SET "reserved" = b."reserved" + w.q, "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(batches)}::jsonb) AS w(id text, q int)
      WHERE b."id" = w.id AND b."status" = 'open' AND b."reserved" + w.q <= b."capacity" AND ${after}
      RETURNING b."id", b."capacity" - b."reserved" AS remaining),
    hold_check AS (
      SELECT (SELECT count(*) FROM deal_holds) = ${deals.length}
         AND (SELECT count(*) FROM variant_holds) = ${variants.length}
         AND (SELECT count(*) FROM batch_holds) = ${batches.length} AS held)`;
}

/** The remaining levels the hold CTEs report, as columns `deals`, `variants`, `batches` (JSON). */
export const HELD_LEVELS = Prisma.sql`
  (SELECT coalesce(json_agg(deal_holds), '[]') FROM deal_holds) AS deals,
  (SELECT coalesce(json_agg(variant_holds), '[]') FROM variant_holds) AS variants,
  (SELECT coalesce(json_agg(batch_holds), '[]') FROM batch_holds) AS batches`;

type LevelRows = { deals: unknown; variants: unknown; batches: unknown };

function asMap(value: unknown): Map<string, number> {
  const rows = (typeof value === "string" ? JSON.parse(value) : value) as { id: string; remaining: number }[];
  return new Map(rows.map((row) => [row.id, row.remaining]));
}

export function levelsFrom(row: LevelRows): StockLevels {
  return { deals: asMap(row.deals), variants: asMap(row.variants), batches: asMap(row.batches) };
}

const names = (hold: Hold) => ({ titleZh: hold.titleZh, titleEn: hold.titleEn });

/** Which hold did not fit, judged from today's levels: the error the buyer is shown. */
export async function shortfall(holds: Hold[], client: Tx = db): Promise<SoldOut> {
  const now = new Date();
  const [deals, variants, batches] = await Promise.all([
    client.flashDeal.findMany({ where: { id: { in: holds.flatMap((h) => (h.flashDealId ? [h.flashDealId] : [])) } } }),
    client.variant.findMany({
      where: { id: { in: holds.map((h) => h.variantId) } },
      select: { id: true, stock: true },
    }),
    client.batch.findMany({ where: { id: { in: holds.flatMap((h) => (h.batchId ? [h.batchId] : [])) } } }),
  ]);
  for (const hold of holds) {
    const deal = deals.find((d) => d.id === hold.flashDealId);
    if (deal && (deal.stoppedAt || deal.endsAt <= now || deal.sold + hold.quantity > deal.quantityCap))
      return new SoldOut("checkout:error.dealSoldOut", names(hold));
    if ((variants.find((v) => v.id === hold.variantId)?.stock ?? 0) < hold.quantity)
      return new SoldOut("checkout:error.soldOut", names(hold));
    const batch = batches.find((b) => b.id === hold.batchId);
    if (batch && (batch.status !== "open" || batch.reserved + hold.quantity > batch.capacity))
      return new SoldOut("checkout:error.batchFull", names(hold));
  }
  return new SoldOut("checkout:error.soldOut", names(holds[0]));
}

/**
 * Takes every hold or none, inside the caller's transaction: when one does not fit it throws SoldOut, and
 * the caller's transaction rolls back whatever else the statement took.
 */
export async function reserveStock(tx: Tx, holds: Hold[]): Promise<StockLevels> {
  const [row] = await tx.$queryRaw<
    (LevelRows & { held: boolean })[]
  >`WITH ${holdCtes(holds)} SELECT held, ${HELD_LEVELS} FROM hold_check`;
  if (!row.held) throw await shortfall(holds, tx);
  return levelsFrom(row);
}

/** Gives held or sold quantities back (an unpaid order lapsing, or a cancellation before packing). */
export async function returnStock(tx: Tx, holds: Hold[]): Promise<StockLevels> {
  const deals = totals(holds, (h) => h.flashDealId);
  const variants = totals(holds, (h) => h.variantId);
  const batches = totals(holds, (h) => h.batchId);
  const [row] = await tx.$queryRaw<LevelRows[]>`
    WITH deal_holds AS (
      UPDATE "FlashDeal" d SET "sold" = d."sold" - w.q FROM jsonb_to_recordset(${JSON.stringify(deals)}::jsonb) AS w(id text, q int)
      WHERE d."id" = w.id RETURNING d."id", d."quantityCap" - d."sold" AS remaining),
    variant_holds AS (
      UPDATE "Variant" v SET "stock" = v."stock" + w.q, "updatedAt" = now() FROM jsonb_to_recordset(${JSON.stringify(variants)}::jsonb) AS w(id text, q int)
      WHERE v."id" = w.id RETURNING v."id", v."stock" AS remaining),
    batch_holds AS (
      UPDATE "Batch" b SET "reserved" = b."reserved" - w.q, "updatedAt" = now() FROM jsonb_to_recordset(${JSON.stringify(batches)}::jsonb) AS w(id text, q int)
      WHERE b."id" = w.id RETURNING b."id", b."capacity" - b."reserved" AS remaining)
    SELECT ${HELD_LEVELS}`;
  forgetSoldOut(
    variants.map((v) => v.id),
    deals.map((d) => d.id),
  );
  return levelsFrom(row);
}
