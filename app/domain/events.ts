// Every socket event by name and payload, both ways: what the domain announces to each room, what the socket
// server sends itself, and what browsers may send. The domain's publisher, socket.io's typed Server and the
// client hooks' Socket all take their types from here, so a wrong name or payload does not compile.
import type {
  ChatLine,
  CouponCardView,
  CouponRemaining,
  DealEnd,
  DealView,
  LiveState,
  PinView,
  SaleLine,
  ShowStatusView,
  StockChange,
} from "./live/live-state";
import type { LuckyBagChatEntry, LuckyBagCount, LuckyBagView } from "./promotions/lucky-bag-rules";

/** What a show's room (`show:<id>`) hears. */
export type ShowRoomPayloads = {
  pin: PinView;
  unpin: { pinId: string };
  deal: DealView;
  "deal:end": DealEnd;
  stock: StockChange;
  sold: SaleLine;
  chat: ChatLine;
  "chat:hide": { id: string };
  "chat:slow": { seconds: number };
  viewers: { count: number };
  status: ShowStatusView;
  /** The show's own broadcast (WHIP) started or stopped: waiting players offer now instead of asking again. */
  broadcast: { live: boolean };
  /** A lucky bag started, or was drawn (then with its seed and winners). */
  luckybag: LuckyBagView;
  "luckybag:count": LuckyBagCount;
  /** The host pinned a coupon (it replaces any coupon pinned before). */
  coupon: CouponCardView;
  "coupon:unpin": { couponId: string };
  /** A claim was given: this many are left. */
  "coupon:remaining": CouponRemaining;
};

/** What an order's room (`order:<id>`) hears: the order page reloads on any of them. */
export type OrderRoomPayloads = {
  "order:update": {
    orderId: string;
    status?: string;
    shipBy?: string;
    fulfilment?: {
      id: string;
      workshopId: string;
      status: string;
      courier: string | null;
      trackingNumber: string | null;
    };
  };
  /** An after-sales request of one of the order's parcels moved (opened, answered, returned, refunded…). */
  "aftersales:update": AfterSalesUpdate;
};

/** One step of an after-sales request, as both the buyer's order page and the workshop's room hear it. */
export type AfterSalesUpdate = {
  orderId: string;
  requestId: string;
  fulfilmentOrderId: string;
  status: string;
  refundedFen?: number;
};

/** What a workshop's packing queue (`workshop:<id>`) hears. */
export type WorkshopRoomPayloads = {
  "queue:new": { fulfilmentOrderId: string; orderNumber: string; shipBy: string };
  "queue:update": {
    fulfilmentOrderId: string;
    status: string;
    orderNumber?: string;
    shipBy?: string;
    released?: boolean;
  };
  "aftersales:update": AfterSalesUpdate;
};

/** One event of a payload map, discriminated by its name. */
export type EventOf<P> = { [T in keyof P & string]: { type: T; payload: P[T] } }[keyof P & string];

export type ShowRoomEvent = EventOf<ShowRoomPayloads>;

/** What the domain announces, and to which kind of room. */
export type CunboEvent =
  | (ShowRoomEvent & { room: `show:${string}` })
  | (EventOf<OrderRoomPayloads> & { room: `order:${string}` })
  | (EventOf<WorkshopRoomPayloads> & { room: `workshop:${string}` });

type Listeners<P> = { [T in keyof P]: (payload: P[T]) => void };

export type RoomError = { reason: "badShow" | "tooMany" | "notFound" | "unavailable" };
export type ChatReply =
  { ok: true; luckyBag?: LuckyBagChatEntry } | { error: string; values?: Record<string, string | number> };
export type JoinReply = { ok: boolean };

/** Server to browser, in socket.io's form: the rooms' events and the live room's own answers to a join. */
export type ServerToClientEvents = Listeners<ShowRoomPayloads & OrderRoomPayloads & WorkshopRoomPayloads> & {
  state: (state: LiveState) => void;
  "room:error": (error: RoomError) => void;
};

/** Browser to server. The server still checks every argument: a client may send anything. */
export type ClientToServerEvents = {
  join: (showId: string) => void;
  resync: () => void;
  chat: (text: string, ack: (reply: ChatReply) => void) => void;
  "order:join": (request: { orderId: string; token: string }, ack: (reply: JoinReply) => void) => void;
  "workshop:join": (request: { workshopId: string }, ack: (reply: JoinReply) => void) => void;
  "workshop:leave": (request: { workshopId: string }) => void;
};
