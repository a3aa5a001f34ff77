// The one answer to a coupon card's claim (JSON): the claim, or the refusal with its key and status. Used by the
// lean endpoint ahead of Express (server/coupon-claim.ts), which a whole room's taps reach in one instant, and by
// the Remix route for a plain form post.
import { claimCoupon, knownAllClaimed } from "../domain/promotions/coupon-claims.server";
import { DomainError } from "../domain/errors.server";
import { refusalOf } from "./domain-error-answer.server";

export const COUPON_CLAIM_PATH = /^\/coupons\/([A-Za-z0-9_-]{1,64})\/claim$/;

export type ClaimReply =
  | { ok: true; remaining: number; expiresAt: string }
  | { ok: false; error: { key: string; values?: Record<string, string | number> } };

/** `userIdOf` is asked only when needed: once all are claimed, a tap is answered before its session is read. */
export async function claimAnswer(
  couponId: string,
  userIdOf: () => Promise<string | null>,
): Promise<{ status: number; reply: ClaimReply }> {
  if (knownAllClaimed(couponId))
    return { status: 409, reply: { ok: false, error: { key: "promotions:error.allClaimed" } } };
  const userId = await userIdOf();
  if (!userId) return { status: 401, reply: { ok: false, error: { key: "promotions:error.logIn" } } };
  try {
    const claimed = await claimCoupon(couponId, userId);
    return {
      status: 200,
      reply: { ok: true, remaining: claimed.remaining, expiresAt: claimed.expiresAt.toISOString() },
    };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return { status: (error as DomainError).status, reply: { ok: false, error: refusal } };
  }
}
