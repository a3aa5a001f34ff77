// Claiming a coupon, first come first served: ONE statement raises the coupon's count by a conditional update
// (never past its total: a CHECK stands behind it) and writes the shopper's n-th claim, numbered 1..limit and unique
// per (coupon, shopper, n), so neither the total nor the per-shopper limit can be passed under any concurrency.
// Then the claims a shopper can still use at checkout, and their taking and freeing by orders.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { singleton } from "~/lib/singleton.server";
import { showRoom } from "~/domain/live/live-state";
import { SQLSTATE, sqlErrorOf } from "~/lib/sql-error.server";
import { Conflict, NotFound } from "../errors.server";
import { newId } from "../checkout/order-statement.server";
import type { ClaimedCoupon } from "./coupon-choice";

type Tx = Prisma.TransactionClient;

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

/** The claims a shopper can still use (not on an order, not expired, the coupon not stopped), soonest to expire first. */
export async function usableClaims(userId: string | null, now = new Date()): Promise<ClaimedCoupon[]> {
  if (!userId) return [];
  return (await usableClaimsOf([userId], now)).get(userId) ?? [];
}

/** usableClaims for many shoppers at once (a flash sale's group), in one query; every id gets a list. */
export async function usableClaimsOf(userIds: string[], now = new Date()): Promise<Map<string, ClaimedCoupon[]>> {
  const byUser = new Map<string, ClaimedCoupon[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return byUser;
  const claims = await db.couponClaim.findMany({
    where: { userId: { in: userIds }, orderId: null, expiresAt: { gt: now }, coupon: { stoppedAt: null } },
    orderBy: { expiresAt: "asc" },
    take: 50 * userIds.length,
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      coupon: {
        select: {
          id: true,
          funder: true,
          scope: true,
          workshopId: true,
          productId: true,
          showId: true,
          kind: true,
          thresholdFen: true,
          amountOffFen: true,
          percentOffBp: true,
          capFen: true,
        },
      },
    },
  });
  for (const { id, userId, expiresAt, coupon } of claims)
    byUser.get(userId)!.push({ ...coupon, couponId: coupon.id, claimId: id, expiresAt });
  return byUser;
}

/** How many claims of each coupon the shopper holds (for the live room's card: claimed already, or not). */
export async function claimCounts(userId: string, couponIds: string[]): Promise<Map<string, number>> {
  if (!couponIds.length) return new Map();
  const rows = await db.couponClaim.groupBy({
    by: ["couponId"],
    where: { userId, couponId: { in: couponIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.couponId, row._count._all]));
}

/** Frees the claim an unpaid order held (it lapsed or was cancelled), so the shopper can use it again. */
export async function freeClaimOf(tx: Tx, orderId: string): Promise<void> {
  await tx.couponClaim.updateMany({ where: { orderId }, data: { orderId: null, usedAt: null } });
}

/**
 * Takes the claim back for an order paid after its hold lapsed; false when the claim went to another order since
 * (the order cannot keep its discount twice).
 */
export async function retakeClaim(tx: Tx, orderId: string, claimId: string | null): Promise<boolean> {
  if (!claimId) return true;
  const taken = await tx.$executeRaw`
    UPDATE "CouponClaim" SET "orderId" = ${orderId}, "usedAt" = now()
    WHERE "id" = ${claimId} AND ("orderId" IS NULL OR "orderId" = ${orderId})`;
  return taken === 1;
}
