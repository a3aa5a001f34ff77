// The Stripe provider: a hosted Checkout Session per order (card, plus Alipay and WeChat Pay where the
// account allows them), with an idempotency key derived from the order on every create call, so a retried
// request never makes a second session or a second refund.
import Stripe from "stripe";
import { env } from "~/lib/env.server";
import type { PayableOrder, PaymentProvider } from "./payment-provider";

// Stripe refuses a Checkout Session that expires sooner than this; our own hold is shorter, so the
// reservation-expiry job closes the session when the hold lapses.
const STRIPE_MIN_SESSION_SECONDS = 30 * 60 + 60;
const WALLETS = ["card", "alipay", "wechat_pay"] as const;

let cached: { key: string; client: Stripe } | undefined;

/** The SDK client; STRIPE_API_HOST (e.g. http://127.0.0.1:12111) points it at a stand-in. */
export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_API_HOST: apiHost } = env();
  if (!secretKey) throw new Error("STRIPE_SECRET_KEY is not set, so the Stripe provider cannot be used.");
  const key = `${secretKey}|${apiHost ?? ""}`;
  if (cached?.key !== key) {
    const host = apiHost ? new URL(apiHost) : null;
    const client = new Stripe(secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...(host
        ? { host: host.hostname, port: host.port || undefined, protocol: host.protocol === "http:" ? "http" : "https" }
        : {}),
    });
    cached = { key, client };
  }
  return cached.client;
}

export const idempotencyKey = (orderId: string, action: string) => `cunbo-order-${orderId}-${action}`;

function sessionParams(order: PayableOrder, baseUrl: string, locale: string): Stripe.Checkout.SessionCreateParams {
  const en = locale === "en";
  const back = `${baseUrl}/orders/${order.id}?${new URLSearchParams({ token: order.accessToken })}`;
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = order.lines.map((line) => ({
    quantity: line.quantity,
    price_data: {
      currency: "cny",
      unit_amount: line.unitPriceFen,
      product_data: {
        name: en ? `${line.titleEn} · ${line.variantNameEn}` : `${line.titleZh} · ${line.variantNameZh}`,
      },
    },
  }));
  if (order.shippingFen > 0) {
    lineItems.push({
      quantity: 1,
      price_data: { currency: "cny", unit_amount: order.shippingFen, product_data: { name: en ? "Shipping" : "运费" } },
    });
  }
  const expiresAt = Math.max(
    Math.ceil(order.expiresAt.getTime() / 1000),
    Math.ceil(Date.now() / 1000) + STRIPE_MIN_SESSION_SECONDS,
  );
  return {
    mode: "payment",
    currency: "cny",
    line_items: lineItems,
    client_reference_id: order.id,
    metadata: { orderId: order.id, orderNumber: order.number },
    payment_intent_data: { metadata: { orderId: order.id, orderNumber: order.number } },
    customer_email: order.email ?? undefined,
    locale: en ? "en" : "zh",
    success_url: `${back}&paid=1`,
    cancel_url: back,
    expires_at: expiresAt,
  };
}

export function stripeProvider(): PaymentProvider {
  const stripe = stripeClient();
  return {
    name: "stripe",
    async startPayment(order, context) {
      const session = await stripe.checkout.sessions.create(
        {
          ...sessionParams(order, context.baseUrl, context.locale),
          // A filter on what the account is eligible for: cards always, Alipay and WeChat Pay where enabled.
          allowed_payment_method_types: [...WALLETS],
          payment_method_options: { wechat_pay: { client: "web" } },
        },
        { idempotencyKey: idempotencyKey(order.id, "checkout") },
      );
      if (!session.url) throw new Error(`Stripe returned no URL for the session of order ${order.id}`);
      return { redirectUrl: session.url, paymentRef: session.id };
    },
    async cancelPayment({ orderId, paymentRef }) {
      if (!paymentRef?.startsWith("cs_")) return;
      try {
        await stripe.checkout.sessions.expire(paymentRef, {}, { idempotencyKey: idempotencyKey(orderId, "expire") });
      } catch (error) {
        // Already complete or expired: nothing left to close.
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
      }
    },
    async refund({ orderId, paymentRef, amountFen, scope }) {
      if (!paymentRef?.startsWith("pi_")) throw new Error(`Order ${orderId} has no Stripe payment to refund`);
      const refund = await stripe.refunds.create(
        { payment_intent: paymentRef, amount: amountFen, metadata: { orderId, scope } },
        { idempotencyKey: idempotencyKey(orderId, `refund-${scope}`) },
      );
      return { refundId: refund.id };
    },
  };
}
