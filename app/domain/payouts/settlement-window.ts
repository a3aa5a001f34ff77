// When a delivered line can no longer be returned, so its money may leave the market: the after-sales windows
// of app/domain/after-sales/rules.ts (七天无理由 for most goods, the 48-hour claim window for perishables).
import { NO_REASON_DAYS, PERISHABLE_CLAIM_HOURS } from "../after-sales/rules";

export const SETTLE_AFTER_HOURS = { standard: NO_REASON_DAYS * 24, perishable: PERISHABLE_CLAIM_HOURS } as const;

/** The ledger account each payee kind is paid from. */
export const PAYEE_OF_ACCOUNT = {
  workshop: "workshop",
  workers_premium: "premium_fund",
  host: "host",
  village: "village",
  platform: "platform",
} as const;
