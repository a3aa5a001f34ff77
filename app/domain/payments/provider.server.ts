// How money is taken and given back: one interface, two implementations chosen by configuration.
// `stripe` when a Stripe key is set (or PAYMENT_PROVIDER=stripe), otherwise `local`: a clearly labelled
// test page where no money moves. Both drive the same "payment succeeded" path (./settle.server.ts).
import { env } from "~/lib/env.server";
import { localProvider } from "./local.server";
import { stripeProvider } from "./stripe.server";

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

export function configuredProviderName(): "local" | "stripe" {
  const config = env();
  if (config.PAYMENT_PROVIDER) return config.PAYMENT_PROVIDER;
  return config.STRIPE_SECRET_KEY ? "stripe" : "local";
}

/** The provider new orders use. */
export function paymentProvider(): PaymentProvider {
  return providerFor(configuredProviderName());
}

/** The provider an existing order was placed with. */
export function providerFor(name: string): PaymentProvider {
  if (name === "stripe") return stripeProvider();
  if (name === "local") return localProvider;
  throw new Error(`Unknown payment provider: ${name}`);
}
