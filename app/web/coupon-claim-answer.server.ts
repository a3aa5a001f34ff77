// The one answer to a coupon card's claim (JSON): the claim, or the refusal with its key and status. Used by the
// lean endpoint ahead of Express (server/coupon-claim.ts), which a whole room's taps reach in one instant, and by
// the Remix route for a plain form post.
import { claimCoupon } from "../domain/promotions/coupon-claims.server";
import { DomainError } from "../domain/errors.server";
import { refusalOf } from "./domain-error-answer.server";

export const COUPON_CLAIM_PATH = /^\/coupons\/([A-Za-z0-9_-]{1,64})\/claim$/;

export type ClaimReply =
  | { ok: true; remaining: number; expiresAt: string }
  | { ok: false; error: { key: string; values?: Record<string, string | number> } };

export async function claimAnswer(
  couponId: string,
  userId: string | null,
): Promise<{ status: number; reply: ClaimReply }> {
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
