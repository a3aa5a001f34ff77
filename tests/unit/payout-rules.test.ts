// The payout rules that need no provider: the profit-sharing cap over a whole run, when a failure is retried,
// and the reconciliation's comparison of ledger rows with provider records.
import { describe, expect, test } from "vitest";
import type { PayoutRequest } from "~/domain/payouts/payout-provider";
import { reconcilePayouts, type LedgerPayoutRow } from "~/domain/payouts/reconciliation.server";
import { backoffSeconds, decideRetry, PAYOUT_MAX_ATTEMPTS } from "~/domain/payouts/retry-policy";
import { describeSplitCapProblem, splitCapFen, splitCapProblems } from "~/domain/payouts/split-cap";

const request = (payoutId: string, kind: PayoutRequest["payee"]["kind"], parts: [string, number, number][]) =>
  ({
    payoutId,
    payee: { kind, id: `${kind}-1`, name: kind, account: { provider: "wechat", accountRef: "1", accountName: kind } },
    amountFen: parts.reduce((sum, [, , fen]) => sum + fen, 0),
    reference: payoutId,
    sources: parts.map(([paymentRef, total, fen]) => ({
      orderId: `order-${paymentRef}`,
      paymentRef,
      paymentTotalFen: total,
      amountFen: fen,
    })),
  }) satisfies PayoutRequest;

describe("the split cap", () => {
  test("rounds the cap down, so it is never exceeded by a fen", () => {
    expect(splitCapFen(9_999, 3000)).toBe(2_999);
    expect(splitCapFen(10_000, 3000)).toBe(3_000);
  });

  test("adds up every payee split from one payment, and earlier runs, before saying what is over", () => {
    const run = [
      request("po_host", "host", [
        ["pay-1", 10_000, 1_500],
        ["pay-2", 5_000, 500],
      ]),
      request("po_village", "village", [["pay-1", 10_000, 1_000]]),
      request("po_fund", "premium_fund", [["pay-1", 10_000, 800]]),
    ];
    expect(splitCapProblems(run, 3000)).toEqual([
      expect.objectContaining({ orderId: "order-pay-1", splitFen: 3_300, capFen: 3_000, overFen: 300 }),
    ]);
    const [problem] = splitCapProblems(run, 3000);
    expect(problem.payouts.map((p) => p.payoutId)).toEqual(["po_host", "po_village", "po_fund"]);
    expect(splitCapProblems(run.slice(0, 2), 3000)).toEqual([]);
    expect(splitCapProblems(run.slice(0, 2), 3000, new Map([["pay-2", 1_001]]))).toEqual([
      expect.objectContaining({ paymentRef: "pay-2", overFen: 1 }),
    ]);
    expect(splitCapProblems(run, null)).toEqual([]);
    const said = describeSplitCapProblem(problem, 3000);
    expect(said.zh).toContain("减少 ¥3.00");
    expect(said.en).toContain("lower the split by ¥3.00");
  });
});

describe("the retry policy", () => {
  test("backs off exponentially up to a ceiling, and ends in needs-attention, never silently", () => {
    expect([1, 2, 3].map((attempt) => backoffSeconds(attempt))).toEqual([30, 60, 120]);
    expect(backoffSeconds(40)).toBe(6 * 60 * 60);
    const retryable = { status: "failed", providerRef: null, failure: "SYSTEM_ERROR", permanent: false } as const;
    expect(decideRetry(retryable, 1)).toEqual({ kind: "retry", afterSeconds: 30 });
    expect(decideRetry(retryable, PAYOUT_MAX_ATTEMPTS)).toMatchObject({ kind: "needs-attention" });
    expect(decideRetry({ ...retryable, permanent: true }, 1)).toEqual({
      kind: "needs-attention",
      reason: "SYSTEM_ERROR",
    });
    expect(decideRetry({ status: "processing", providerRef: "x" }, 2)).toEqual({
      kind: "check-later",
      afterSeconds: 60,
    });
    expect(decideRetry({ status: "paid", providerRef: "x" }, 5)).toEqual({ kind: "done" });
  });
});

describe("reconciliation", () => {
  const row = (
    payoutId: string,
    amountFen: number,
    status = "paid",
    providerRef: string | null = null,
  ): LedgerPayoutRow => ({
    payoutId,
    payeeKind: "village",
    payeeId: `v-${payoutId}`,
    orderIds: [`o-${payoutId}`],
    amountFen,
    providerRef,
    status,
  });
  const record = (payoutId: string, amountFen: number, providerRef = `ref-${payoutId}`) => ({
    payoutId,
    amountFen,
    providerRef,
    accountRef: "acct",
  });

  test("agreeing records give no differences", () => {
    expect(reconcilePayouts([row("a", 100), row("b", 200, "processing")], [record("a", 100)])).toEqual([]);
  });

  test("each kind of difference is found, with its payee and orders", () => {
    const differences = reconcilePayouts(
      [
        row("twice", 500),
        row("lost", 900),
        row("late", 300, "failed"),
        row("ref", 50, "paid", "ref-old"),
        row("ok", 10),
      ],
      [
        record("twice", 500),
        record("twice", 500, "ref-2"),
        record("late", 300),
        record("ref", 50),
        record("ok", 10),
        record("stray", 70),
      ],
    );
    expect(differences.map((d) => [d.kind, d.payoutId, d.payeeId, d.orderIds])).toEqual([
      ["missing_at_provider", "lost", "v-lost", ["o-lost"]],
      ["paid_twice", "twice", "v-twice", ["o-twice"]],
      ["not_marked_paid", "late", "v-late", ["o-late"]],
      ["unknown_to_ledger", "stray", null, []],
      ["reference_differs", "ref", "v-ref", ["o-ref"]],
    ]);
  });
});
