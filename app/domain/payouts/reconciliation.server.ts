// The daily reconciliation: what the provider says it paid against what the ledger says was paid, every
// difference listed with its order and payee for an admin. The comparison is pure; the database is read through
// two small readers.
import { db } from "~/lib/db.server";
import type { PayoutLookup } from "./payout-lookup";
import type {
  PayeeKind,
  PayoutProvider,
  PayoutProviderName,
  PayoutSource,
  ProviderPayoutRecord,
} from "./payout-provider";

/** A payout as the ledger holds it (one row of the Payout table). */
export type LedgerPayoutRow = {
  payoutId: string;
  payeeKind: PayeeKind;
  payeeId: string;
  orderIds: string[];
  amountFen: number;
  providerRef: string | null;
  /** "paid", "processing", "failed", "needs_attention" … as the payout run keeps it. */
  status: string;
};

export type DifferenceKind =
  /** The ledger says paid; the provider has no record of it. */
  | "missing_at_provider"
  /** The provider paid something the ledger does not know (a payout id it lacks, or a transfer made by hand). */
  | "unknown_to_ledger"
  /** Both know the payout, with different amounts. */
  | "amount_differs"
  /** The provider paid the same payout more than once. */
  | "paid_twice"
  /** The provider paid it; the ledger still says otherwise (a lost answer or notification). */
  | "not_marked_paid"
  /** Both say paid, under different provider references. */
  | "reference_differs";

export type ReconciliationDifference = {
  kind: DifferenceKind;
  payoutId: string | null;
  payeeKind: PayeeKind | null;
  payeeId: string | null;
  /** Provider account paid, when the provider said (to find the payee of an unknown payment). */
  accountRef: string | null;
  orderIds: string[];
  ledgerFen: number | null;
  providerFen: number | null;
  ledgerRef: string | null;
  providerRefs: string[];
  ledgerStatus: string | null;
};

/** Every difference between the two, largest amount at stake first. */
export function reconcilePayouts(
  ledger: LedgerPayoutRow[],
  provider: ProviderPayoutRecord[],
): ReconciliationDifference[] {
  const byPayout = new Map<string, ProviderPayoutRecord[]>();
  for (const record of provider) {
    const list = byPayout.get(record.payoutId) ?? [];
    list.push(record);
    byPayout.set(record.payoutId, list);
  }
  const differences: ReconciliationDifference[] = [];
  const known = new Set<string>();
  for (const row of ledger) {
    known.add(row.payoutId);
    const records = byPayout.get(row.payoutId) ?? [];
    const providerFen = records.reduce((sum, record) => sum + record.amountFen, 0);
    const base = {
      payoutId: row.payoutId,
      payeeKind: row.payeeKind,
      payeeId: row.payeeId,
      accountRef: records[0]?.accountRef ?? null,
      orderIds: row.orderIds,
      ledgerFen: row.amountFen,
      providerFen: records.length ? providerFen : null,
      ledgerRef: row.providerRef,
      providerRefs: records.map((record) => record.providerRef),
      ledgerStatus: row.status,
    };
    if (records.length > 1) differences.push({ ...base, kind: "paid_twice" });
    else if (row.status === "paid" && !records.length) differences.push({ ...base, kind: "missing_at_provider" });
    else if (records.length && row.status !== "paid") differences.push({ ...base, kind: "not_marked_paid" });
    else if (records.length && providerFen !== row.amountFen) differences.push({ ...base, kind: "amount_differs" });
    else if (records.length && row.providerRef && row.providerRef !== records[0].providerRef)
      differences.push({ ...base, kind: "reference_differs" });
  }
  for (const record of provider) {
    if (known.has(record.payoutId)) continue;
    differences.push({
      kind: "unknown_to_ledger",
      payoutId: record.payoutId || null,
      payeeKind: null,
      payeeId: null,
      accountRef: record.accountRef,
      orderIds: [],
      ledgerFen: null,
      providerFen: record.amountFen,
      ledgerRef: null,
      providerRefs: [record.providerRef],
      ledgerStatus: null,
    });
  }
  const atStake = (d: ReconciliationDifference) =>
    Math.abs((d.providerFen ?? 0) - (d.ledgerFen ?? 0)) || (d.ledgerFen ?? 0);
  return differences.sort((a, b) => atStake(b) - atStake(a) || (a.payoutId ?? "").localeCompare(b.payoutId ?? ""));
}

export type ReconciliationReport = {
  provider: PayoutProviderName;
  from: Date;
  to: Date;
  ledgerCount: number;
  providerCount: number;
  differences: ReconciliationDifference[];
};

