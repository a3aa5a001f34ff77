// Claiming a coupon, first come first served: ONE statement raises the coupon's count by a conditional update
// (never past its total: a CHECK stands behind it) and writes the shopper's n-th claim, numbered 1..limit and unique
// per (coupon, shopper, n), so neither the total nor the per-shopper limit can be passed under any concurrency.
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { singleton } from "~/lib/singleton.server";
import { showRoom } from "~/domain/live/live-state";
import { SQLSTATE, sqlErrorOf } from "~/lib/sql-error.server";
import { Conflict, NotFound } from "../errors.server";
import { newId } from "../checkout/order-statement.server";

/** Coupons with none left: a count only rises, so once all are claimed it stays so; later claims need no query. */
const allClaimed = singleton("promotions:all-claimed", () => new Set<string>());

export type Claimed = { claimId: string; expiresAt: Date; remaining: number };

type ClaimRow = {
  claimId: string | null;
  expiresAt: Date | null;
  remaining: number | null;
  limit: number;
  mine: number;
  open: boolean;
  showIds: string[];
};

/** Why a claim the statement did not give was refused, from what the statement saw. */
function refusal(couponId: string, row: ClaimRow | undefined) {
  if (!row) return new NotFound("promotions:error.unknownCoupon");
  if (row.mine >= row.limit) return new Conflict("promotions:error.limitReached");
  if (!row.open) return new Conflict("promotions:error.notOpen");
  // Nothing else stops a claim: the last one went (perhaps while this statement waited for it).
  allClaimed.add(couponId);
  return new Conflict("promotions:error.allClaimed");
}

/** Whether every claim of the coupon is known to be given already (no query): later taps hear so at once. */
export const knownAllClaimed = (couponId: string) => allClaimed.has(couponId);

/** Gives the shopper one claim of the coupon, or throws why not (all claimed, their limit, not open). */
export async function claimCoupon(couponId: string, userId: string): Promise<Claimed> {
  if (allClaimed.has(couponId)) throw new Conflict("promotions:error.allClaimed");
  let rows: ClaimRow[];
  try {
    // One round trip, claimed or not: the coupon as the statement saw it says why not.
    rows = await db.$queryRaw<ClaimRow[]>`
      WITH mine AS (
        SELECT count(*)::int AS n FROM "CouponClaim" WHERE "couponId" = ${couponId} AND "userId" = ${userId}),
      taken AS (
        UPDATE "Coupon" SET "claimed" = "claimed" + 1
        WHERE "id" = ${couponId} AND "claimed" < "total" AND "stoppedAt" IS NULL
          AND "claimStartsAt" <= now() AND "claimEndsAt" > now()
          AND (SELECT n FROM mine) < "perShopperLimit"
        RETURNING "id", "total" - "claimed" AS remaining, "validHours"),
      claim AS (
        INSERT INTO "CouponClaim" ("id", "couponId", "userId", "seq", "claimedAt", "expiresAt")
        SELECT ${newId()}, t."id", ${userId}, (SELECT n FROM mine) + 1, now(), now() + t."validHours" * interval '1 hour'
        FROM taken t
        RETURNING "id", "expiresAt")
      SELECT (SELECT "id" FROM claim) AS "claimId", (SELECT "expiresAt" FROM claim) AS "expiresAt",
        (SELECT remaining::int FROM taken) AS remaining, cp."perShopperLimit" AS "limit", (SELECT n FROM mine) AS mine,
        (cp."stoppedAt" IS NULL AND cp."claimStartsAt" <= now() AND cp."claimEndsAt" > now()) AS open,
        ARRAY(SELECT s."id" FROM "Show" s WHERE s."pinnedCouponId" = cp."id") AS "showIds"
      FROM "Coupon" cp WHERE cp."id" = ${couponId}`;
  } catch (error) {
    const sqlState = sqlErrorOf(error)?.sqlState;
    // The same shopper claiming twice at once: the second n-th claim is refused by the unique (coupon, user, n).
    if (sqlState === SQLSTATE.uniqueViolation) throw new Conflict("promotions:error.limitReached");
    // A user id that is not a user (a deleted account) is a refusal, not a crash.
    if (sqlState === SQLSTATE.foreignKeyViolation) throw new NotFound("promotions:error.unknownCoupon");
    throw error;
  }
  const row = rows[0];
  if (!row?.claimId || row.remaining === null || !row.expiresAt) throw refusal(couponId, row);
  if (row.remaining <= 0) allClaimed.add(couponId);
  for (const showId of row.showIds)
    events.publish({
      room: showRoom(showId),
      type: "coupon:remaining",
      payload: { couponId, remaining: row.remaining },
    });
  return { claimId: row.claimId, expiresAt: row.expiresAt, remaining: row.remaining };
}
