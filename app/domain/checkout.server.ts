// Placing an order: price on the server, then in one transaction snapshot the lines, hold the stock and
// record the holds; the holds lapse after RESERVATION_MINUTES unless the order is paid.
import { randomBytes, randomInt } from "node:crypto";
import { db } from "~/lib/db.server";
import { jobs, JOB } from "~/lib/jobs.server";
import { Conflict, SoldOut } from "./errors.server";
import { announceStock } from "./order-events.server";
import { priceItems, type PricedCheckout, type PricedLine, type PricingItem } from "./pricing.server";
import { reserveStock, type Hold } from "./stock.server";

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

export type PlacedOrder = { id: string; number: string; accessToken: string; totalFen: number; expiresAt: Date };

// Flash sales hammer the pool: wait for a connection rather than fail, but not forever.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

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

/** A line counts for a host only when it came from their approved show that carries (or pinned) the product. */
async function resolveAttribution(lines: PricedLine[]): Promise<Attribution[]> {
  const showIds = [...new Set(lines.flatMap((l) => [l.showId, l.deal?.showId].filter((id): id is string => !!id)))];
  const shows = showIds.length
    ? await db.show.findMany({
        where: { id: { in: showIds } },
        select: {
          id: true,
          host: { select: { id: true, status: true, commissionRateBp: true } },
          items: { select: { productId: true } },
          pins: {
            where: { id: { in: lines.flatMap((l) => (l.pinId ? [l.pinId] : [])) } },
            select: { id: true, productId: true },
          },
        },
      })
    : [];
  return lines.map((line) => {
    const show = shows.find((s) => s.id === (line.deal?.showId ?? line.showId));
    const pin = show?.pins.find((p) => p.id === line.pinId && p.productId === line.productId);
    const carries = show && (pin || show.items.some((item) => item.productId === line.productId));
    if (!show || !carries || show.host.status !== "approved")
      return { showId: null, pinId: null, hostId: null, hostCommissionBp: 0 };
    return {
      showId: show.id,
      pinId: pin?.id ?? null,
      hostId: show.host.id,
      hostCommissionBp: show.host.commissionRateBp,
    };
  });
}

const NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

function orderNumber(now: Date): string {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "2-digit",
    month: "2-digit",
    day: "2-digit",
  })
    .format(now)
    .replace(/-/g, "");
  const tail = Array.from({ length: 6 }, () => NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)]).join("");
  return `CB${day}${tail}`;
}

export async function placeOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  const now = new Date();
  const priced = await priceItems(input.items, now);
  if (input.quote && input.quote !== priced.quote) throw new Conflict("checkout:error.priceChanged");
  refuseProblems(priced);
  const attribution = await resolveAttribution(priced.lines);
  const expiresAt = new Date(now.getTime() + (input.holdMs ?? RESERVATION_MINUTES * 60_000));
  const holds: Hold[] = priced.lines.map((line) => ({
    variantId: line.variantId,
    quantity: line.quantity,
    flashDealId: line.deal ? line.deal.id : null,
    batchId: line.batch?.id ?? null,
    titleZh: line.titleZh,
    titleEn: line.titleEn,
  }));
  const { contact } = input;

  const { order, levels } = await db.$transaction(async (tx) => {
    const order = await tx.order.create({
      data: {
        number: orderNumber(now),
        userId: input.userId,
        accessToken: randomBytes(24).toString("base64url"),
        contactName: contact.contactName,
        phone: contact.phone,
        email: contact.email || null,
        province: contact.province,
        city: contact.city,
        district: contact.district,
        street: contact.street,
        subtotalFen: priced.subtotalFen,
        shippingFen: priced.shippingFen,
        totalFen: priced.totalFen,
        paymentProvider: input.paymentProvider,
        expiresAt,
      },
      select: { id: true, number: true, accessToken: true, totalFen: true, expiresAt: true },
    });
    // One statement at a time: a transaction's connection runs its queries in turn anyway.
    await tx.orderLine.createMany({
      data: priced.lines.map((line, index) => ({
        orderId: order.id,
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
      })),
    });
    await tx.reservation.createMany({
      data: holds.map((hold) => ({
        orderId: order.id,
        variantId: hold.variantId,
        quantity: hold.quantity,
        flashDealId: hold.flashDealId,
        batchId: hold.batchId,
        expiresAt,
      })),
    });
    if (input.cartId) {
      await tx.cartLine.deleteMany({
        where: { cartId: input.cartId, variantId: { in: holds.map((h) => h.variantId) } },
      });
    }
    // Last, so the hot rows stay locked only for these UPDATEs and the commit.
    const levels = await reserveStock(tx, holds);
    return { order, levels };
  }, TX_OPTIONS);

  await jobs.send(JOB.reservationExpiry, { orderId: order.id }, { startAfter: expiresAt, singletonKey: order.id });
  await announceStock(levels);
  return order;
}
