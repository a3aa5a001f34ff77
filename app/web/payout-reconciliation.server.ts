// The admin's reconciliation of one Shanghai day: the configured provider's records against the ledger's payouts.
// `manual` has no provider records to fetch (the bank's statement is compared by hand), so nothing is read.
import { shanghaiDay, shanghaiDayStart, shanghaiDayToDate } from "~/lib/shanghai-time";
import { env } from "~/lib/env.server";
import {
  payoutLookupFrom,
  readLedgerPayouts,
  reconcileProvider,
  withOrderNumbers,
  type ReconciliationDifference,
} from "~/domain/payouts/reconciliation.server";
import type { PayoutProviderName } from "~/domain/payouts/payout-provider";
import { payoutProviderFromEnv } from "./payout-provider-config.server";

export type ReconciliationView = {
  provider: PayoutProviderName;
  day: string;
  ledgerCount: number;
  providerCount: number;
  differences: ReconciliationDifference[];
  /** Why the provider's records could not be fetched (unreachable, refused), to show instead of a crash. */
  failure: string | null;
};

/** YYYY-MM-DD of a real day, or yesterday in Shanghai (the last whole day) when none or nonsense is asked. */
export function reconciliationDay(asked: string | null, now = new Date()): string {
  if (asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && shanghaiDay(shanghaiDayToDate(asked)) === asked) return asked;
  return shanghaiDay(shanghaiDayStart(now, 1));
}

export async function loadReconciliation(day: string): Promise<ReconciliationView> {
  const settings = env();
  const view = {
    provider: settings.PAYOUT_PROVIDER,
    day,
    ledgerCount: 0,
    providerCount: 0,
    differences: [],
    failure: null,
  };
  if (settings.PAYOUT_PROVIDER === "manual") return view;
  const from = shanghaiDayToDate(day);
  const range = { from, to: new Date(from.getTime() + 24 * 3_600_000) };
  const ledger = await readLedgerPayouts(settings.PAYOUT_PROVIDER, range);
  const provider = payoutProviderFromEnv(
    settings,
    payoutLookupFrom(async () => ledger),
  );
  if (!provider) return view;
  try {
    const report = await reconcileProvider({ provider, range, ledger });
    const differences = await withOrderNumbers(report.differences);
    return { ...view, ...report, differences, provider: report.provider, day, failure: null };
  } catch (error) {
    return { ...view, ledgerCount: ledger.length, failure: (error as Error).message };
  }
}
