// The profit-sharing cap (WeChat Pay and Alipay let at most a share of each payment be split away, 30 % unless the
// merchant has a higher ratio approved): checked over every payout of a run before anything is paid, so that a
// run never stops half-way with some payees paid and the rest refused.
import { formatMoney } from "~/lib/money";
import type { PayoutRequest } from "./payout-provider";

/** The cap both WeChat Pay's 分账 and Alipay's 分账 apply by default: 30 % of the payment. */
export const DEFAULT_SPLIT_CAP_BP = 3000;

export type SplitCapProblem = {
  orderId: string;
  paymentRef: string;
  paymentTotalFen: number;
  /** What the payouts would split away from this payment, and what the cap allows. */
  splitFen: number;
  capFen: number;
  /** How much less must be split from this payment (the workshop collects it instead). */
  overFen: number;
  /** The payouts that split from this payment, largest share first: lower one of them by overFen. */
  payouts: { payoutId: string; payeeKind: PayoutRequest["payee"]["kind"]; payeeId: string; amountFen: number }[];
};

/** The largest amount that may be split from one payment: rounded down, so the cap is never exceeded by a fen. */
export function splitCapFen(paymentTotalFen: number, capBp: number): number {
  return Math.floor((paymentTotalFen * capBp) / 10_000);
}

/**
 * Every payment the given payouts would split beyond the cap, with what to change. `alreadySplitFen` (by
 * paymentRef) counts what earlier runs split from the same payments: the provider's cap covers them all.
 * Payouts to the workshop that received the payment itself are not splits and must not be passed here.
 */
export function splitCapProblems(
  requests: PayoutRequest[],
  capBp: number | null,
  alreadySplitFen: ReadonlyMap<string, number> = new Map(),
): SplitCapProblem[] {
  if (capBp === null) return [];
  const byPayment = new Map<string, SplitCapProblem>();
  for (const request of requests) {
    for (const source of request.sources) {
      let entry = byPayment.get(source.paymentRef);
      if (!entry) {
        const capFen = splitCapFen(source.paymentTotalFen, capBp);
        entry = {
          orderId: source.orderId,
          paymentRef: source.paymentRef,
          paymentTotalFen: source.paymentTotalFen,
          splitFen: alreadySplitFen.get(source.paymentRef) ?? 0,
          capFen,
          overFen: 0,
          payouts: [],
        };
        byPayment.set(source.paymentRef, entry);
      }
      entry.splitFen += source.amountFen;
      entry.payouts.push({
        payoutId: request.payoutId,
        payeeKind: request.payee.kind,
        payeeId: request.payee.id,
        amountFen: source.amountFen,
      });
    }
  }
  const problems: SplitCapProblem[] = [];
  for (const entry of byPayment.values()) {
    if (entry.splitFen <= entry.capFen) continue;
    entry.overFen = entry.splitFen - entry.capFen;
    entry.payouts.sort((a, b) => b.amountFen - a.amountFen || a.payoutId.localeCompare(b.payoutId));
    problems.push(entry);
  }
  return problems.sort((a, b) => b.overFen - a.overFen || a.orderId.localeCompare(b.orderId));
}

/** A sentence for the admin (and the "needs attention" list) saying what to change, in both languages. */
export function describeSplitCapProblem(problem: SplitCapProblem, capBp: number): { zh: string; en: string } {
  const percent = `${capBp / 100}%`;
  const zh = (fen: number) => formatMoney(fen, "zh-CN");
  const en = (fen: number) => formatMoney(fen, "en");
  return {
    zh: `订单 ${problem.orderId} 的支付（${problem.paymentRef}）最多可分账 ${zh(problem.capFen)}（${percent}），本次要分 ${zh(problem.splitFen)}：请把其中的分账减少 ${zh(problem.overFen)}（由工坊收取），或向支付机构申请更高的分账比例后再付款。`,
    en: `The payment ${problem.paymentRef} of order ${problem.orderId} may have at most ${en(problem.capFen)} split away (${percent}); this run would split ${en(problem.splitFen)}: lower the split by ${en(problem.overFen)} (the workshop collects it), or have the provider approve a higher ratio, then pay.`,
  };
}
