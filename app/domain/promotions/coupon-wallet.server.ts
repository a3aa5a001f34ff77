// A shopper's coupon wallet: the claims they can still use at checkout, and their taking back and freeing by orders.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import type { ClaimedCoupon } from "./coupon-choice";

type Tx = Prisma.TransactionClient;

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
