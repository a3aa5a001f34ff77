// Placing an order: price on the server, share the stock out, then ONE SQL statement (order-statement.server.ts)
// holds the stock and writes the order. Buy-nows of the same variant that arrive while one is being placed wait
// in line and are placed together, in arrival order, by the next statement: in a flash sale the hot row is then
// taken once for hundreds of buyers instead of once each, and the first to tap are the first served.
import { randomBytes, randomInt } from "node:crypto";
import { db } from "~/lib/db.server";
import { Gate } from "~/lib/gate";
import { jobs, JOB } from "~/lib/jobs.server";
import { Conflict, SoldOut } from "./errors.server";
import { announceStock } from "./order-events.server";
import { LevelsMoved, newId, writeOrders, type OrderRows } from "./order-statement.server";
import { recalledSoldOut, rememberSoldOut } from "./sold-out-memo.server";
import {
  loadPricingRows,
  priceRows,
  assertItemsShape,
  type PricedCheckout,
  type PricingItem,
  type PricingRow,
} from "./pricing.server";
import type { StockLevels } from "./stock.server";

export const RESERVATION_MINUTES = 10;

export type ContactInput = {
  contactName: string;
  phone: string;
  email?: string | null;
  province: string;
  city: string;
  district: string;
  street: string;
};

export type PlaceOrderInput = {
  userId: string | null;
  items: PricingItem[];
  contact: ContactInput;
  paymentProvider: string;
  /** The fingerprint of the prices the buyer was shown; when it no longer matches, nothing is placed. */
  quote?: string | null;
  /** The cart the items came from: its lines go once the order holds their stock. */
  cartId?: string | null;
  holdMs?: number;
};

export type PlacedOrder = {
  id: string;
  paymentProvider: string;
  number: string;
  accessToken: string;
  totalFen: number;
  shippingFen: number;
  email: string | null;
  expiresAt: Date;
  paymentRef: string | null;
  lines: {
    titleZh: string;
    titleEn: string;
    variantNameZh: string;
    variantNameEn: string;
    unitPriceFen: number;
    quantity: number;
  }[];
};

function refuseProblems(priced: PricedCheckout) {
  for (const line of priced.lines) {
    const names = { titleZh: line.titleZh, titleEn: line.titleEn };
    if (line.problem === "soldOut") throw new SoldOut("checkout:error.soldOut", names);
    if (line.problem === "dealSoldOut") throw new SoldOut("checkout:error.dealSoldOut", names);
    if (line.problem === "batchFull") throw new SoldOut("checkout:error.batchFull", names);
    if (line.problem === "dealEnded") throw new Conflict("checkout:error.dealEnded", names);
    if (line.problem === "unavailable") throw new Conflict("checkout:error.unavailable", names);
  }
}

type Attribution = { showId: string | null; pinId: string | null; hostId: string | null; hostCommissionBp: number };
type ShowFacts = {
  ord: number;
  showId: string;
  hostId: string;
  hostStatus: string;
  commissionRateBp: number;
  carries: boolean;
  pinId: string | null;
};

/**
 * A line counts for a host only when it came from their approved show that carries (or pinned) the product;
 * a flash deal's own show counts. Read alongside the prices, in one query.
 */
async function resolveAttribution(items: PricingItem[]): Promise<Attribution[]> {
  const wanted = items.flatMap((item, ord) =>
    item.showId || item.flashDealId
      ? [
          {
            ord,
            variant_id: item.variantId,
            deal_id: item.flashDealId ?? null,
            show_id: item.showId ?? null,
            pin_id: item.pinId ?? null,
          },
        ]
      : [],
  );
  const facts = wanted.length
    ? await db.$queryRaw<ShowFacts[]>`
        SELECT i.ord, s."id" AS "showId", h."id" AS "hostId", h."status"::text AS "hostStatus", h."commissionRateBp",
          EXISTS (SELECT 1 FROM "ShowItem" si WHERE si."showId" = s."id" AND si."productId" = v."productId") AS carries,
          (SELECT pin."id" FROM "Pin" pin WHERE pin."id" = i.pin_id AND pin."showId" = s."id" AND pin."productId" = v."productId") AS "pinId"
        FROM jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS i(ord int, variant_id text, deal_id text, show_id text, pin_id text)
        JOIN "Variant" v ON v."id" = i.variant_id
        LEFT JOIN "FlashDeal" d ON d."id" = i.deal_id AND d."variantId" = v."id"
        JOIN "Show" s ON s."id" = COALESCE(d."showId", i.show_id)
        JOIN "Host" h ON h."id" = s."hostId"`
    : [];
  return items.map((_, ord) => {
    const fact = facts.find((f) => f.ord === ord);
    if (!fact || !(fact.carries || fact.pinId) || fact.hostStatus !== "approved") {
      return { showId: null, pinId: null, hostId: null, hostCommissionBp: 0 };
    }
    return { showId: fact.showId, pinId: fact.pinId, hostId: fact.hostId, hostCommissionBp: fact.commissionRateBp };
  });
}

const NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const SHANGHAI_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "2-digit",
  month: "2-digit",
  day: "2-digit",
});

function orderNumber(now: Date): string {
  const day = SHANGHAI_DAY.format(now).replace(/-/g, "");
  const tail = Array.from({ length: 6 }, () => NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)]).join("");
  return `CB${day}${tail}`;
}

type Outcome = { placed: PlacedOrder } | { error: unknown };

/** The rows of one order, priced and attributed; `expiresAt` ends its holds. */
function orderRows(input: PlaceOrderInput, priced: PricedCheckout, attribution: Attribution[], now: Date): OrderRows {
  const expiresAt = new Date(now.getTime() + (input.holdMs ?? RESERVATION_MINUTES * 60_000));
  const id = newId();
  const order = {
    id,
    number: orderNumber(now),
    userId: input.userId,
    accessToken: randomBytes(24).toString("base64url"),
    status: "pending_payment",
    contactName: input.contact.contactName,
    phone: input.contact.phone,
    email: input.contact.email || null,
    province: input.contact.province,
    city: input.contact.city,
    district: input.contact.district,
    street: input.contact.street,
    subtotalFen: priced.subtotalFen,
    shippingFen: priced.shippingFen,
    totalFen: priced.totalFen,
    currency: "CNY",
    paymentProvider: input.paymentProvider,
    paymentRef: input.paymentProvider === "local" ? `local_${id}` : null,
    expiresAt,
    createdAt: now,
    updatedAt: now,
  };
  const lines = priced.lines.map((line, index) => ({
    id: newId(),
    orderId: id,
    workshopId: line.workshopId,
    productId: line.productId,
    variantId: line.variantId,
    titleZh: line.titleZh,
    titleEn: line.titleEn,
    variantNameZh: line.variantNameZh,
    variantNameEn: line.variantNameEn,
    listPriceFen: line.listPriceFen,
    unitPriceFen: line.unitPriceFen,
    quantity: line.quantity,
    lineTotalFen: line.lineTotalFen,
    premiumRateBp: line.premiumRateBp,
    villageFundRateBp: line.villageFundRateBp,
    customisationNote: line.customisationNote,
    flashDealId: line.deal ? line.deal.id : null,
    batchId: line.batch?.id ?? null,
    ...attribution[index],
  }));
  const holds = priced.lines.map((line) => ({
    variantId: line.variantId,
    quantity: line.quantity,
    flashDealId: line.deal ? line.deal.id : null,
    batchId: line.batch?.id ?? null,
    titleZh: line.titleZh,
    titleEn: line.titleEn,
  }));
  const reservations = holds.map((hold) => ({
    id: newId(),
    orderId: id,
    variantId: hold.variantId,
    flashDealId: hold.flashDealId,
    batchId: hold.batchId,
    quantity: hold.quantity,
    expiresAt,
  }));
  return { order, lines, reservations, holds };
}

function placedOrder({ order, lines }: OrderRows): PlacedOrder {
  return {
    ...(order as unknown as Omit<PlacedOrder, "lines">),
    lines: lines.map((line) => ({
      titleZh: line.titleZh as string,
      titleEn: line.titleEn as string,
      variantNameZh: line.variantNameZh as string,
      variantNameEn: line.variantNameEn as string,
      unitPriceFen: line.unitPriceFen as number,
      quantity: line.quantity as number,
    })),
  };
}

