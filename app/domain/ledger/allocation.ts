// Where every fen of a line goes (the ledger's one allocation function) and the 共富价 premium a page shows
// for a line, taken from it. Pure and client-safe, so every page (and the live room in the browser) shows
// exactly the figure the ledger will write.
import type { LedgerAccount } from "~/generated/prisma/enums";

/** The platform's share of every line, in basis points. One constant, so it is changed in one place. */
export const PLATFORM_RATE_BP = 500;

const BP = 10_000;

export type LineShares = Record<LedgerAccount, number>;

export type AllocationInput = {
  lineTotalFen: number;
  premiumRateBp: number;
  villageFundRateBp: number;
  /** The host's commission snapshot; null (or 0) when no show led to the line. */
  hostCommissionBp: number | null;
};

/**
 * THE allocation function. The 共富价 premium is the part of the price above market value
 * (line × r / (1 + r)); the village, host and platform shares are plain rates of the line; each share is
 * rounded down once and capped by what is left, in that order, and the workshop gets the remainder, so
 * the shares always sum exactly to the line total and none is ever negative.
 */
export function allocateLine(input: AllocationInput): LineShares {
  const total = input.lineTotalFen;
  for (const [name, value] of Object.entries(input)) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0))
      throw new RangeError(`${name} must be a non-negative integer`);
  }
  if (total > 1_000_000_000) throw new RangeError("lineTotalFen is beyond any real order");
  let left = total;
  const take = (fen: number) => {
    const share = Math.min(fen, left);
    left -= share;
    return share;
  };
  const premiumRate = Math.min(input.premiumRateBp, BP);
  const workers_premium = take(Math.floor((total * premiumRate) / (BP + premiumRate)));
  const village = take(Math.floor((total * Math.min(input.villageFundRateBp, BP)) / BP));
  const host = take(Math.floor((total * Math.min(input.hostCommissionBp ?? 0, BP)) / BP));
  const platform = take(Math.floor((total * PLATFORM_RATE_BP) / BP));
  return { workshop: left, workers_premium, host, village, platform };
}

export type PremiumLine = {
  /** The price actually charged for one unit: the flash deal's while a deal applies, else the list price. */
  unitPriceFen: number;
  quantity: number;
  /** The workshop's 共富价 rate (on an order line: the snapshot taken when it was placed). */
  premiumRateBp: number;
};

/**
 * THE premium shown for a line, on every page: what the ledger's allocation gives the workers' premium fund
 * for this price × quantity. The premium share is taken first, so the other rates never change it.
 */
export function linePremiumFen(line: PremiumLine): number {
  return allocateLine({
    lineTotalFen: line.unitPriceFen * line.quantity,
    premiumRateBp: line.premiumRateBp,
    villageFundRateBp: 0,
    hostCommissionBp: null,
  }).workers_premium;
}
