// A coupon as the live room shows it (its card), built from one select, and the card pinned in a show now.
import type { Coupon } from "~/generated/prisma/client";
import type { CouponCardView } from "~/domain/live/live-state";
import { db } from "~/lib/db.server";

export const cardSelect = {
  id: true,
  funder: true,
  kind: true,
  thresholdFen: true,
  amountOffFen: true,
  percentOffBp: true,
  capFen: true,
  total: true,
  claimed: true,
  perShopperLimit: true,
  validHours: true,
  claimEndsAt: true,
  workshop: { select: { nameZh: true, nameEn: true } },
} as const;

type CardRow = Pick<
  Coupon,
  | "id"
  | "funder"
  | "kind"
  | "thresholdFen"
  | "amountOffFen"
  | "percentOffBp"
  | "capFen"
  | "total"
  | "claimed"
  | "perShopperLimit"
  | "validHours"
  | "claimEndsAt"
> & { workshop: { nameZh: string; nameEn: string } | null };

export function toCouponCard(row: CardRow): CouponCardView {
  return {
    couponId: row.id,
    funder: row.funder,
    kind: row.kind,
    thresholdFen: row.thresholdFen,
    amountOffFen: row.amountOffFen,
    percentOffBp: row.percentOffBp,
    capFen: row.capFen,
    workshopNameZh: row.funder === "workshop" ? (row.workshop?.nameZh ?? null) : null,
    workshopNameEn: row.funder === "workshop" ? (row.workshop?.nameEn ?? null) : null,
    remaining: row.total - row.claimed,
    total: row.total,
    perShopperLimit: row.perShopperLimit,
    validHours: row.validHours,
    claimEndsAt: row.claimEndsAt.toISOString(),
  };
}

export async function pinnedCouponCard(showId: string): Promise<CouponCardView | null> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { pinnedCoupon: { select: cardSelect } } });
  return show?.pinnedCoupon ? toCouponCard(show.pinnedCoupon) : null;
}
