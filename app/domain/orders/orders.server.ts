// The buyer's view of an order: who may see it (its owner, a guest holding its link, an admin) and what
// they see, grouped by workshop with each parcel's status and tracking.
import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "~/lib/db.server";
import { NotFound } from "../errors.server";
import { linePremiumFen } from "../ledger/allocation";
import { trackingLink } from "../fulfilment/couriers";
import { isReceiptNote } from "../fulfilment/receipt";
import { orderStage, parcelStage } from "./order-stage";
import { canBuyerCancel } from "./refunds.server";

/** Compares secrets in constant time (hashing first makes the lengths equal). */
export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export type OrderAccess = { userId: string | null; isAdmin?: boolean; token?: string | null };

async function loadOrder(orderId: string) {
  return db.order.findUnique({
    where: { id: orderId },
    include: {
      lines: {
        include: {
          workshop: { select: { slug: true, nameZh: true, nameEn: true } },
          product: { select: { slug: true, images: true } },
        },
      },
      fulfilmentOrders: {
        include: {
          events: { orderBy: { createdAt: "asc" }, select: { id: true, toStatus: true, note: true, createdAt: true } },
        },
      },
    },
  });
}

type LoadedOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

/** Whether this visitor may see the order; nobody else learns that it exists. */
export function mayView(order: { userId: string | null; accessToken: string }, access: OrderAccess): boolean {
  if (access.isAdmin) return true;
  if (access.userId && order.userId === access.userId) return true;
  return tokensMatch(access.token, order.accessToken);
}

/** The buyer themself: the signed-in owner, or the holder of the guest link (an admin looking on is not). */
function isBuyer(order: { userId: string | null; accessToken: string }, access: OrderAccess): boolean {
  if (access.userId && order.userId === access.userId) return true;
  return !access.isAdmin && tokensMatch(access.token, order.accessToken);
}

/** A parcel's history as its buyer sees it: each step and when, and who confirmed receipt; never staff notes. */
function timeline(events: LoadedOrder["fulfilmentOrders"][number]["events"]) {
  return events.map((event) => ({
    id: event.id,
    status: event.toStatus,
    at: event.createdAt.toISOString(),
    receipt: isReceiptNote(event.note) ? event.note : null,
  }));
}

function present(order: LoadedOrder, access: OrderAccess) {
  const asBuyer = isBuyer(order, access);
  const workshopIds = [...new Set(order.lines.map((l) => l.workshopId))];
  const groups = workshopIds.map((workshopId) => {
    const lines = order.lines.filter((l) => l.workshopId === workshopId);
    const fulfilment = order.fulfilmentOrders.find((f) => f.workshopId === workshopId) ?? null;
    return {
      workshopId,
      nameZh: lines[0].workshop.nameZh,
      nameEn: lines[0].workshop.nameEn,
      fulfilment: fulfilment && {
        id: fulfilment.id,
        status: fulfilment.status,
        shipBy: fulfilment.shipBy.toISOString(),
        stage: parcelStage(fulfilment.status),
        courier: fulfilment.courier,
        trackingNumber: fulfilment.trackingNumber,
        trackingUrl: trackingLink(fulfilment.courier, fulfilment.trackingNumber),
        shippingFen: fulfilment.shippingFen,
        events: timeline(fulfilment.events),
        canConfirmReceipt: asBuyer && fulfilment.status === "shipped",
      },
      lines: lines.map((line) => ({
        id: line.id,
        titleZh: line.titleZh,
        titleEn: line.titleEn,
        variantNameZh: line.variantNameZh,
        variantNameEn: line.variantNameEn,
        image: line.product.images[0] ?? null,
        quantity: line.quantity,
        unitPriceFen: line.unitPriceFen,
        listPriceFen: line.listPriceFen,
        lineTotalFen: line.lineTotalFen,
        discountFen: line.discountFen,
        premiumFen: linePremiumFen({
          unitPriceFen: line.unitPriceFen,
          quantity: line.quantity,
          premiumRateBp: line.premiumRateBp,
        }),
        customisationNote: line.customisationNote,
      })),
    };
  });
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    stage: orderStage(order.status, order.fulfilmentOrders),
    accessToken: order.accessToken,
    paymentProvider: order.paymentProvider,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    expiresAt: order.expiresAt.toISOString(),
    contactName: order.contactName,
    phone: `${order.phone.slice(0, 3)}****${order.phone.slice(-4)}`,
    address: { province: order.province, city: order.city, district: order.district, street: order.street },
    subtotalFen: order.subtotalFen,
    shippingFen: order.shippingFen,
    discountFen: order.discountFen,
    totalFen: order.totalFen,
    premiumFen: groups.flatMap((g) => g.lines).reduce((sum, l) => sum + l.premiumFen, 0),
    groups,
    asBuyer,
    canCancel: canBuyerCancel(order),
    canPay: order.status === "pending_payment" && order.expiresAt > new Date(),
  };
}

export type OrderView = ReturnType<typeof present>;

export async function orderForViewer(orderId: string, access: OrderAccess): Promise<OrderView> {
  const order = await loadOrder(orderId);
  if (!order || !mayView(order, access)) throw new NotFound("checkout:error.orderNotFound");
  return present(order, access);
}

const PAYABLE = {
  id: true,
  number: true,
  accessToken: true,
  userId: true,
  status: true,
  totalFen: true,
  shippingFen: true,
  email: true,
  expiresAt: true,
  paymentProvider: true,
  paymentRef: true,
  submissionKey: true,
  lines: {
    select: {
      titleZh: true,
      titleEn: true,
      variantNameZh: true,
      variantNameEn: true,
      unitPriceFen: true,
      quantity: true,
    },
  },
} as const;

/** What a payment provider needs to know to take payment for the order. */
export async function payableOrder(orderId: string) {
  return db.order.findUnique({ where: { id: orderId }, select: PAYABLE });
}

/** The orders these checkout forms already placed, as a payment provider needs them. */
export async function ordersPlacedFrom(submissionKeys: string[]) {
  return db.order.findMany({ where: { submissionKey: { in: submissionKeys } }, select: PAYABLE });
}
