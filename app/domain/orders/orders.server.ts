// The buyer's view of an order: who may see it (its owner, a guest holding its link, an admin) and what
// they see, grouped by workshop with each parcel's status and tracking.
import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "~/lib/db.server";
import { NotFound } from "../errors.server";
import { linePremiumFen } from "../ledger/allocation";
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
      fulfilmentOrders: true,
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

function present(order: LoadedOrder) {
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
        courier: fulfilment.courier,
        trackingNumber: fulfilment.trackingNumber,
        shippingFen: fulfilment.shippingFen,
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
    totalFen: order.totalFen,
    premiumFen: groups.flatMap((g) => g.lines).reduce((sum, l) => sum + l.premiumFen, 0),
    groups,
    canCancel: canBuyerCancel(order),
    canPay: order.status === "pending_payment" && order.expiresAt > new Date(),
  };
}

export type OrderView = ReturnType<typeof present>;

export async function orderForViewer(orderId: string, access: OrderAccess): Promise<OrderView> {
  const order = await loadOrder(orderId);
  if (!order || !mayView(order, access)) throw new NotFound("checkout:error.orderNotFound");
  return present(order);
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
