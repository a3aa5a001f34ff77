// The Stripe Connect payout adapter against a stand-in that keeps Stripe's rules (secret key, Idempotency-Key
// replay, destination and balance checks, signed webhooks), and the daily reconciliation finding planted
// differences between the stand-in's transfers and the ledger's payouts.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PayoutRequest } from "~/domain/payouts/payout-provider";
import { reconcileProvider, type LedgerPayoutRow } from "~/domain/payouts/reconciliation.server";
import {
  createStripeConnectPayoutProvider,
  StripeConnectEventRejected,
} from "~/domain/payouts/stripe-connect-provider.server";
import { startStripeConnectStandIn, type StripeConnectStandIn } from "../helpers/stripe-connect-stand-in";

const secretKey = "sk_test_cunbo_payouts";
let stripe: StripeConnectStandIn;
const provider = (key = secretKey) =>
  createStripeConnectPayoutProvider({ secretKey: key, apiHost: stripe.url, webhookSecret: stripe.webhookSecret });

function payout(payoutId: string, account: string, amountFen: number): PayoutRequest {
  return {
    payoutId,
    payee: {
      kind: "host",
      id: `host-${payoutId}`,
      name: "Mei Lin",
      account: { provider: "stripe", accountRef: account, accountName: "Mei Lin" },
    },
    amountFen,
    reference: `CB-${payoutId}`,
    sources: [
      { orderId: `order-${payoutId}`, paymentRef: `pi_${payoutId}`, paymentTotalFen: amountFen * 10, amountFen },
    ],
  };
}

beforeAll(async () => {
  stripe = await startStripeConnectStandIn({ secretKey, balanceFen: 1_000_000 });
  for (const account of ["acct_1HK", "acct_2SG", "acct_3MY", "acct_4GB"]) stripe.account(account);
});
afterAll(() => stripe?.close());

describe("Stripe Connect transfers", () => {
  test("a duplicated request pays once, even when the first answer was lost", async () => {
    // The SDK retries a cut connection once by itself, with the same Idempotency-Key: Stripe replays, no second pay.
    stripe.dropNextAnswers(1);
    const replayed = await provider().pay(payout("po_s0", "acct_1HK", 1_000));
    expect(replayed).toMatchObject({ status: "paid" });
    expect(stripe.paidTo("acct_1HK")).toBe(1_000);
    // Both answers lost: a retryable failure for the job queue, whose retry then pays once.
    stripe.dropNextAnswers(2);
    const lost = await provider().pay(payout("po_s1", "acct_1HK", 12_345));
    expect(lost).toMatchObject({ status: "failed", permanent: false });
    const [first, second] = await Promise.all([
      provider().pay(payout("po_s1", "acct_1HK", 12_345)),
      provider().pay(payout("po_s1", "acct_1HK", 12_345)),
    ]);
    expect(first).toMatchObject({ status: "paid" });
    expect(second).toEqual(first);
    expect(stripe.paidTo("acct_1HK")).toBe(13_345);
    expect(stripe.transfers.size).toBe(2);
    expect(await provider().query("po_s1")).toEqual(first);
  });

  test("a failed request is retryable and the retry pays once; permanent refusals say so", async () => {
    stripe.failNext("POST /v1/transfers", 1);
    const failed = await provider().pay(payout("po_s2", "acct_2SG", 5_000));
    expect(failed).toMatchObject({ status: "failed", permanent: false });
    expect(failed.failure).toContain("api_error");
    expect(await provider().pay(payout("po_s2", "acct_2SG", 5_000))).toMatchObject({ status: "paid" });
    expect(stripe.paidTo("acct_2SG")).toBe(5_000);

    const unknown = await provider().pay(payout("po_s3", "acct_9XX", 100));
    expect(unknown).toMatchObject({ status: "failed", permanent: true });
    expect(unknown.failure).toContain("No such destination");
    const badKey = await provider("sk_test_wrong").pay(payout("po_s4", "acct_3MY", 100));
    expect(badKey).toMatchObject({ status: "failed", permanent: true });
    // The same payout id with another amount is refused, never paid as a second transfer.
    const changed = await provider().pay(payout("po_s2", "acct_2SG", 6_000));
    expect(changed).toMatchObject({ status: "failed", permanent: true });
    expect(changed.failure).toContain("idempotency_error");
    expect(stripe.paidTo("acct_2SG")).toBe(5_000);
  });

  test("a clawback after a refund reverses part of the transfer, once per clawback id", async () => {
    await provider().pay(payout("po_s5", "acct_3MY", 8_000));
    const clawback = { clawbackId: "cb_s5", payoutId: "po_s5", amountFen: 2_500, reason: "refund of CB-2001" };
    const first = await provider().clawBack(clawback);
    expect(first).toMatchObject({ status: "paid" });
    expect(first.providerRef).toMatch(/^trr_/);
    expect(await provider().clawBack(clawback)).toEqual(first);
    expect(stripe.paidTo("acct_3MY")).toBe(5_500);
    const tooMuch = await provider().clawBack({ ...clawback, clawbackId: "cb_s5b", amountFen: 6_000 });
    expect(tooMuch).toMatchObject({ status: "failed", permanent: true });
  });

  test("a webhook event with a bad signature is refused; a good one names its payout", () => {
    const transfer = [...stripe.transfers.values()].find(
      (t) => (t.metadata as Record<string, string>).payoutId === "po_s5",
    )!;
    const good = stripe.event("transfer.reversed", transfer);
    expect(provider().parseEvent(good.payload, good.signature)).toMatchObject({
      type: "transfer.reversed",
      payoutId: "po_s5",
      providerRef: transfer.id,
    });
    const forged = stripe.event("transfer.reversed", transfer, "whsec_not_the_endpoint_secret");
    expect(() => provider().parseEvent(forged.payload, forged.signature)).toThrow(StripeConnectEventRejected);
    expect(() => provider().parseEvent(good.payload.replace("po_s5", "po_s1"), good.signature)).toThrow(
      StripeConnectEventRejected,
    );
    expect(() => provider().parseEvent(good.payload, null)).toThrow(StripeConnectEventRejected);
  });

  test("the daily reconciliation lists every planted difference with its order and payee", async () => {
    await provider().pay(payout("po_s6", "acct_4GB", 3_000));
    stripe.transferInDashboard("acct_4GB", 777);
    const row = (payoutId: string, amountFen: number, status = "paid"): LedgerPayoutRow => ({
      payoutId,
      payeeKind: "host",
      payeeId: `host-${payoutId}`,
      orderIds: [`order-${payoutId}`],
      amountFen,
      providerRef: null,
      status,
    });
    const ledger = [
      row("po_s0", 1_000),
      row("po_s1", 12_345),
      row("po_s2", 5_000),
      row("po_s5", 8_000),
      row("po_s6", 3_300), // planted: the ledger says 3,300, Stripe paid 3,000
      row("po_s7", 4_000), // planted: the ledger says paid, Stripe never heard of it
    ];
    const report = await reconcileProvider({
      provider: provider(),
      range: { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) },
      ledger,
    });
    expect(report.providerCount).toBe(6);
    expect(
      report.differences.map((d) => [d.kind, d.payoutId, d.payeeId, d.orderIds, d.ledgerFen, d.providerFen]),
    ).toEqual([
      ["missing_at_provider", "po_s7", "host-po_s7", ["order-po_s7"], 4_000, null],
      ["unknown_to_ledger", null, null, [], null, 777],
      ["amount_differs", "po_s6", "host-po_s6", ["order-po_s6"], 3_300, 3_000],
    ]);
    expect(report.differences[1].accountRef).toBe("acct_4GB");
  });
});