/** One provider's reconciliation over a range: its records against the ledger's rows. */
export async function reconcileProvider(input: {
  provider: PayoutProvider;
  range: { from: Date; to: Date };
  ledger: LedgerPayoutRow[];
}): Promise<ReconciliationReport> {
  const records = await input.provider.listPaid(input.range);
  return {
    provider: input.provider.name,
    from: input.range.from,
    to: input.range.to,
    ledgerCount: input.ledger.length,
    providerCount: records.length,
    differences: reconcilePayouts(input.ledger, records),
  };
}

/**
 * The ledger's payouts through one provider that left Cunbo in a range: sent (or paid) then, by when they last
 * moved. Their orders are those of the ledger entries on the statement each pays.
 */
export async function readLedgerPayouts(
  provider: PayoutProviderName,
  range: { from: Date; to: Date },
): Promise<LedgerPayoutRow[]> {
  return db.$queryRaw<LedgerPayoutRow[]>`
    SELECT p."id" AS "payoutId", p."payeeKind"::text AS "payeeKind", p."payeeId", p."amountFen",
           p."providerRef", p."status"::text AS "status",
           ARRAY(
             SELECT DISTINCT le."orderId"
             FROM "StatementEntry" se JOIN "LedgerEntry" le ON le."id" = se."ledgerEntryId"
             WHERE se."statementId" = p."statementId"
           ) AS "orderIds"
    FROM "Payout" p
    WHERE p."provider" = ${provider} AND p."status" <> 'pending'
      AND COALESCE(p."paidAt", p."updatedAt") >= ${range.from} AND COALESCE(p."paidAt", p."updatedAt") < ${range.to}`;
}

/** The differences with each order id replaced by the order's number (what an admin searches for). */
export async function withOrderNumbers(differences: ReconciliationDifference[]): Promise<ReconciliationDifference[]> {
  const ids = [...new Set(differences.flatMap((difference) => difference.orderIds))];
  if (!ids.length) return differences;
  const orders = await db.order.findMany({ where: { id: { in: ids } }, select: { id: true, number: true } });
  const numbers = new Map(orders.map((order) => [order.id, order.number]));
  return differences.map((difference) => ({
    ...difference,
    orderIds: difference.orderIds.map((id) => numbers.get(id) ?? id),
  }));
}

/** What the WeChat and Alipay adapters read back: the payment references of a payout's orders. */
export function payoutLookupFrom(rows: () => Promise<LedgerPayoutRow[]>): PayoutLookup {
  return {
    async paymentRefs(payoutId) {
      const row = (await rows()).find((candidate) => candidate.payoutId === payoutId);
      if (!row) return [];
      const orders = await db.order.findMany({
        where: { id: { in: row.orderIds }, paymentRef: { not: null } },
        select: { paymentRef: true },
      });
      return [...new Set(orders.map((order) => order.paymentRef!))];
    },
    async sentBetween() {
      return (await rows()).map((row) => row.payoutId);
    },
  };
}

/** What the WeChat and Alipay adapters read back of the ledger's own payouts through `provider`. */
export function ledgerPayoutLookup(provider: PayoutProviderName): PayoutLookup {
  return {
    async paymentRefs(payoutId) {
      const sources = await payoutSources(payoutId);
      return sources.map((source) => source.paymentRef);
    },
    async sentBetween(range) {
      return (await readLedgerPayouts(provider, range)).map((row) => row.payoutId);
    },
  };
}

/**
 * The buyers' payments a payout is split from: per order on the statement it pays, what the statement's entries
 * give this payee from that order's payment. (They add up to the payout only when nothing carried over from an
 * earlier statement; a profit-sharing adapter refuses the rest, and the payout waits for an admin.)
 */
export async function payoutSources(payoutId: string): Promise<PayoutSource[]> {
  return db.$queryRaw<PayoutSource[]>`
    SELECT le."orderId", o."paymentRef", o."totalFen" AS "paymentTotalFen", SUM(le."amountFen")::int AS "amountFen"
    FROM "Payout" p
    JOIN "StatementEntry" se ON se."statementId" = p."statementId"
    JOIN "LedgerEntry" le ON le."id" = se."ledgerEntryId"
    JOIN "Order" o ON o."id" = le."orderId"
    WHERE p."id" = ${payoutId} AND o."paymentRef" IS NOT NULL
    GROUP BY le."orderId", o."paymentRef", o."totalFen"
    HAVING SUM(le."amountFen") > 0
    ORDER BY o."paymentRef"`;
}
