// The live room's state as both server and browser see it, and the one pure function that applies a
// realtime event to it (so a client can replay events that arrived while it waited for the full state).
import type { ShowRoomEvent, ShowRoomPayloads } from "../events";
import type { LuckyBagView } from "../promotions/lucky-bag-rules";

export type CardVariant = {
  id: string;
  nameZh: string;
  nameEn: string;
  priceFen: number;
  /** Market value, as the workshop states it (what reaches the workers is the ledger's share: allocation.ts). */
  marketPriceFen: number | null;
  stock: number;
};

export type ProductCard = {
  productId: string;
  slug: string;
  titleZh: string;
  titleEn: string;
  image: string | null;
  workshopZh: string;
  workshopEn: string;
  premiumRateBp: number;
  perishable: boolean;
  preorder: boolean;
  customisable: boolean;
  /** Rice wine and other drinks: the card carries the minors notice. */
  alcohol: boolean;
  /** Reviews not hidden, and their stars added up (the rating is their quotient). */
  reviewCount: number;
  reviewStarsSum: number;
  variants: CardVariant[];
};

export type PinView = { pinId: string; pinnedAt: string; variantId: string | null; card: ProductCard };

export type DealView = {
  id: string;
  productId: string;
  variantId: string;
  priceFen: number;
  listPriceFen: number;
  quantityCap: number;
  sold: number;
  remaining: number;
  startsAt: string;
  endsAt: string;
};

export type DealEnd = { id: string; reason: "ended" | "stopped" | "sold_out" | "show_ended" };

export type ChatLine = { id: string; authorName: string; text: string; at: string; byHost: boolean };

/** One line of the sold ticker: where and how many, never who. */
export type SaleLine = {
  id: string;
  /** The buyer's city as they wrote it, and as English writes it (Hangzhou). */
  city: string;
  cityEn: string;
  quantity: number;
  titleZh: string;
  titleEn: string;
  at: string;
};

export type ShowStatusView = {
  status: "scheduled" | "live" | "ended";
  startedAt: string | null;
  endedAt: string | null;
  recordingUrl: string | null;
};

/** The coupon the host has pinned in the room: its terms, and how many are left to claim. */
export type CouponCardView = {
  couponId: string;
  funder: "workshop" | "market";
  kind: "amount_off" | "percent_off";
  thresholdFen: number;
  amountOffFen: number | null;
  percentOffBp: number | null;
  capFen: number | null;
  /** Who funds it, as written (the workshop's name, or null for the market). */
  workshopNameZh: string | null;
  workshopNameEn: string | null;
  remaining: number;
  total: number;
  perShopperLimit: number;
  validHours: number;
  claimEndsAt: string;
};

export type CouponRemaining = { couponId: string; remaining: number };

export type StockChange = { variantId: string; stock: number; dealRemaining?: number };

export type LiveState = ShowStatusView & {
  /** Whether the show's own broadcast runs, as the room last heard (undefined: not heard yet; the player asks). */
  broadcasting?: boolean;
  showId: string;
  title: string;
  coverImage: string | null;
  scheduledAt: string;
  playback: { kind: "hls" | "embed"; url: string } | null;
  host: { nameZh: string; nameEn: string; avatar: string | null; villageZh: string; villageEn: string };
  pin: PinView | null;
  deal: DealView | null;
  coupon: CouponCardView | null;
  lineUp: ProductCard[];
  viewers: number;
  chat: ChatLine[];
  sales: SaleLine[];
  slowModeSeconds: number;
  /** The lucky bag running now, or the one drawn last (its winners), if any. */
  luckyBag: LuckyBagView | null;
  /** The server's clock when the state was built, so countdowns can correct for a phone's wrong clock. */
  serverTime: string;
};

export const CHAT_KEEP = 50;
export const SALES_KEEP = 10;

function withStock(card: ProductCard, change: StockChange): ProductCard {
  if (!card.variants.some((v) => v.id === change.variantId)) return card;
  return {
    ...card,
    variants: card.variants.map((v) => (v.id === change.variantId ? { ...v, stock: change.stock } : v)),
  };
}

