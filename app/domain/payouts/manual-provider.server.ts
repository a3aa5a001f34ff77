// The manual payout provider (the default): nothing is sent by itself. Each approved run becomes a bank-transfer
// file (CSV: payee, account, amount, reference) a treasurer uploads to the bank, and an admin marks each payout
// paid with the bank's reference; until then a payout is "processing".
import { stringify } from "csv-stringify/sync";
import { db } from "~/lib/db.server";
import { Conflict, NotFound } from "../errors.server";
import { yuanInput } from "~/lib/money";
import type { PayoutProvider, PayoutResult } from "./payout-provider";

async function recorded(payoutId: string): Promise<PayoutResult> {
  const payout = await db.payout.findUnique({ where: { id: payoutId }, select: { status: true, bankReference: true } });
  if (payout?.status === "paid") return { status: "paid", providerRef: payout.bankReference };
  return { status: "processing", providerRef: null };
}

export const manualPayoutProvider: PayoutProvider = {
  name: "manual",
  splitCapBp: null,
  // The transfer happens at the bank; paying twice is impossible here because nothing is paid.
  pay: (request) => recorded(request.payoutId),
  query: recorded,
  // A clawback by hand: the refund becomes a deduction on the payee's next statement.
  clawBack: async () => ({ status: "processing", providerRef: null }),
  async listPaid(range) {
    const paid = await db.payout.findMany({
      where: { provider: "manual", status: "paid", paidAt: { gte: range.from, lt: range.to } },
      include: { payee: { include: { account: true } } },
    });
    return paid.map((p) => ({
      payoutId: p.id,
      providerRef: p.bankReference ?? "",
      amountFen: p.amountFen,
      accountRef: p.payee.account?.accountRef ?? "",
    }));
  },
};

/** The bank-transfer file of a run: one row per payout, amounts in yuan as banks' bulk-transfer files want. */
export async function bankTransferCsv(runId: string): Promise<string> {
  const run = await db.payoutRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) throw new NotFound("payouts:error.runNotFound");
  if (run.status === "prepared") throw new Conflict("payouts:error.notApproved");
  const payouts = await db.payout.findMany({
    where: { runId },
    include: { payee: { include: { account: true } } },
    orderBy: [{ payeeKind: "asc" }, { id: "asc" }],
  });
  const rows = payouts.map((p) => [
    p.payee.displayName,
    p.payee.account?.accountName ?? "",
    p.payee.account?.accountRef ?? "",
    yuanInput(p.amountFen),
    transferReference(p.id),
  ]);
  return stringify(rows, {
    header: true,
    columns: ["payee", "account_name", "account", "amount_yuan", "reference"],
    bom: true,
  });
}

/** What the payee sees on the bank transfer: short, and enough to find the payout again. */
export const transferReference = (payoutId: string) => `CUNBO-${payoutId.slice(0, 12).toUpperCase()}`;
