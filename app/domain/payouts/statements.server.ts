// Statements (对账单): a payee's opening balance, the settled entries (order, line, amount), the deductions (refunds
// of lines settled before), the payout and the closing balance. As data for a page, a CSV and a PDF.
import { stringify } from "csv-stringify/sync";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { yuanInput } from "~/lib/money";
import type { PayeeKind } from "./payout-provider";

/** How many entries a statement page lists (the CSV and PDF carry them all). */
export const STATEMENT_PAGE_ENTRIES = 200;

export type PayeeScope =
  { kind: "workshop"; workshopId: string } | { kind: "host"; hostId: string } | { kind: "market" };

function payeeWhere(scope: PayeeScope): Prisma.PayeeWhereInput {
  if (scope.kind === "workshop") return { kind: { in: ["workshop", "premium_fund"] }, refId: scope.workshopId };
  if (scope.kind === "host") return { kind: "host", refId: scope.hostId };
  return { kind: { in: ["village", "platform", "workshop", "premium_fund", "host"] } };
}

export async function listStatements(scope: PayeeScope, options: { payeeKinds?: PayeeKind[]; limit?: number } = {}) {
  return db.statement.findMany({
    where: {
      payee: { AND: [payeeWhere(scope), options.payeeKinds ? { kind: { in: options.payeeKinds } } : {}] },
    },
    include: {
      payee: { select: { kind: true, displayName: true, refId: true } },
      payouts: { select: { status: true, amountFen: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: options.limit ?? 50,
  });
}

/** One statement if it belongs to the scope, with its first entries (or all, for a file). */
export async function statementDetail(id: string, scope: PayeeScope, options: { allEntries?: boolean } = {}) {
  const statement = await db.statement.findFirst({
    where: { id, payee: payeeWhere(scope) },
    include: {
      payee: { select: { kind: true, displayName: true, refId: true } },
      payouts: {
        select: { id: true, status: true, amountFen: true, paidAt: true, bankReference: true, payeeKind: true },
      },
    },
  });
  if (!statement) return null;
  const entries = await db.$queryRaw<
    { id: string; number: string; titleZh: string; titleEn: string; amountFen: number; deduction: boolean; at: Date }[]
  >`
    SELECT le.id, o.number, ol."titleZh", ol."titleEn", le."amountFen", se.deduction, le."createdAt" AS at
    FROM "StatementEntry" se
    JOIN "LedgerEntry" le ON le.id = se."ledgerEntryId"
    JOIN "Order" o ON o.id = le."orderId"
    JOIN "OrderLine" ol ON ol.id = le."orderLineId"
    WHERE se."statementId" = ${id}
    ORDER BY se.deduction, le."createdAt", le.id
    LIMIT ${options.allEntries ? 1_000_000 : STATEMENT_PAGE_ENTRIES}`;
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "StatementEntry" WHERE "statementId" = ${id}`;
  return { statement, entries, entryCount: count };
}

export type StatementDetail = NonNullable<Awaited<ReturnType<typeof statementDetail>>>;

/** The statement as CSV: a summary block, then one row per entry. Amounts in yuan. */
export function statementCsv(detail: StatementDetail): string {
  const s = detail.statement;
  const rows: (string | number)[][] = [
    ["payee", s.payee.displayName],
    ["period_from", s.periodFrom.toISOString()],
    ["period_to", s.periodTo.toISOString()],
    ["opening_yuan", yuanInput(s.openingFen)],
    ["entries_yuan", yuanInput(s.entriesFen)],
    ["deductions_yuan", yuanInput(s.deductionsFen)],
    ["payout_yuan", yuanInput(s.payoutFen)],
    ["closing_yuan", yuanInput(s.closingFen)],
    [],
    ["order", "line", "kind", "amount_yuan", "at"],
    ...detail.entries.map((e) => [
      e.number,
      e.titleZh,
      e.deduction ? "deduction" : "entry",
      yuanInput(e.amountFen),
      e.at.toISOString(),
    ]),
  ];
  return stringify(rows, { bom: true });
}
