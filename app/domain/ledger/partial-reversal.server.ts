// Reversal entries for part of a line (an after-sales refund of some units, or of some of their price): the
// amount is split by the ledger's own allocation function and never reverses more of an account than still
// stands, and the last part of a line reverses exactly what is left, so the line's entries end at zero.
import type { LedgerAccount, Prisma } from "~/generated/prisma/client";
import { allocateLine } from "./ledger.server";

type Tx = Prisma.TransactionClient;

// Where fen go when an account's share is already reversed (rounding across several partial refunds).
const SPILL_ORDER: LedgerAccount[] = ["workshop", "platform", "village", "host", "workers_premium"];

export type LinePart = { orderLineId: string; amountFen: number };

/** Writes the reversal entries of these line parts; returns the fen reversed (their sum). */
export async function writePartialReversalEntries(tx: Tx, orderId: string, parts: LinePart[]): Promise<number> {
  const rows: Prisma.LedgerEntryCreateManyInput[] = [];
  for (const part of parts.filter((p) => p.amountFen > 0)) {
    const line = await tx.orderLine.findUniqueOrThrow({ where: { id: part.orderLineId } });
    const entries = await tx.ledgerEntry.findMany({ where: { orderLineId: line.id }, orderBy: { createdAt: "asc" } });
    const standing = new Map<LedgerAccount, { net: number; sample: (typeof entries)[number] }>();
    for (const entry of entries) {
      const current = standing.get(entry.account);
      if (current) current.net += entry.amountFen;
      else standing.set(entry.account, { net: entry.amountFen, sample: entry });
    }
    const left = [...standing.values()].reduce((sum, s) => sum + s.net, 0);
    if (part.amountFen > left) throw new RangeError(`Line ${line.id} has ${left} fen standing, not ${part.amountFen}`);
    const take = new Map<LedgerAccount, number>();
    if (part.amountFen === left) {
      for (const [account, s] of standing) take.set(account, s.net);
    } else {
      // A discounted line: the part refunded stands for a larger part of the undiscounted line, whose shares are
      // reversed as they were booked, less the funder's part of the discount (see saleEntryRows).
      const discountFen = line.discountFen;
      const paidFen = line.lineTotalFen;
      const undiscountedPart =
        discountFen > 0 ? Math.round((part.amountFen * (paidFen + discountFen)) / paidFen) : part.amountFen;
      const shares = allocateLine({
        lineTotalFen: undiscountedPart,
        premiumRateBp: line.premiumRateBp,
        villageFundRateBp: line.villageFundRateBp,
        hostCommissionBp: line.hostId ? line.hostCommissionBp : null,
      });
      const funder = entries.find((entry) => entry.kind === "discount")?.account ?? "platform";
      shares[funder] -= undiscountedPart - part.amountFen;
      for (const [account, s] of standing) take.set(account, Math.max(0, Math.min(shares[account], s.net)));
      // What clamping moved (an account already reversed, or rounding) is put right in SPILL_ORDER.
      let spill = part.amountFen - [...take.values()].reduce((sum, fen) => sum + fen, 0);
      for (const account of SPILL_ORDER) {
        const s = standing.get(account);
        if (!s || spill === 0) continue;
        const now = take.get(account) ?? 0;
        const change = spill > 0 ? Math.min(spill, s.net - now) : Math.max(spill, -now);
        if (change !== 0) {
          take.set(account, now + change);
          spill -= change;
        }
      }
    }
    for (const [account, fen] of take) {
      if (fen === 0) continue;
      const { sample } = standing.get(account)!;
      rows.push({
        orderId,
        orderLineId: line.id,
        fulfilmentOrderId: sample.fulfilmentOrderId,
        account,
        kind: "reversal",
        amountFen: -fen,
        workshopId: sample.workshopId,
        hostId: sample.hostId,
        villageZh: sample.villageZh,
      });
    }
  }
  if (rows.length) await tx.ledgerEntry.createMany({ data: rows });
  return rows.reduce((sum, row) => sum - row.amountFen, 0);
}
