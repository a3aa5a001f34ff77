// The common-prosperity ledger: where every fen of a paid line goes, written once and never edited.
// A cancellation or refund adds reversal entries with the opposite amounts.
import type { Prisma } from "~/generated/prisma/client";
import { allocateLine, type LineShares } from "./allocation";
import { db } from "~/lib/db.server";

type Tx = Prisma.TransactionClient;

export { allocateLine, PLATFORM_RATE_BP, type AllocationInput, type LineShares } from "./allocation";

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
  /** The coupon's part of the line (lineTotalFen is what was paid, after it), and who funds that coupon. */
  discountFen?: number;
  discountFunder?: "workshop" | "market" | null;
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
    // The premium, village, host and platform shares are the undiscounted line's: a coupon never lowers them.
    const discountFen = line.discountFen ?? 0;
    const shares = allocateLine({
      lineTotalFen: line.lineTotalFen + discountFen,
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
    // Whoever funds the coupon carries all of it, as its own entry: the workshop out of its share, or the
    // platform as a subsidy. The line's entries then sum to what was paid.
    if (discountFen > 0) {
      const byWorkshop = line.discountFunder === "workshop";
      rows.push({
        ...base,
        account: byWorkshop ? "workshop" : "platform",
        kind: "discount",
        amountFen: -discountFen,
        workshopId: byWorkshop ? line.workshopId : null,
      });
    }
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
