import type { ShowRoomEvent } from "~/domain/events";
import { describe, expect, it } from "vitest";
import {
  applyLiveEvent,
  effectivePrice,
  type DealView,
  type LiveState,
  type PinView,
  type ProductCard,
} from "~/domain/live/live-state";

const card = (productId: string, stock = 10): ProductCard => ({
  productId,
  slug: productId,
  titleZh: productId,
  titleEn: productId,
  image: null,
  workshopZh: "工坊",
  workshopEn: "Workshop",
  premiumRateBp: 1000,
  perishable: false,
  preorder: false,
  customisable: false,
  alcohol: false,
  reviewCount: 0,
  reviewStarsSum: 0,
  variants: [{ id: `${productId}-v`, nameZh: "一份", nameEn: "One", priceFen: 2500, marketPriceFen: 2273, stock }],
});

const pin = (pinId: string, productId: string): PinView => ({
  pinId,
  pinnedAt: "2026-11-26T12:00:00Z",
  variantId: null,
  card: card(productId),
});

const state: LiveState = {
  showId: "show",
  title: "t",
  coverImage: null,
  scheduledAt: "2026-11-26T12:00:00Z",
  status: "live",
  startedAt: "2026-11-26T12:00:00Z",
  endedAt: null,
  recordingUrl: null,
  playback: null,
  host: { nameZh: "h", nameEn: "h", avatar: null, villageZh: "", villageEn: "" },
  pin: pin("p1", "a"),
  deal: null,
  coupon: null,
  lineUp: [card("a"), card("b")],
  viewers: 1,
  chat: [],
  sales: [],
  slowModeSeconds: 0,
  luckyBag: null,
  serverTime: "2026-11-26T12:00:00Z",
};

const deal: DealView = {
  id: "d1",
  productId: "b",
  variantId: "b-v",
  priceFen: 2000,
  listPriceFen: 2500,
  quantityCap: 5,
  sold: 0,
  remaining: 5,
  startsAt: "2026-11-26T12:00:00Z",
  endsAt: "2026-11-26T12:01:00Z",
};

describe("applying live-room events", () => {
  it("events that arrived while the state was on its way, replayed over it, leave the newest pin", () => {
    // The state was read after pin p2 but before p3; both events arrived while waiting for it.
    const fromServer: LiveState = { ...state, pin: pin("p2", "b") };
    const pending: ShowRoomEvent[] = [
      { type: "unpin", payload: { pinId: "p1" } },
      { type: "pin", payload: pin("p2", "b") },
      { type: "pin", payload: pin("p3", "a") },
    ];
    const result = pending.reduce(applyLiveEvent, fromServer);
    expect(result.pin?.pinId).toBe("p3");
  });

  it("an unpin for a pin that was already replaced changes nothing", () => {
    const next = applyLiveEvent({ ...state, pin: pin("p2", "b") }, { type: "unpin", payload: { pinId: "p1" } });
    expect(next.pin?.pinId).toBe("p2");
  });

  it("stock counts down on the pinned card, the line-up and the deal", () => {
    const withDeal = applyLiveEvent({ ...state, pin: pin("p2", "b") }, { type: "deal", payload: deal });
    const next = applyLiveEvent(withDeal, { type: "stock", payload: { variantId: "b-v", stock: 3, dealRemaining: 2 } });
    expect(next.pin?.card.variants[0].stock).toBe(3);
    expect(next.lineUp[1].variants[0].stock).toBe(3);
    expect(next.lineUp[0].variants[0].stock).toBe(10);
    expect(next.deal?.remaining).toBe(2);
  });

  it("a show that ends takes its pin and deal with it; a chat line or sale seen twice is kept once", () => {
    const line = { id: "c1", authorName: "a", text: "hi", at: "2026-11-26T12:00:00Z", byHost: false };
    let next = applyLiveEvent(applyLiveEvent(state, { type: "chat", payload: line }), { type: "chat", payload: line });
    expect(next.chat).toHaveLength(1);
    next = applyLiveEvent(next, {
      type: "status",
      payload: { status: "ended", startedAt: null, endedAt: "2026-11-26T13:00:00Z", recordingUrl: null },
    });
    expect(next.pin).toBeNull();
    expect(next.status).toBe("ended");
  });

  it("the deal price applies only to its variant, while units remain and before it ends", () => {
    const variant = card("b").variants[0];
    const during = Date.parse("2026-11-26T12:00:30Z");
    expect(effectivePrice(variant, deal, during)).toEqual({ priceFen: 2000, deal: true });
    expect(effectivePrice(variant, deal, Date.parse(deal.endsAt))).toEqual({ priceFen: 2500, deal: false });
    expect(effectivePrice(variant, { ...deal, remaining: 0 }, during).deal).toBe(false);
    expect(effectivePrice(card("a").variants[0], deal, during).deal).toBe(false);
  });
});
