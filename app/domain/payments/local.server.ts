// The local provider: a test payment page in the app itself ("no money moves") that succeeds or declines
// and then drives exactly the same success path as a Stripe webhook.
import type { PaymentProvider } from "./payment-provider";

export const localProvider: PaymentProvider = {
  name: "local",
  async startPayment(order, context) {
    const query = new URLSearchParams({ token: order.accessToken, ...(context.sheet ? { sheet: "1" } : {}) });
    return { redirectUrl: `/pay/local/${order.id}?${query}`, paymentRef: `local_${order.id}` };
  },
  async cancelPayment() {},
  async refund({ orderId, scope }) {
    return { refundId: `local_refund_${orderId}_${scope}` };
  },
};