/** What is left to share out, starting from what pricing read, taken down as orders are given their holds. */
class Allowance {
  private readonly left = new Map<string, number>();

  /** The SoldOut this order meets, or null after taking what it needs. */
  take(priced: PricedCheckout): SoldOut | null {
    const wants = priced.lines.flatMap((line) => {
      const names = { titleZh: line.titleZh, titleEn: line.titleEn };
      return [
        ...(line.deal
          ? [{ key: `deal:${line.deal.id}`, start: line.deal.remaining, error: "checkout:error.dealSoldOut" }]
          : []),
        { key: `variant:${line.variantId}`, start: line.stock, error: "checkout:error.soldOut" },
        ...(line.batch
          ? [{ key: `batch:${line.batch.id}`, start: line.batch.remaining, error: "checkout:error.batchFull" }]
          : []),
      ].map((want) => ({ ...want, quantity: line.quantity, names }));
    });
    for (const want of wants) {
      if ((this.left.get(want.key) ?? want.start) < want.quantity) return new SoldOut(want.error, want.names);
    }
    for (const want of wants) this.left.set(want.key, (this.left.get(want.key) ?? want.start) - want.quantity);
    return null;
  }
}

const itemKey = (item: PricingItem) => JSON.stringify([item.variantId, item.quantity, item.flashDealId ?? null]);
const attributionKey = (items: PricingItem[]) =>
  JSON.stringify(items.map((i) => [i.variantId, i.flashDealId ?? null, i.showId ?? null, i.pinId ?? null]));

/** Reads each distinct thing once for the whole group: buyers of the same item at the same moment share it. */
async function readOnce<T>(
  inputs: PlaceOrderInput[],
  key: (input: PlaceOrderInput) => string,
  read: (input: PlaceOrderInput) => Promise<T>,
) {
  const keys = inputs.map(key);
  const distinct = [...new Set(keys)];
  const values = await Promise.all(distinct.map((k) => read(inputs[keys.indexOf(k)])));
  return keys.map((k) => values[distinct.indexOf(k)]);
}

/** Remembers what the database just showed to be gone, so later buyers hear it without a query. */
function rememberGone(priced: PricedCheckout, levels?: StockLevels) {
  for (const line of priced.lines) {
    const names = { titleZh: line.titleZh, titleEn: line.titleEn };
    if ((levels?.variants.get(line.variantId) ?? line.stock) === 0)
      rememberSoldOut("variant", line.variantId, new SoldOut("checkout:error.soldOut", names));
    if (line.deal && (levels?.deals.get(line.deal.id) ?? line.deal.remaining) === 0)
      rememberSoldOut("deal", line.deal.id, new SoldOut("checkout:error.dealSoldOut", names));
  }
}

/**
 * Places these orders, in their order, with one statement: each is priced, then given its holds from what is
 * left, and refused (SoldOut) when they do not fit. Returns each one's outcome in the same order.
 */
