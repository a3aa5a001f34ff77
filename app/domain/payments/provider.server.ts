// How money is taken and given back: one interface, two implementations chosen by configuration.
// `stripe` when a Stripe key is set (or PAYMENT_PROVIDER=stripe), otherwise `local`: a clearly labelled
// test page where no money moves. Both drive the same "payment succeeded" path (./settle.server.ts).
import { env } from "~/lib/env.server";
import { localProvider } from "./local.server";
import type { PaymentProvider } from "./payment-provider";
import { stripeProvider } from "./stripe.server";

// The types live in ./payment-provider.ts, so the two implementations need not import this chooser.
export type { PayableOrder, PaymentContext, PaymentProvider, PaymentStart } from "./payment-provider";

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
