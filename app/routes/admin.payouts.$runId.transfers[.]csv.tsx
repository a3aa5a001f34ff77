// A payout run's bank-transfer file (manual provider): payee, account, amount, reference, for the bank's bulk upload.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Conflict, NotFound } from "~/domain/errors.server";
import { audit } from "~/domain/payouts/audit.server";
import { bankTransferCsv } from "~/domain/payouts/manual-provider.server";
import { requireAdmin } from "~/web/auth.server";
import { domainErrorResponse } from "~/web/domain-error-answer.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireAdmin(request);
  const runId = params.runId ?? "";
  try {
    const csv = await bankTransferCsv(runId);
    await audit(
      { userId: viewer.id, ip: (context as { clientAddress?: string }).clientAddress ?? null },
      "payout_run.download",
      runId,
    );
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="cunbo-transfers-${runId.slice(0, 8)}.csv"`,
      },
    });
  } catch (error) {
    throw await domainErrorResponse(error, request, { only: [NotFound, Conflict] });
  }
}