async function placeTogether(inputs: PlaceOrderInput[], attempt = 1): Promise<Outcome[]> {
  const now = new Date();
  const [rowsOf, attributionOf] = await Promise.all([
    readOnce<PricingRow[]>(
      inputs,
      (input) => input.items.map(itemKey).join(),
      (input) => (assertItemsShape(input.items), loadPricingRows(input.items)),
    ),
    readOnce(
      inputs,
      (input) => attributionKey(input.items),
      (input) => resolveAttribution(input.items),
    ),
  ]);
  const allowance = new Allowance();
  const outcomes: Outcome[] = [];
  const accepted: { index: number; rows: OrderRows; priced: PricedCheckout }[] = [];
  inputs.forEach((input, index) => {
    try {
      const priced = priceRows(input.items, rowsOf[index], now);
      if (input.quote && input.quote !== priced.quote) throw new Conflict("checkout:error.priceChanged");
      rememberGone(priced);
      refuseProblems(priced);
      const refused = allowance.take(priced);
      if (refused) throw refused;
      accepted.push({ index, rows: orderRows(input, priced, attributionOf[index], now), priced });
    } catch (error) {
      outcomes[index] = { error };
    }
  });
  if (accepted.length === 0) return outcomes;
  let levels: StockLevels;
  try {
    levels = await writeOrders(
      accepted.map((a) => a.rows),
      inputs.length === 1 ? (inputs[0].cartId ?? null) : null,
    );
  } catch (error) {
    // Another process (or a cart checkout) took some of what was shared out: share it out again, and at worst
    // place them one by one, each then learning exactly what it met.
    if (error instanceof LevelsMoved) {
      if (attempt < 3) return placeTogether(inputs, attempt + 1);
      return (await Promise.all(inputs.map((input) => placeTogether([input])))).flat();
    }
    for (const { index } of accepted) outcomes[index] = { error };
    return outcomes;
  }
  for (const { index, rows, priced } of accepted) {
    rememberGone(priced, levels);
    outcomes[index] = { placed: placedOrder(rows) };
  }
  // Each hold lapses on time through its own job, queued for the whole group while the buyers hear their answer;
  // should queueing fail, the minute's sweep still lets the holds lapse.
  void jobs
    .send(
      JOB.reservationExpiry,
      accepted.map(({ rows: { order } }) => ({
        data: { orderId: order.id },
        startAfter: order.expiresAt as Date,
        singletonKey: order.id,
      })),
    )
    .catch((error: unknown) => console.warn("Could not queue reservation expiries:", error));
  // Viewers hear the new stock level once for the whole group; no buyer waits for that.
  void announceStock(levels).catch((error: unknown) => console.warn("Could not announce stock:", error));
  return outcomes;
}

// A flash sale sends thousands of orders at once. Letting them all price before any of them places would put
// every placement behind every read in the pool's queue; in turn, first come first served, they finish quickly.
const placing = new Gate(Math.max(2, Number(process.env.DATABASE_POOL_SIZE ?? 10)));

/** At most this many buy-nows share one statement, so one statement stays a few milliseconds long. */
const MAX_TOGETHER = 250;

type Waiting = { input: PlaceOrderInput; settle: (outcome: Outcome) => void };

declare global {
  // Buy-nows waiting for their variant's statement; shared by the app's build and the server's own modules.
  var __cunboBuyNowLines: Map<string, Waiting[]> | undefined;
}
const waitingLines = (globalThis.__cunboBuyNowLines ??= new Map<string, Waiting[]>());

/** Joins the line of buy-nows for this variant; whoever starts the line places it, a group at a time. */
function placeInLine(input: PlaceOrderInput): Promise<Outcome> {
  const key = input.items[0].variantId;
  return new Promise((settle) => {
    const line = waitingLines.get(key);
    if (line) return void line.push({ input, settle });
    waitingLines.set(key, [{ input, settle }]);
    // The line starts moving after the requests that arrived with this one have joined it.
    setImmediate(async () => {
      for (let group = waitingLines.get(key)!; group.length;) {
        // Whoever queued before the last unit went and is still waiting hears "sold out" now, without a query.
        const stillHoping = group.filter((waiting) => {
          const recalled = recalledSoldOut(waiting.input.items);
          if (recalled) waiting.settle({ error: recalled });
          return !recalled;
        });
        group.splice(0, group.length, ...stillHoping);
        if (!group.length) break;
        const taken = group.splice(0, MAX_TOGETHER);
        const outcomes = await placing
          .run(() => placeTogether(taken.map((w) => w.input)))
          .catch((error: unknown) => taken.map((): Outcome => ({ error })));
        taken.forEach((waiting, i) => waiting.settle(outcomes[i]));
      }
      waitingLines.delete(key);
    });
  });
}

export async function placeOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  // Buyers who arrive after the last unit hear "sold out" without queueing behind those still placing.
  const recalled = recalledSoldOut(input.items);
  if (recalled) throw recalled;
  const buyNow = input.items.length === 1 && !input.cartId;
  const outcome = buyNow ? await placeInLine(input) : (await placing.run(() => placeTogether([input])))[0];
  if ("error" in outcome) throw outcome.error;
  return outcome.placed;
}
