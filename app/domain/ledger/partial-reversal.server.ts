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
      const shares = allocateLine({
        lineTotalFen: part.amountFen,
        premiumRateBp: line.premiumRateBp,
        villageFundRateBp: line.villageFundRateBp,
        hostCommissionBp: line.hostId ? line.hostCommissionBp : null,
      });
      let spill = 0;
      for (const [account, s] of standing) {
        const share = Math.min(shares[account], Math.max(s.net, 0));
        take.set(account, share);
        spill += shares[account] - share;
      }
      for (const account of Object.keys(shares) as LedgerAccount[])
        if (!standing.has(account)) spill += shares[account];
      for (const account of SPILL_ORDER) {
        const s = standing.get(account);
        if (!s || spill === 0) continue;
        const more = Math.min(spill, s.net - (take.get(account) ?? 0));
        if (more > 0) {
          take.set(account, (take.get(account) ?? 0) + more);
          spill -= more;
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
