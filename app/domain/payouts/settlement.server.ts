// The settlement run (结算): every ledger entry whose line can no longer be returned is put on its payee's
// statement, in SQL set operations (a million entries never pass through JS). A refund of a line already
// settled is settled at once, as a deduction on the payee's next statement; a balance below zero carries
// forward. The statement entry's primary key is the ledger entry, so an entry is settled exactly once; an
// advisory lock makes overlapping runs take turns rather than fail.
import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { SETTLE_AFTER_HOURS } from "./settlement-window";

const LOCK_KEY = 7_301_114; // "settlement" as an advisory lock id

export type SettlementOutcome = { settlementId: string; entries: number; statements: number } | null;

/** Settles everything that may be settled by `now`; null when there was nothing. */
export async function runSettlement(input: { now: Date; triggeredBy?: string | null }): Promise<SettlementOutcome> {
  const { now } = input;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
      // These statements' cost estimates cross JIT's threshold, and compiling them took longer than running them.
      await tx.$executeRaw`SET LOCAL jit = off`;
      await tx.$executeRaw`
        CREATE TEMP TABLE settle_pick ON COMMIT DROP AS
        WITH ready_lines AS (
          SELECT ol.id
          FROM "OrderLine" ol
          JOIN "Product" p ON p.id = ol."productId"
          JOIN "FulfilmentOrder" fo ON fo."orderId" = ol."orderId" AND fo."workshopId" = ol."workshopId"
          WHERE fo.status = 'delivered'
            AND (SELECT max(e."createdAt") FROM "FulfilmentEvent" e
                 WHERE e."fulfilmentOrderId" = fo.id AND e."toStatus" = 'delivered')
                <= ${now}::timestamptz - make_interval(hours => CASE WHEN p.perishable
                     THEN ${SETTLE_AFTER_HOURS.perishable}::int ELSE ${SETTLE_AFTER_HOURS.standard}::int END)
            AND NOT EXISTS (SELECT 1 FROM "AfterSalesRequest" a
                            WHERE a."fulfilmentOrderId" = fo.id AND a.status NOT IN ('refunded', 'refused'))
        )
        SELECT le.id, le."amountFen" AS amount, le."createdAt" AS at,
               (le.kind = 'reversal' AND EXISTS (
                  SELECT 1 FROM "LedgerEntry" s JOIN "StatementEntry" se ON se."ledgerEntryId" = s.id
                  WHERE s."orderLineId" = le."orderLineId" AND s.kind = 'sale')) AS deduction,
               (CASE le.account WHEN 'workshop' THEN 'workshop' WHEN 'workers_premium' THEN 'premium_fund'
                  WHEN 'host' THEN 'host' WHEN 'village' THEN 'village' ELSE 'platform' END)::"PayeeKind" AS kind,
               CASE le.account WHEN 'host' THEN le."hostId" WHEN 'village' THEN le."villageZh"
                  WHEN 'platform' THEN 'platform' ELSE le."workshopId" END AS ref
        FROM "LedgerEntry" le
        WHERE le."createdAt" <= ${now}
          AND NOT EXISTS (SELECT 1 FROM "StatementEntry" se WHERE se."ledgerEntryId" = le.id)
          AND (le."orderLineId" IN (SELECT id FROM ready_lines)
               -- a refund of a line settled before: settled now, as a deduction
               OR (le.kind = 'reversal' AND EXISTS (
                     SELECT 1 FROM "LedgerEntry" s JOIN "StatementEntry" se ON se."ledgerEntryId" = s.id
                     WHERE s."orderLineId" = le."orderLineId" AND s.kind = 'sale')))`;
      const [{ count }] = await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM settle_pick`;
      if (count === 0) return null;
      const settlementId = randomUUID();
      await tx.$executeRaw`
        INSERT INTO "Settlement" (id, cutoff, "triggeredBy", entries) VALUES (${settlementId}, ${now}, ${input.triggeredBy ?? null}, ${count})`;
      await tx.$executeRaw`
        INSERT INTO "Payee" (id, kind, "refId", "workshopId", "displayName")
        SELECT gen_random_uuid()::text, k.kind, k.ref,
               CASE WHEN k.kind IN ('workshop', 'premium_fund') THEN k.ref END,
               coalesce(w."nameZh", h."displayNameZh", CASE k.kind WHEN 'platform' THEN '村播平台' ELSE k.ref END)
        FROM (SELECT DISTINCT kind, ref FROM settle_pick) k
        LEFT JOIN "Workshop" w ON k.kind IN ('workshop', 'premium_fund') AND w.id = k.ref
        LEFT JOIN "Host" h ON k.kind = 'host' AND h.id = k.ref
        ON CONFLICT (kind, "refId") DO NOTHING`;
      await tx.$executeRaw`
        CREATE TEMP TABLE settle_payee ON COMMIT DROP AS
        SELECT sp.id, sp.amount, sp.deduction, sp.at, p.id AS payee, p.kind AS payee_kind
        FROM settle_pick sp JOIN "Payee" p ON p.kind = sp.kind AND p."refId" = sp.ref`;
      const statements = await tx.$executeRaw`
        INSERT INTO "Statement" (id, "settlementId", "payeeId", "periodFrom", "periodTo", "openingFen", "entriesFen",
                                 "deductionsFen", "payoutFen", "closingFen")
        SELECT gen_random_uuid()::text, ${settlementId}, s.payee, coalesce(prev."periodTo", s.first_at), ${now},
               coalesce(prev."closingFen", 0), s.entries, s.deductions,
               CASE WHEN s.payee_kind = 'platform' THEN 0 ELSE greatest(coalesce(prev."closingFen", 0) + s.entries + s.deductions, 0) END,
               CASE WHEN s.payee_kind = 'platform' THEN coalesce(prev."closingFen", 0) + s.entries + s.deductions
                    ELSE least(coalesce(prev."closingFen", 0) + s.entries + s.deductions, 0) END
        FROM (SELECT payee, payee_kind, min(at) AS first_at,
                     coalesce(sum(amount) FILTER (WHERE NOT deduction), 0)::int AS entries,
                     coalesce(sum(amount) FILTER (WHERE deduction), 0)::int AS deductions
              FROM settle_payee GROUP BY payee, payee_kind) s
        LEFT JOIN LATERAL (SELECT st."periodTo", st."closingFen" FROM "Statement" st
                           WHERE st."payeeId" = s.payee ORDER BY st."createdAt" DESC, st."periodTo" DESC LIMIT 1) prev ON true`;
      await tx.$executeRaw`
        INSERT INTO "StatementEntry" ("ledgerEntryId", "statementId", deduction)
        SELECT sp.id, st.id, sp.deduction
        FROM settle_payee sp JOIN "Statement" st ON st."settlementId" = ${settlementId} AND st."payeeId" = sp.payee`;
      return { settlementId, entries: count, statements };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
