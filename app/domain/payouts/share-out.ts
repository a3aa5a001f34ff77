// The workers' share of a premium fund: in proportion to each worker's recorded work, to the fen, the fen the
// rounding leaves over going to one named worker, so the shares always sum exactly to the fund.

export type WorkShare = { workerId: string; work: number };

/**
 * Splits `fundFen` over the workers by their work (each share rounded down), and gives what is left to
 * `remainderTo` (or, if that worker did no work this period, to the one who did most). No work: no shares.
 */
export function shareOutFund(fundFen: number, works: WorkShare[], remainderTo: string | null): Map<string, number> {
  const counted = works.filter((w) => w.work > 0);
  const shares = new Map<string, number>();
  if (!Number.isSafeInteger(fundFen) || fundFen < 0) throw new RangeError(`fund must be whole fen ≥ 0: ${fundFen}`);
  const total = counted.reduce((sum, w) => sum + w.work, 0);
  if (total === 0) return shares;
  let given = 0;
  for (const w of counted) {
    // BigInt keeps fund × work exact whatever their size.
    const share = Number((BigInt(fundFen) * BigInt(w.work)) / BigInt(total));
    shares.set(w.workerId, (shares.get(w.workerId) ?? 0) + share);
    given += share;
  }
  const named = remainderTo && shares.has(remainderTo) ? remainderTo : mostWork(counted);
  shares.set(named, (shares.get(named) ?? 0) + (fundFen - given));
  return shares;
}

function mostWork(works: WorkShare[]): string {
  return works.reduce((best, w) => (w.work > best.work ? w : best)).workerId;
}

export const WORK_UNITS = ["pieces", "hours", "days"] as const;
export type WorkUnit = (typeof WORK_UNITS)[number];
