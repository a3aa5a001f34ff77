// What the profit-sharing adapters (WeChat Pay, Alipay) need to read back from Cunbo's own payouts: their query
// APIs are keyed by the payment a split came from, which the contract's query(payoutId) does not carry.
export interface PayoutLookup {
  /** The payment references (transaction_id / trade_no) a payout was split from, in any order. */
  paymentRefs(payoutId: string): Promise<string[]>;
  /** The payouts sent to this provider between these instants (for the daily reconciliation). */
  sentBetween(range: { from: Date; to: Date }): Promise<string[]>;
}

/** Provider order numbers derived from the payout id: one per payment it is split from, stable across retries. */
export function splitOrderNumbers(payoutId: string, paymentRefs: string[]): { paymentRef: string; orderNo: string }[] {
  return [...paymentRefs].sort().map((paymentRef, index) => ({ paymentRef, orderNo: `${payoutId}-${index + 1}` }));
}

/** The payout an order number belongs to (the inverse of splitOrderNumbers). */
export function payoutIdOfOrderNo(orderNo: string): string {
  return orderNo.replace(/-\d+$/, "");
}

/** WeChat's out_order_no and Alipay's out_request_no take letters, digits and a few marks, at most 64. */
export function isUsableOrderNoBase(payoutId: string): boolean {
  return /^[0-9A-Za-z_]{1,56}$/.test(payoutId);
}
