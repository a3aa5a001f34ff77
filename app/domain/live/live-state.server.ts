// The whole current state of a show, for a client that joins (or rejoins) its live room, and the product
// cards the room shows (built once per pin and sent to everyone, never per viewer).
import { productCardFields } from "../catalogue/catalogue.server";
import { pinnedCouponCard } from "../promotions/coupon-cards.server";
import { db } from "~/lib/db.server";
import {
  CHAT_KEEP,
  type ChatLine,
  type DealView,
  type LiveState,
  type PinView,
  type ProductCard,
} from "~/domain/live/live-state";
import { currentLuckyBag } from "../promotions/lucky-bags.server";
import { recentSales } from "./show-stats.server";
import { recordingHref } from "./recording-paths";

const cardSelect = {
  ...productCardFields,
  reviewCount: true,
  reviewStarsSum: true,
  workshop: { select: { nameZh: true, nameEn: true, premiumRateBp: true } },
  variants: {
    orderBy: { position: "asc" as const },
    select: { id: true, nameZh: true, nameEn: true, priceFen: true, marketPriceFen: true, stock: true },
  },
};

type CardRow = {
  id: string;
  slug: string;
  titleZh: string;
  titleEn: string;
  images: string[];
  perishable: boolean;
  preorder: boolean;
  customisable: boolean;
  category: { alcohol: boolean };
  reviewCount: number;
  reviewStarsSum: number;
  workshop: { nameZh: string; nameEn: string; premiumRateBp: number };
  variants: ProductCard["variants"];
};

function toCard(row: CardRow): ProductCard {
  return {
    productId: row.id,
    slug: row.slug,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    image: row.images[0] ?? null,
    workshopZh: row.workshop.nameZh,
    workshopEn: row.workshop.nameEn,
    premiumRateBp: row.workshop.premiumRateBp,
    perishable: row.perishable,
    preorder: row.preorder,
    customisable: row.customisable,
    alcohol: row.category.alcohol,
    reviewCount: row.reviewCount,
    reviewStarsSum: row.reviewStarsSum,
    variants: row.variants,
  };
}

export async function productCard(productId: string): Promise<ProductCard | null> {
  const row = await db.product.findUnique({ where: { id: productId }, select: cardSelect });
  return row ? toCard(row) : null;
}

export async function productCards(productIds: string[]): Promise<Map<string, ProductCard>> {
  const rows = await db.product.findMany({ where: { id: { in: productIds } }, select: cardSelect });
  return new Map(rows.map((row) => [row.id, toCard(row)]));
}

type DealRow = {
  id: string;
  variantId: string;
  priceFen: number;
  quantityCap: number;
  sold: number;
  startsAt: Date;
  endsAt: Date;
  variant: { productId: string; priceFen: number; stock: number };
};

export const dealSelect = {
  id: true,
  variantId: true,
  priceFen: true,
  quantityCap: true,
  sold: true,
  startsAt: true,
  endsAt: true,
  variant: { select: { productId: true, priceFen: true, stock: true } },
} as const;

export function toDealView(deal: DealRow): DealView {
  return {
    id: deal.id,
    productId: deal.variant.productId,
    variantId: deal.variantId,
    priceFen: deal.priceFen,
    listPriceFen: deal.variant.priceFen,
    quantityCap: deal.quantityCap,
    sold: deal.sold,
    // What can still be bought at the deal price: the cap less what sold, and never more than is in stock.
    remaining: Math.max(0, Math.min(deal.quantityCap - deal.sold, deal.variant.stock)),
    startsAt: deal.startsAt.toISOString(),
    endsAt: deal.endsAt.toISOString(),
  };
}

/** The deal running now in a show, if any (one at a time; see flash-deals.server.ts). */
export async function activeDeal(showId: string, now = new Date()): Promise<DealView | null> {
  const deal = await db.flashDeal.findFirst({
    where: { showId, stoppedAt: null, startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: { startsAt: "desc" },
    select: dealSelect,
  });
  return deal ? toDealView(deal) : null;
}

export async function activePin(showId: string): Promise<PinView | null> {
  const pin = await db.pin.findFirst({
    where: { showId, unpinnedAt: null },
    select: { id: true, pinnedAt: true, variantId: true, product: { select: cardSelect } },
  });
  if (!pin) return null;
  return { pinId: pin.id, pinnedAt: pin.pinnedAt.toISOString(), variantId: pin.variantId, card: toCard(pin.product) };
}

export async function recentChat(showId: string, hostUserId: string): Promise<ChatLine[]> {
  const rows = await db.chatMessage.findMany({
    where: { showId, hidden: false },
    orderBy: { createdAt: "desc" },
    take: CHAT_KEEP,
    select: { id: true, authorName: true, text: true, createdAt: true, userId: true },
  });
  return rows.reverse().map((row) => ({
    id: row.id,
    authorName: row.authorName,
    text: row.text,
    at: row.createdAt.toISOString(),
    byHost: row.userId === hostUserId,
  }));
}

/** Everything a client needs to draw the room; null when there is no such show. */
export async function getLiveState(showId: string, viewers = 0): Promise<LiveState | null> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: {
      id: true,
      title: true,
      coverImage: true,
      scheduledAt: true,
      startedAt: true,
      endedAt: true,
      status: true,
      playbackKind: true,
      playbackUrl: true,
      recordingUrl: true,
      slowModeSeconds: true,
      recordings: { where: { status: "ready" }, orderBy: { startedAt: "asc" }, take: 1, select: { file: true } },
      host: {
        select: {
          userId: true,
          displayNameZh: true,
          displayNameEn: true,
          avatar: true,
          villageZh: true,
          villageEn: true,
        },
      },
      items: { orderBy: { position: "asc" }, select: { product: { select: cardSelect } } },
    },
  });
  if (!show) return null;
  const live = show.status === "live";
  const [pin, deal, coupon, chat, sales, luckyBag] = await Promise.all([
    live ? activePin(showId) : null,
    live ? activeDeal(showId) : null,
    live ? pinnedCouponCard(showId) : null,
    recentChat(showId, show.host.userId),
    recentSales(showId),
    live ? currentLuckyBag(showId) : null,
  ]);
  return {
    showId: show.id,
    title: show.title,
    coverImage: show.coverImage,
    scheduledAt: show.scheduledAt.toISOString(),
    status: show.status,
    startedAt: show.startedAt?.toISOString() ?? null,
    endedAt: show.endedAt?.toISOString() ?? null,
    // The host's own replay URL wins; otherwise the broadcast's first recording.
    recordingUrl: show.recordingUrl ?? (show.recordings[0] ? recordingHref(show.recordings[0].file) : null),
    playback: show.playbackKind && show.playbackUrl ? { kind: show.playbackKind, url: show.playbackUrl } : null,
    host: {
      nameZh: show.host.displayNameZh,
      nameEn: show.host.displayNameEn,
      avatar: show.host.avatar,
      villageZh: show.host.villageZh,
      villageEn: show.host.villageEn,
    },
    pin,
    deal,
    coupon,
    lineUp: show.items.map((item) => toCard(item.product)),
    viewers,
    chat,
    sales,
    slowModeSeconds: show.slowModeSeconds,
    luckyBag,
    serverTime: new Date().toISOString(),
  };
}
