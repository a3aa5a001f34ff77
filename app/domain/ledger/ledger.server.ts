// The common-prosperity ledger: where every fen of a paid line goes, written once and never edited.
// A cancellation or refund adds reversal entries with the opposite amounts.
import type { LedgerAccount, Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";

type Tx = Prisma.TransactionClient;

/** The platform's share of every line, in basis points. One constant, so it is changed in one place. */
export const PLATFORM_RATE_BP = 500;

const BP = 10_000;

export type LineShares = Record<LedgerAccount, number>;

export type AllocationInput = {
  lineTotalFen: number;
  premiumRateBp: number;
  villageFundRateBp: number;
  /** The host's commission snapshot; null (or 0) when no show led to the line. */
  hostCommissionBp: number | null;
};

/**
 * THE allocation function. The 共富价 premium is the part of the price above market value
 * (line × r / (1 + r)); the village, host and platform shares are plain rates of the line; each share is
 * rounded down once and capped by what is left, in that order, and the workshop gets the remainder, so
 * the shares always sum exactly to the line total and none is ever negative.
 */
export function allocateLine(input: AllocationInput): LineShares {
  const total = input.lineTotalFen;
  for (const [name, value] of Object.entries(input)) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0))
      throw new RangeError(`${name} must be a non-negative integer`);
  }
  if (total > 1_000_000_000) throw new RangeError("lineTotalFen is beyond any real order");
  let left = total;
  const take = (fen: number) => {
    const share = Math.min(fen, left);
    left -= share;
    return share;
  };
  const premiumRate = Math.min(input.premiumRateBp, BP);
  const workers_premium = take(Math.floor((total * premiumRate) / (BP + premiumRate)));
  const village = take(Math.floor((total * Math.min(input.villageFundRateBp, BP)) / BP));
  const host = take(Math.floor((total * Math.min(input.hostCommissionBp ?? 0, BP)) / BP));
  const platform = take(Math.floor((total * PLATFORM_RATE_BP) / BP));
  return { workshop: left, workers_premium, host, village, platform };
}

/** A paid order line as the ledger splits it (the village is the line's workshop's). */
export type LineForLedger = {
  id: string;
  workshopId: string;
  lineTotalFen: number;
  premiumRateBp: number;
  villageFundRateBp: number;
  hostCommissionBp: number;
  hostId: string | null;
  villageZh: string;
};

/**
 * The sale entries of every line of a paid order (host entries only where a show led to the line), dated `at`
 * (the database's now if not given).
 */
export function saleEntryRows(
  orderId: string,
  lines: LineForLedger[],
  fulfilmentByWorkshop: Map<string, string>,
  at?: Date,
): Prisma.LedgerEntryCreateManyInput[] {
  const rows: Prisma.LedgerEntryCreateManyInput[] = [];
  for (const line of lines) {
    const shares = allocateLine({
      lineTotalFen: line.lineTotalFen,
      premiumRateBp: line.premiumRateBp,
      villageFundRateBp: line.villageFundRateBp,
      hostCommissionBp: line.hostId ? line.hostCommissionBp : null,
    });
    const base = {
      orderId,
      orderLineId: line.id,
      fulfilmentOrderId: fulfilmentByWorkshop.get(line.workshopId) ?? null,
      createdAt: at,
    };
    rows.push(
      { ...base, account: "workshop", amountFen: shares.workshop, workshopId: line.workshopId },
      { ...base, account: "workers_premium", amountFen: shares.workers_premium, workshopId: line.workshopId },
      {
        ...base,
        account: "village",
        amountFen: shares.village,
        workshopId: line.workshopId,
        villageZh: line.villageZh,
      },
      { ...base, account: "platform", amountFen: shares.platform },
    );
    if (line.hostId) rows.push({ ...base, account: "host", amountFen: shares.host, hostId: line.hostId });
  }
  return rows;
}

/** Writes the sale entries of a paid order (see saleEntryRows); returns how many. */
export async function writeSaleEntries(
  tx: Tx,
  orderId: string,
  lines: LineForLedger[],
  fulfilmentByWorkshop: Map<string, string>,
  at?: Date,
): Promise<number> {
  const rows = saleEntryRows(orderId, lines, fulfilmentByWorkshop, at);
  await tx.ledgerEntry.createMany({ data: rows });
  return rows.length;
}

/**
 * Reverses what is still standing for the order (or one workshop's part of it): one new entry with the
 * opposite amount for each sale entry not yet reversed. Returns the fen reversed.
 */
export async function writeReversalEntries(tx: Tx, orderId: string, workshopId?: string, at?: Date): Promise<number> {
  const entries = await tx.ledgerEntry.findMany({
    where: { orderId, ...(workshopId ? { orderLine: { workshopId } } : {}) },
    orderBy: { createdAt: "asc" },
  });
  const standing = new Map<string, (typeof entries)[number] & { net: number }>();
  for (const entry of entries) {
    const key = `${entry.orderLineId}:${entry.account}`;
    const current = standing.get(key);
    if (current) current.net += entry.amountFen;
    else standing.set(key, { ...entry, net: entry.amountFen });
  }
  const rows: Prisma.LedgerEntryCreateManyInput[] = [...standing.values()]
    .filter((entry) => entry.net !== 0)
    .map((entry) => ({
      orderId,
      orderLineId: entry.orderLineId,
      fulfilmentOrderId: entry.fulfilmentOrderId,
      account: entry.account,
      kind: "reversal",
      amountFen: -entry.net,
      workshopId: entry.workshopId,
      hostId: entry.hostId,
      villageZh: entry.villageZh,
      createdAt: at,
    }));
  if (rows.length) await tx.ledgerEntry.createMany({ data: rows });
  return rows.reduce((sum, row) => sum - row.amountFen, 0);
}

/** Net fen per account for an order, plus the shipping passed to workshops: together they equal what was paid. */
export async function orderStatement(orderId: string) {
  const grouped = await db.ledgerEntry.groupBy({ by: ["account"], where: { orderId }, _sum: { amountFen: true } });
  const byAccount = Object.fromEntries(
    grouped.map((row) => [row.account, row._sum.amountFen ?? 0]),
  ) as Partial<LineShares>;
  const fulfilment = await db.fulfilmentOrder.findMany({
    where: { orderId },
    select: { shippingFen: true, status: true },
  });
  const shippingFen = fulfilment.filter((f) => f.status !== "cancelled").reduce((sum, f) => sum + f.shippingFen, 0);
  const goodsFen = Object.values(byAccount).reduce((sum, fen) => sum + (fen ?? 0), 0);
  return { byAccount, goodsFen, shippingFen, totalFen: goodsFen + shippingFen };
}
