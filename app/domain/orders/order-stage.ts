// What a buyer is told about where their order stands: each workshop's parcel as paid → packing → shipped →
// delivered (or cancelled / a problem), and the order as a whole as its least advanced parcel. Client-safe, so
// the order page and 我的订单 speak the same words as the server's filters.
import type { FulfilmentStatus, OrderStatus } from "~/generated/prisma/enums";

export type ParcelStage = "paid" | "packing" | "shipped" | "delivered" | "cancelled" | "problem";

const STAGE_OF: Record<FulfilmentStatus, ParcelStage> = {
  queued: "paid",
  accepted: "packing",
  packed: "packing",
  shipped: "shipped",
  delivered: "delivered",
  cancelled: "cancelled",
  exception: "problem",
};

export function parcelStage(status: FulfilmentStatus): ParcelStage {
  return STAGE_OF[status];
}

/** The steps a parcel goes through, in order, for the page's progress line. */
export const PARCEL_STEPS = ["paid", "packing", "shipped", "delivered"] as const satisfies readonly ParcelStage[];

export type OrderStage = "to_pay" | ParcelStage | "refunded";

const RANK: Partial<Record<ParcelStage, number>> = { problem: 0, paid: 1, packing: 2, shipped: 3, delivered: 4 };

/** The order as a whole: unpaid, cancelled or refunded as such; once paid, as its least advanced live parcel. */
export function orderStage(status: OrderStatus, parcels: { status: FulfilmentStatus }[]): OrderStage {
  if (status === "pending_payment") return "to_pay";
  if (status === "cancelled") return "cancelled";
  if (status === "refunded") return "refunded";
  const live = parcels.map((p) => parcelStage(p.status)).filter((stage) => stage in RANK);
  if (live.length === 0) return status === "fulfilled" ? "delivered" : "paid";
  return live.reduce((least, stage) => (RANK[stage]! < RANK[least]! ? stage : least));
}
