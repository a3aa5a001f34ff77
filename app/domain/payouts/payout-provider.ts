// What a payout provider is: one payout of a settled amount to one payee, and the interface every provider keeps
// (manual bank transfer, WeChat Pay 分账, Alipay 分账, Stripe Connect), as payments have PaymentProvider.

export type PayoutProviderName = "manual" | "wechat" | "alipay" | "stripe";

/** Who receives money from the market (a worker is paid from a workshop's premium fund). */
export type PayeeKind = "workshop" | "premium_fund" | "host" | "village" | "platform" | "worker";

/** Where a payee is paid: a bank account (manual), a WeChat openid / merchant id, an Alipay login / user id, a
 *  Stripe connected account id. */
export type PayoutAccount = {
  provider: PayoutProviderName;
  /** The provider's identifier of the receiving account. */
  accountRef: string;
  /** The account holder's real name, where the provider checks it (WeChat, Alipay, banks). */
  accountName: string;
};

/** A payment the payout is split from: profit-sharing providers (WeChat, Alipay) split per payment, and may split
 *  at most a share of it (by default 30 %). */
export type PayoutSource = {
  orderId: string;
  /** The payment provider's reference of the buyer's payment (transaction id / trade no / charge id). */
  paymentRef: string;
  paymentTotalFen: number;
  /** How much of this payout comes from this payment. */
  amountFen: number;
};

export type PayoutRequest = {
  /** Cunbo's id of the payout: every request derives its idempotency key from it (e.g. out_order_no), so a retried
   *  or duplicated run pays once. */
  payoutId: string;
  payee: { kind: PayeeKind; id: string; name: string; account: PayoutAccount };
  amountFen: number;
  /** Shown to the payee on the transfer (the statement's reference). */
  reference: string;
  sources: PayoutSource[];
};

export type PayoutStatus = "paid" | "processing" | "failed";

export type PayoutResult = {
  status: PayoutStatus;
  /** The provider's reference of the transfer (bank reference, WeChat order_id, Alipay settle_no, Stripe transfer). */
  providerRef: string | null;
  /** Why it failed, as the provider said it (for the "needs attention" list). */
  failure?: string;
  /** A failure that will not heal by retrying (a wrong account, a cap exceeded): stop retrying at once. */
  permanent?: boolean;
};

/** What the provider says it paid, for the daily reconciliation against the ledger's payouts. */
export type ProviderPayoutRecord = { payoutId: string; providerRef: string; amountFen: number; accountRef: string };

export interface PayoutProvider {
  readonly name: PayoutProviderName;
  /** The largest share of one payment this provider lets be split away, in basis points (3000 = 30 %), if any. */
  readonly splitCapBp: number | null;
  /** Sends one payout. Safe to call again with the same payoutId: it pays once and answers as before. */
  pay(request: PayoutRequest): Promise<PayoutResult>;
  /** What became of a payout sent earlier. */
  query(payoutId: string): Promise<PayoutResult>;
  /** Takes back (回退) part of a payout after a refund of a line it paid; the same clawbackId claws back once. */
  clawBack(input: { clawbackId: string; payoutId: string; amountFen: number; reason: string }): Promise<PayoutResult>;
  /** The provider's own records of what it paid between these instants. */
  listPaid(range: { from: Date; to: Date }): Promise<ProviderPayoutRecord[]>;
}
