// Coupons: made by a workshop (it funds them) or by the market (the platform funds them), refused at creation
// when a workshop's share could not carry the discount on some product; pinned by a host in a live room; and
// counted (given out, used, the sales they led to) for the dashboards.
import type { Coupon } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { showRoom, type CouponCardView } from "~/domain/live/live-state";
import { cardSelect, pinnedCouponCard, toCouponCard } from "./coupon-cards.server";
import { Conflict, InvalidInput, NotFound } from "../errors.server";
import { lockShow } from "../live/show-lock.server";
import { workshopShareFen, type CouponFunder } from "./coupon-choice";
import { couponValueFen } from "./coupon-discount";
import type { CouponForm } from "./coupon-schema";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type CouponMaker = { funder: CouponFunder; workshopId: string | null; userId: string };

/** The prices a workshop coupon must be carried at: each active variant's list price and any deal not over. */
async function pricesInScope(workshopId: string, form: CouponForm, now: Date) {
  const products = await db.product.findMany({
    where: {
      workshopId,
      status: "active",
      ...(form.scope === "product" ? { id: form.productId } : {}),
      ...(form.scope === "show" ? { showItems: { some: { showId: form.showId } } } : {}),
    },
    select: {
      titleZh: true,
      titleEn: true,
      variants: {
        select: {
          priceFen: true,
          flashDeals: { where: { stoppedAt: null, endsAt: { gt: now } }, select: { priceFen: true } },
        },
      },
    },
  });
  return products.flatMap((product) =>
    product.variants.flatMap((variant) =>
      [variant.priceFen, ...variant.flashDeals.map((deal) => deal.priceFen)].map((priceFen) => ({
        priceFen,
        titleZh: product.titleZh,
        titleEn: product.titleEn,
      })),
    ),
  );
}

/**
 * Refuses a workshop coupon whose discount the workshop's share could not carry on some product. The discount a
 * line carries is its part of the whole (spreadDiscount), so the heaviest is on the smallest order it applies to:
 * a percentage takes the same part everywhere; an amount takes most of an order of one unit of the cheapest
 * goods, or of goods just at the threshold. Each unit price is checked at that part, with the highest host
 * commission any host earns.
 */
async function assertWorkshopCanCarry(workshopId: string, form: CouponForm, now: Date) {
  const [workshop, hosts, prices] = await Promise.all([
    db.workshop.findUniqueOrThrow({
      where: { id: workshopId },
      select: { premiumRateBp: true, villageFundRateBp: true },
    }),
    db.host.aggregate({ _max: { commissionRateBp: true } }),
    pricesInScope(workshopId, form, now),
  ]);
  if (!prices.length) throw new InvalidInput("promotions:error.nothingInScope");
  const terms = {
    kind: form.kind,
    thresholdFen: form.threshold,
    amountOffFen: form.amountOff ?? null,
    percentOffBp: form.percentOff ? form.percentOff * 100 : null,
    capFen: form.cap ?? null,
  };
  const cheapest = Math.min(...prices.map((p) => p.priceFen));
  const smallestOrder = Math.max(form.threshold, cheapest);
  const smallestDiscount = couponValueFen(terms, smallestOrder);
  for (const price of prices) {
    // This unit's part of the discount on the smallest order it can be in (to the fen, rounded up).
    const part = Math.ceil((price.priceFen * smallestDiscount) / Math.max(smallestOrder, price.priceFen));
    const share = workshopShareFen({ lineTotalFen: price.priceFen, ...workshop }, hosts._max.commissionRateBp ?? 0);
    if (part > share)
      throw new InvalidInput("promotions:error.workshopCannotCarry", {
        titleZh: price.titleZh,
        titleEn: price.titleEn,
        shareFen: share,
        partFen: part,
      });
  }
}

/** Makes a coupon after checking what it applies to belongs to its maker (and, for a workshop, that it can pay). */
export async function createCoupon(maker: CouponMaker, form: CouponForm, now = new Date()): Promise<Coupon> {
  const workshopId = maker.funder === "workshop" ? maker.workshopId : (form.workshopId ?? null);
  if (maker.funder === "workshop" && !workshopId) throw new InvalidInput("promotions:error.scope");
  if (form.scope === "workshop" && !workshopId) throw new InvalidInput("promotions:error.workshopId");
  let productWorkshop: string | null = null;
  if (form.scope === "product") {
    const product = await db.product.findUnique({ where: { id: form.productId }, select: { workshopId: true } });
    if (!product || (workshopId && product.workshopId !== workshopId))
      throw new InvalidInput("promotions:error.productId");
    productWorkshop = product.workshopId;
  }
  if (form.scope === "show") {
    const show = await db.show.findUnique({
      where: { id: form.showId },
      select: { status: true, items: { select: { product: { select: { workshopId: true } } } } },
    });
    if (!show || show.status === "ended") throw new InvalidInput("promotions:error.showId");
    if (workshopId && !show.items.some((item) => item.product.workshopId === workshopId))
      throw new InvalidInput("promotions:error.showWithoutWorkshop");
  }
  if (maker.funder === "workshop") await assertWorkshopCanCarry(workshopId!, form, now);
  return db.coupon.create({
    data: {
      funder: maker.funder,
      scope: form.scope,
      workshopId: workshopId ?? (maker.funder === "market" ? productWorkshop : null),
      productId: form.scope === "product" ? form.productId : null,
      showId: form.scope === "show" ? form.showId : null,
      kind: form.kind,
      thresholdFen: form.threshold,
      amountOffFen: form.kind === "amount_off" ? form.amountOff : null,
      percentOffBp: form.kind === "percent_off" ? form.percentOff! * 100 : null,
      capFen: form.kind === "percent_off" ? form.cap : null,
      claimStartsAt: now,
      claimEndsAt: new Date(now.getTime() + form.claimDays * DAY),
      total: form.total,
      perShopperLimit: form.perShopperLimit,
      validHours: form.validHours,
      createdById: maker.userId,
    },
  });
}

