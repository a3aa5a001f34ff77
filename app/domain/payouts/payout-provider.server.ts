// Chooses the payout provider: the configured one (PAYOUT_PROVIDER, manual by default) for new runs, and the one a
// payout was sent with for everything after.
import { env } from "~/lib/env.server";
import type { PayoutProvider, PayoutProviderName } from "./payout-provider";
import { PAYOUT_PROVIDERS, type PayoutProviderFactory } from "./payout-providers.server";

const made = new Map<string, PayoutProvider>();

/** Adds (or replaces, in a test) a provider by name. */
export function registerPayoutProvider(name: PayoutProviderName, factory: PayoutProviderFactory) {
  PAYOUT_PROVIDERS[name] = factory;
  made.delete(name);
}

export function configuredPayoutProviderName(): PayoutProviderName {
  return env().PAYOUT_PROVIDER;
}

export function payoutProvider(name: string = configuredPayoutProviderName()): PayoutProvider {
  const existing = made.get(name);
  if (existing) return existing;
  const factory = PAYOUT_PROVIDERS[name as PayoutProviderName];
  if (!factory) throw new Error(`No payout provider "${name}" is registered`);
  const provider = factory();
  made.set(name, provider);
  return provider;
}
