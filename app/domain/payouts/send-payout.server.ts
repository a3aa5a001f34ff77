// Sends one payout through its provider (the payout-send job calls this). A failure throws, so the job queue
// retries with backoff; the last try, or a failure the provider calls permanent, leaves the payout in
// "needs attention" for an admin, never a silent loss. Paying twice is the provider's idempotency key's job.
import { db } from "~/lib/db.server";
import type { PayoutRequest } from "./payout-provider";
import { payoutProvider } from "./payout-provider.server";
import { transferReference } from "./manual-provider.server";
import { finishRunIfDone } from "./payout-runs.server";
import { payoutSources } from "./reconciliation.server";

export class PayoutFailed extends Error {}

export async function sendPayout(payoutId: string, options: { lastAttempt?: boolean } = {}): Promise<void> {
  const claimed = await db.payout.updateMany({
    where: { id: payoutId, status: { in: ["pending", "failed"] }, run: { status: { in: ["approved", "sending"] } } },
    data: { status: "sending", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return; // already sent, paid, or waiting on a person
  const payout = await db.payout.findUniqueOrThrow({
    where: { id: payoutId },
    include: { payee: { include: { account: true } } },
  });
  const account = payout.payee.account;
  // Profit sharing splits each buyer's payment; a bank transfer needs no sources.
  const sources = account && payout.provider !== "manual" ? await payoutSources(payoutId) : [];
  const request: PayoutRequest | null = account
    ? {
        payoutId,
        payee: {
          kind: payout.payeeKind,
          id: payout.payeeId,
          name: payout.payee.displayName,
          account: {
            provider: account.provider as PayoutRequest["payee"]["account"]["provider"],
            accountRef: account.accountRef,
            accountName: account.accountName,
          },
        },
        amountFen: payout.amountFen,
        reference: transferReference(payoutId),
        sources,
      }
    : null;
  let result;
  try {
    result = request
      ? await payoutProvider(payout.provider).pay(request)
      : { status: "failed" as const, providerRef: null, failure: "no payout account", permanent: true };
  } catch (error) {
    result = { status: "failed" as const, providerRef: null, failure: String(error) };
  }
  if (result.status === "paid") {
    await db.payout.update({
      where: { id: payoutId },
      data: { status: "paid", providerRef: result.providerRef, paidAt: new Date(), lastError: null },
    });
    await finishRunIfDone(payout.runId);
    return;
  }
  if (result.status === "processing") {
    await db.payout.update({ where: { id: payoutId }, data: { providerRef: result.providerRef, lastError: null } });
    return;
  }
  const giveUp = Boolean(result.permanent || options.lastAttempt);
  await db.payout.update({
    where: { id: payoutId },
    data: { status: giveUp ? "needs_attention" : "failed", lastError: result.failure ?? "failed" },
  });
  if (!giveUp) throw new PayoutFailed(`payout ${payoutId}: ${result.failure ?? "failed"}`);
}