/** The coupons a host may pin in a show: open for claiming, and for this show, its line-up's workshops or the market. */
export async function couponsForShow(showId: string, now = new Date()) {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { pinnedCouponId: true, items: { select: { product: { select: { id: true, workshopId: true } } } } },
  });
  if (!show) throw new NotFound();
  const workshopIds = [...new Set(show.items.map((item) => item.product.workshopId))];
  const productIds = show.items.map((item) => item.product.id);
  const rows = await db.coupon.findMany({
    where: {
      stoppedAt: null,
      claimEndsAt: { gt: now },
      OR: [
        { scope: "show", showId },
        { scope: "workshop", workshopId: { in: workshopIds } },
        { scope: "product", productId: { in: productIds } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: cardSelect,
  });
  return rows.map((row) => ({ ...toCouponCard(row), pinned: row.id === show.pinnedCouponId }));
}

/** Pins a coupon in a live show (it replaces the one before); every viewer gets its card. */
export async function pinCoupon(showId: string, couponId: string, now = new Date()): Promise<CouponCardView> {
  const open = await couponsForShow(showId, now);
  if (!open.some((coupon) => coupon.couponId === couponId)) throw new InvalidInput("promotions:error.notForShow");
  await db.$transaction(async (tx) => {
    const show = await lockShow(tx, showId);
    if (show.status !== "live") throw new Conflict("live:error.notLive");
    await tx.show.update({ where: { id: showId }, data: { pinnedCouponId: couponId, couponPinnedAt: now } });
  });
  const card = (await pinnedCouponCard(showId))!;
  events.publish({ room: showRoom(showId), type: "coupon", payload: card });
  return card;
}

export async function unpinCoupon(showId: string): Promise<string | null> {
  const couponId = await db.$transaction(async (tx) => {
    await lockShow(tx, showId);
    const show = await tx.show.findUniqueOrThrow({ where: { id: showId }, select: { pinnedCouponId: true } });
    if (!show.pinnedCouponId) return null;
    await tx.show.update({ where: { id: showId }, data: { pinnedCouponId: null, couponPinnedAt: null } });
    return show.pinnedCouponId;
  });
  if (couponId) events.publish({ room: showRoom(showId), type: "coupon:unpin", payload: { couponId } });
  return couponId;
}

export type CouponFigures = CouponCardView & {
  scope: Coupon["scope"];
  createdAt: string;
  stopped: boolean;
  /** Claims whose order was paid. */
  used: number;
  /** What the paid orders that used it came to (goods after the discount). */
  salesFen: number;
  discountFen: number;
};

/** Each coupon's figures: given out, used on a paid order, and the sales those orders came to. */
export async function couponFigures(where: { workshopId?: string; funder?: CouponFunder; showIds?: string[] }) {
  const coupons = await db.coupon.findMany({
    where: {
      ...(where.workshopId ? { workshopId: where.workshopId, funder: "workshop" } : {}),
      ...(where.funder ? { funder: where.funder } : {}),
      ...(where.showIds ? { showId: { in: where.showIds } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { ...cardSelect, scope: true, createdAt: true, stoppedAt: true },
  });
  const ids = coupons.map((c) => c.id);
  const used = ids.length
    ? await db.$queryRaw<{ couponId: string; used: number; salesFen: number; discountFen: number }[]>`
        SELECT c."couponId", count(*)::int AS used,
          coalesce(sum(o."subtotalFen" - o."discountFen"), 0)::int AS "salesFen", coalesce(sum(o."discountFen"), 0)::int AS "discountFen"
        FROM "CouponClaim" c JOIN "Order" o ON o."id" = c."orderId"
        WHERE c."couponId" IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)) AND o."paidAt" IS NOT NULL
        GROUP BY c."couponId"`
    : [];
  return coupons.map((coupon): CouponFigures => {
    const figures = used.find((u) => u.couponId === coupon.id);
    return {
      ...toCouponCard(coupon),
      scope: coupon.scope,
      createdAt: coupon.createdAt.toISOString(),
      stopped: coupon.stoppedAt !== null,
      used: figures?.used ?? 0,
      salesFen: figures?.salesFen ?? 0,
      discountFen: figures?.discountFen ?? 0,
    };
  });
}
