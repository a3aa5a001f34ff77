// The one loader of every statements page (studio, host, admin): the list, one statement (?id=…) or its file
// (?format=pdf|csv), each limited to the payees the caller may see.
import {
  statementCsv,
  statementDetail,
  listStatements,
  type PayeeScope,
  type StatementDetail,
} from "~/domain/payouts/statements.server";
import { requireViewer } from "./auth.server";
import { statementPdf } from "~/domain/payouts/statement-pdf.server";
import type { PayeeKind } from "~/domain/payouts/payout-provider";
import { getLocale } from "~/lib/locale.server";

type StatementRow = {
  id: string;
  payeeName: string;
  payeeKind: string;
  periodTo: string;
  payoutFen: number;
  closingFen: number;
};

type StatementPage = {
  statements: StatementRow[];
  statement: {
    id: string;
    payeeName: string;
    payeeKind: string;
    periodFrom: string;
    periodTo: string;
    openingFen: number;
    entriesFen: number;
    deductionsFen: number;
    payoutFen: number;
    closingFen: number;
    payoutStatus: string | null;
    entries: {
      id: string;
      number: string;
      titleZh: string;
      titleEn: string;
      amountFen: number;
      deduction: boolean;
      at: string;
    }[];
    entryCount: number;
  } | null;
};

export async function statementPage(
  request: Request,
  scope: PayeeScope,
  payeeKinds?: PayeeKind[],
): Promise<Response | StatementPage> {
  const url = new URL(request.url);
  const id = url.searchParams.get("id");
  const format = url.searchParams.get("format");
  if (format && format !== "pdf" && format !== "csv") throw new Response("format is pdf or csv", { status: 400 });
  if (id && id.length > 100) throw new Response("No such statement", { status: 404 });
  if (!id) {
    if (format) throw new Response("Which statement? (id)", { status: 400 });
    const statements = await listStatements(scope, { payeeKinds });
    return {
      statement: null,
      statements: statements.map((s) => ({
        id: s.id,
        payeeName: s.payee.displayName,
        payeeKind: s.payee.kind,
        periodTo: s.periodTo.toISOString(),
        payoutFen: s.payoutFen,
        closingFen: s.closingFen,
      })),
    };
  }
  const detail = await statementDetail(id, scope, { allEntries: Boolean(format) });
  if (!detail || (payeeKinds && !payeeKinds.includes(detail.statement.payee.kind)))
    throw new Response("No such statement", { status: 404 });
  if (format === "pdf" || format === "csv") return statementFileResponse(request, detail, format);
  return viewOf(detail);
}

/** A statement's file, for whoever may see it: an admin any, a workshop's member its own, a host theirs. */
export async function statementFile(request: Request, id: string, format: string | null) {
  if (format !== "pdf" && format !== "csv") throw new Response("format is pdf or csv", { status: 400 });
  const viewer = await requireViewer(request);
  const scopes: PayeeScope[] = viewer.isAdmin
    ? [{ kind: "market" }]
    : [
        ...viewer.memberships.map((m) => ({ kind: "workshop" as const, workshopId: m.workshop.id })),
        ...(viewer.host?.status === "approved" ? [{ kind: "host" as const, hostId: viewer.host.id }] : []),
      ];
  for (const scope of scopes) {
    const detail = id.length <= 100 ? await statementDetail(id, scope, { allEntries: true }) : null;
    if (detail) return statementFileResponse(request, detail, format);
  }
  throw new Response("No such statement", { status: 404 });
}

async function statementFileResponse(request: Request, detail: StatementDetail, format: "pdf" | "csv") {
  const s = detail.statement;
  const fileName = `statement-${s.periodTo.toISOString().slice(0, 10)}-${s.id.slice(0, 8)}`;
  if (format === "csv")
    return new Response(statementCsv(detail), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}.csv"`,
      },
    });
  return new Response(new Uint8Array(await statementPdf(detail, await getLocale(request))), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileName}.pdf"` },
  });
}

function viewOf(detail: StatementDetail): StatementPage {
  const s = detail.statement;
  const paid = s.payouts.map((p) => p.status);
  return {
    statements: [],
    statement: {
      id: s.id,
      payeeName: s.payee.displayName,
      payeeKind: s.payee.kind,
      periodFrom: s.periodFrom.toISOString(),
      periodTo: s.periodTo.toISOString(),
      openingFen: s.openingFen,
      entriesFen: s.entriesFen,
      deductionsFen: s.deductionsFen,
      payoutFen: s.payoutFen,
      closingFen: s.closingFen,
      payoutStatus:
        paid.length === 0 ? (s.payoutFen > 0 ? "waiting" : null) : paid.every((p) => p === "paid") ? "paid" : "sending",
      entries: detail.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
      entryCount: detail.entryCount,
    },
  };
}