/** Applies one show-room event. Events are "set to" facts, so applying one the state already holds is harmless. */
export function applyLiveEvent(state: LiveState, { type, payload }: ShowRoomEvent): LiveState {
  switch (type) {
    case "pin": {
      const pin = payload;
      const lineUp = state.lineUp.map((card) => (card.productId === pin.card.productId ? pin.card : card));
      return { ...state, pin, lineUp };
    }
    case "unpin": {
      const { pinId } = payload;
      return state.pin?.pinId === pinId ? { ...state, pin: null } : state;
    }
    case "deal":
      return { ...state, deal: payload };
    case "deal:end": {
      const { id } = payload;
      return state.deal?.id === id ? { ...state, deal: null } : state;
    }
    case "stock": {
      const change = payload;
      const deal =
        state.deal && state.deal.variantId === change.variantId && change.dealRemaining !== undefined
          ? { ...state.deal, remaining: change.dealRemaining }
          : state.deal;
      const pin = state.pin ? { ...state.pin, card: withStock(state.pin.card, change) } : null;
      return { ...state, pin, deal, lineUp: state.lineUp.map((card) => withStock(card, change)) };
    }
    case "sold": {
      const sale = payload;
      if (state.sales.some((s) => s.id === sale.id)) return state;
      return { ...state, sales: [sale, ...state.sales].slice(0, SALES_KEEP) };
    }
    case "chat": {
      const line = payload;
      if (state.chat.some((c) => c.id === line.id)) return state;
      return { ...state, chat: [...state.chat, line].slice(-CHAT_KEEP) };
    }
    case "chat:hide": {
      const { id } = payload;
      return { ...state, chat: state.chat.filter((c) => c.id !== id) };
    }
    case "chat:slow":
      return { ...state, slowModeSeconds: payload.seconds };
    case "viewers":
      return { ...state, viewers: payload.count };
    case "broadcast":
      return { ...state, broadcasting: payload.live };
    case "luckybag":
      return { ...state, luckyBag: payload };
    case "luckybag:count": {
      const { id, entriesCount } = payload;
      return state.luckyBag?.id === id && !state.luckyBag.drawnAt
        ? { ...state, luckyBag: { ...state.luckyBag, entriesCount } }
        : state;
    }
    case "coupon":
      return { ...state, coupon: payload };
    case "coupon:unpin": {
      const { couponId } = payload;
      return state.coupon?.couponId === couponId ? { ...state, coupon: null } : state;
    }
    case "coupon:remaining": {
      const { couponId, remaining } = payload;
      if (state.coupon?.couponId !== couponId) return state;
      // Claims land in any order; the count only ever falls.
      return { ...state, coupon: { ...state.coupon, remaining: Math.min(state.coupon.remaining, remaining) } };
    }
    case "status": {
      const status = payload;
      const ended = status.status === "ended";
      return {
        ...state,
        ...status,
        pin: ended ? null : state.pin,
        deal: ended ? null : state.deal,
        coupon: ended ? null : state.coupon,
      };
    }
  }
}

export const SHOW_ROOM_EVENTS = [
  "broadcast",
  "pin",
  "unpin",
  "deal",
  "deal:end",
  "stock",
  "sold",
  "chat",
  "chat:hide",
  "chat:slow",
  "viewers",
  "status",
  "luckybag",
  "luckybag:count",
  "coupon",
  "coupon:unpin",
  "coupon:remaining",
] as const satisfies readonly (keyof ShowRoomPayloads)[];

export const showRoom = (showId: string) => `show:${showId}` as const;

/** The price a shopper pays for a variant now: the running deal's when it covers this variant and has units left. */
export function effectivePrice(
  variant: CardVariant,
  deal: DealView | null,
  now: number,
): { priceFen: number; deal: boolean } {
  if (deal && deal.variantId === variant.id && deal.remaining > 0 && Date.parse(deal.endsAt) > now) {
    return { priceFen: deal.priceFen, deal: true };
  }
  return { priceFen: variant.priceFen, deal: false };
}
