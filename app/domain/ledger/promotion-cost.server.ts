// A giveaway's entries in the ledger (a lucky bag's prize, shipped as a zero-price order): the prize's value is
// shared out as a sale would be, so the workers' premium, the village and the platform get their parts as on
// any line, and whoever donated it carries the whole value as one "promotion" entry against their account.
// The entries of the line then sum to what was paid for it: nothing.
import type { Prisma } from "~/generated/prisma/client";
import { saleEntryRows, type LineForLedger } from "./ledger.server";

export type PrizeLine = Omit<LineForLedger, "lineTotalFen" | "hostCommissionBp" | "hostId"> & {
  /** What the prize is worth at its list price (units × price), in fen. */
  valueFen: number;
};

export type Donor = { kind: "workshop"; workshopId: string } | { kind: "host"; hostId: string };

export function prizeEntryRows(
  orderId: string,
  line: PrizeLine,
  donor: Donor,
  fulfilmentByWorkshop: Map<string, string>,
  at?: Date,
): Prisma.LedgerEntryCreateManyInput[] {
  // No host commission: a prize is given away, not sold by the show.
  const shares = saleEntryRows(
    orderId,
    [{ ...line, lineTotalFen: line.valueFen, hostCommissionBp: 0, hostId: null }],
    fulfilmentByWorkshop,
    at,
  );
  const cost: Prisma.LedgerEntryCreateManyInput = {
    orderId,
    orderLineId: line.id,
    fulfilmentOrderId: fulfilmentByWorkshop.get(line.workshopId) ?? null,
    kind: "promotion",
    amountFen: -line.valueFen,
    createdAt: at,
    ...(donor.kind === "workshop"
      ? { account: "workshop", workshopId: donor.workshopId }
      : { account: "host", hostId: donor.hostId }),
  };
  return [...shares, cost];
}
