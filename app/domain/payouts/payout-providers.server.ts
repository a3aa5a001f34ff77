// The payout providers Cunbo knows, by name: each entry makes the provider. Adapters add their line here.
import type { PayoutProvider, PayoutProviderName } from "./payout-provider";
import { manualPayoutProvider } from "./manual-provider.server";

export type PayoutProviderFactory = () => PayoutProvider;

export const PAYOUT_PROVIDERS: Partial<Record<PayoutProviderName, PayoutProviderFactory>> = {
  manual: () => manualPayoutProvider,
};
