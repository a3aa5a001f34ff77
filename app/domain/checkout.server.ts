// Placing an order: price on the server, then ONE SQL statement holds the stock (conditional UPDATEs) and,
// only if every hold fitted, writes the order, its line snapshots and its reservations. A single statement is
// its own transaction, so a hot row is locked only while PostgreSQL runs it and commits, never across a round
// trip to this process: that is what lets a flash sale go at close to the database's own pace.
import { randomBytes, randomInt } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { Gate } from "~/lib/gate";
import { jobs, JOB } from "~/lib/jobs.server";
import { Conflict, SoldOut } from "./errors.server";
import { announceStock } from "./order-events.server";
import { recalledSoldOut, rememberSoldOut } from "./sold-out-memo.server";
import { priceItems, type PricedCheckout, type PricingItem } from "./pricing.server";
import { HELD_LEVELS, holdCtes, levelsFrom, shortfall, type Hold, type StockLevels } from "./stock.server";

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

/** Row ids made here (the statement writes rows Prisma never sees): time-ordered and unguessable, like cuid. */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

// The statement refuses itself (rolling back every hold it took) when a hold did not fit. Its message says how
// many holds of each kind did fit, so a one-item order learns what ran out without asking the database again.
const SHORTFALL = "cunbo: a stock hold did not fit";
const messageOf = (error: unknown) => String((error as Error)?.message ?? "");
const isDeadlock = (error: unknown) => /deadlock detected|40P01/.test(messageOf(error));

async function shortfallFrom(error: unknown, holds: Hold[]): Promise<SoldOut | null> {
  const fitted = new RegExp(`${SHORTFALL} \\(deals (\\d+), variants (\\d+)\\)`).exec(messageOf(error));
  if (!fitted) return null;
  if (holds.length > 1) return shortfall(holds);
  const [hold] = holds;
  const names = { titleZh: hold.titleZh, titleEn: hold.titleEn };
  if (hold.flashDealId && fitted[1] === "0") return new SoldOut("checkout:error.dealSoldOut", names);
  if (fitted[2] === "0") return new SoldOut("checkout:error.soldOut", names);
  return new SoldOut("checkout:error.batchFull", names);
}

// A flash sale sends thousands of orders at once. Letting them all price before any of them places would put
// every placement behind every read in the pool's queue; in turn, first come first served, they finish quickly.
const placing = new Gate(Math.max(2, Number(process.env.DATABASE_POOL_SIZE ?? 10)));

export async function placeOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  // Buyers who arrive after the last unit hear "sold out" without queueing behind those still placing.
  const recalled = recalledSoldOut(input.items);
  if (recalled) throw recalled;
  const { placed, levels } = await placing.run(() => place(input));
  // Outside the gate: the next buyer in line need not wait for these.
  await jobs.send(
    JOB.reservationExpiry,
    { orderId: placed.id },
    { startAfter: placed.expiresAt, singletonKey: placed.id },
  );
  // Viewers hear the new stock level; the buyer need not wait for that.
  void announceStock(levels).catch((error: unknown) => console.warn("Could not announce stock:", error));
  return placed;
}

