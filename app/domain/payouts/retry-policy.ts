// When a payout that failed is tried again: permanent failures (a wrong account, a cap exceeded, a bad signature
// from our side) stop at once and need an admin; the rest back off exponentially through the job queue and,
// after the last attempt, also end in "needs attention" — never in a silent loss.
import type { PayoutResult } from "./payout-provider";

export const PAYOUT_MAX_ATTEMPTS = 8;
const BASE_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 6 * 60 * 60;

export type RetryDecision =
  | { kind: "done" }
  | { kind: "check-later"; afterSeconds: number }
  | { kind: "retry"; afterSeconds: number }
  | { kind: "needs-attention"; reason: string };

/** The wait before attempt `attempt + 1` (attempt counts from 1): 30 s, 60 s, 120 s … at most 6 hours. `jitter`
 *  (0–1, random in production) spreads retries of one run so they do not arrive together. */
export function backoffSeconds(attempt: number, jitter = 0): number {
  const plain = Math.min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** Math.max(0, attempt - 1));
  return Math.round(plain * (1 + 0.25 * Math.min(1, Math.max(0, jitter))));
}

/** What to do after attempt `attempt` of a payout answered `result`. */
export function decideRetry(result: PayoutResult, attempt: number, jitter = 0): RetryDecision {
  if (result.status === "paid") return { kind: "done" };
  // Accepted and still being processed: ask again later (query), never pay again.
  if (result.status === "processing") return { kind: "check-later", afterSeconds: backoffSeconds(attempt, jitter) };
  if (result.permanent) return { kind: "needs-attention", reason: result.failure ?? "permanent failure" };
  if (attempt >= PAYOUT_MAX_ATTEMPTS)
    return { kind: "needs-attention", reason: `${result.failure ?? "failed"} (after ${attempt} attempts)` };
  return { kind: "retry", afterSeconds: backoffSeconds(attempt, jitter) };
}

/** The same, as pg-boss's own retry options for a job that throws on a retryable failure. */
export const PAYOUT_JOB_RETRY = {
  retryLimit: PAYOUT_MAX_ATTEMPTS - 1,
  retryDelay: BASE_DELAY_SECONDS,
  retryBackoff: true,
} as const;

/** HTTP answers that heal by themselves (rate limits, the provider's own errors, timeouts). */
export function isRetryableHttpStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** A failure as a PayoutResult, classified. */
export function failed(failure: string, permanent: boolean): PayoutResult {
  return { status: "failed", providerRef: null, failure, permanent };
}
