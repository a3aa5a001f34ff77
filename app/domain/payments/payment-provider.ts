// What a payment provider is: the order it is paid for, the call context, and the interface both providers keep.
export type PayableOrder = {
  id: string;
  number: string;
  accessToken: string;
  totalFen: number;
  shippingFen: number;
  email: string | null;
  expiresAt: Date;
  lines: {
    titleZh: string;
    titleEn: string;
    variantNameZh: string;
    variantNameEn: string;
    unitPriceFen: number;
    quantity: number;
  }[];
};

/** baseUrl: the site's public origin, for return links; sheet: the checkout runs inside the live room's sheet. */
export type PaymentContext = { baseUrl: string; locale: string; sheet?: boolean };

export type PaymentStart = { redirectUrl: string; paymentRef: string };

export interface PaymentProvider {
  readonly name: "local" | "stripe";
  /** Where to send the buyer to pay, and the provider's reference for this payment. Safe to call again. */
  startPayment(order: PayableOrder, context: PaymentContext): Promise<PaymentStart>;
  /** Makes an unpaid payment unpayable (the order lapsed or was cancelled). */
  cancelPayment(payment: { orderId: string; paymentRef: string | null }): Promise<void>;
  /** Gives money back; the same (order, scope) never refunds twice. */
  refund(input: {
    orderId: string;
    paymentRef: string | null;
    amountFen: number;
    scope: string;
  }): Promise<{ refundId: string }>;
}