async function place(input: PlaceOrderInput): Promise<{ placed: PlacedOrder; levels: StockLevels }> {
  const recalled = recalledSoldOut(input.items);
  if (recalled) throw recalled;
  const now = new Date();
  const [priced, attribution] = await Promise.all([priceItems(input.items, now), resolveAttribution(input.items)]);
  if (input.quote && input.quote !== priced.quote) throw new Conflict("checkout:error.priceChanged");
  for (const line of priced.lines) {
    const names = { titleZh: line.titleZh, titleEn: line.titleEn };
    if (line.stock === 0) rememberSoldOut("variant", line.variantId, new SoldOut("checkout:error.soldOut", names));
    if (line.deal && line.deal.remaining === 0)
      rememberSoldOut("deal", line.deal.id, new SoldOut("checkout:error.dealSoldOut", names));
  }
  refuseProblems(priced);
  const expiresAt = new Date(now.getTime() + (input.holdMs ?? RESERVATION_MINUTES * 60_000));
  const holds: Hold[] = priced.lines.map((line) => ({
    variantId: line.variantId,
    quantity: line.quantity,
    flashDealId: line.deal ? line.deal.id : null,
    batchId: line.batch?.id ?? null,
    titleZh: line.titleZh,
    titleEn: line.titleEn,
  }));
  const id = newId();
  const paymentRef = input.paymentProvider === "local" ? `local_${id}` : null;
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
    paymentRef,
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
  const reservations = holds.map((hold) => ({
    id: newId(),
    orderId: id,
    variantId: hold.variantId,
    flashDealId: hold.flashDealId,
    batchId: hold.batchId,
    quantity: hold.quantity,
    expiresAt,
  }));
  // Everything new is written first and the holds are taken last, so a hot row is locked only from its UPDATE
  // to the commit. If a hold does not fit, the statement refuses itself and nothing of it remains.
  const written = Prisma.sql`(SELECT count(*) FROM emptied_cart) >= 0`;
  const statement = Prisma.sql`
    WITH new_order AS (
      INSERT INTO "Order" SELECT * FROM jsonb_populate_record(NULL::"Order", ${JSON.stringify(order)}::jsonb) RETURNING "id"),
    new_lines AS (
      INSERT INTO "OrderLine" SELECT * FROM jsonb_populate_recordset(NULL::"OrderLine", ${JSON.stringify(lines)}::jsonb)
      WHERE (SELECT count(*) FROM new_order) = 1 RETURNING "id"),
    new_reservations AS (
      -- A hold is dated by the database, the moment it is taken.
      INSERT INTO "Reservation" ("id", "orderId", "variantId", "flashDealId", "batchId", "quantity", "status", "expiresAt", "createdAt")
      SELECT r."id", r."orderId", r."variantId", r."flashDealId", r."batchId", r."quantity", 'held', r."expiresAt", now() AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${JSON.stringify(reservations)}::jsonb)
        AS r("id" text, "orderId" text, "variantId" text, "flashDealId" text, "batchId" text, "quantity" int, "expiresAt" timestamp(3))
      WHERE (SELECT count(*) FROM new_lines) = ${lines.length} RETURNING "id"),
    emptied_cart AS (
      DELETE FROM "CartLine" WHERE "cartId" = ${input.cartId ?? null}
        AND "variantId" IN (SELECT jsonb_array_elements_text(${JSON.stringify(holds.map((h) => h.variantId))}::jsonb))
        AND (SELECT count(*) FROM new_reservations) = ${reservations.length}
      RETURNING "id"),
    ${holdCtes(holds, written)}
    SELECT CASE WHEN held THEN 0
        ELSE (${SHORTFALL} || ' (deals ' || (SELECT count(*) FROM deal_holds) || ', variants ' || (SELECT count(*) FROM variant_holds) || ')')::int
      END AS refused,
      ${HELD_LEVELS}
    FROM hold_check`;

  let levels;
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await db.$queryRaw<{ deals: unknown; variants: unknown; batches: unknown }[]>(statement);
      levels = levelsFrom(row);
      break;
    } catch (error) {
      const soldOut = await shortfallFrom(error, holds);
      if (soldOut) throw soldOut;
      // Two multi-item orders can still cross on rows of different tables; PostgreSQL undoes one, which tries again.
      if (isDeadlock(error) && attempt < 3) continue;
      throw error;
    }
  }

  const placedLines = lines.map(({ titleZh, titleEn, variantNameZh, variantNameEn, unitPriceFen, quantity }) => ({
    titleZh,
    titleEn,
    variantNameZh,
    variantNameEn,
    unitPriceFen,
    quantity,
  }));
  return { placed: { ...order, lines: placedLines }, levels };
}
