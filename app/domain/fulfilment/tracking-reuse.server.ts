// Whether a tracking number is already on another parcel: a second parcel under one number is almost always a
// typing slip, so the ship form asks before saving it (and saves it when the person says it is right).
import { db } from "~/lib/db.server";
import { normaliseTracking } from "./couriers";

export type TrackingReuse = {
  trackingNumber: string;
  /** The other parcel's order number when it is this workshop's own; another workshop's orders stay private. */
  orderNumber: string | null;
};

export async function trackingNumberInUse(input: {
  trackingNumber: string;
  parcelId: string;
  workshopId: string;
}): Promise<TrackingReuse | null> {
  const trackingNumber = normaliseTracking(input.trackingNumber);
  const other = await db.fulfilmentOrder.findFirst({
    where: { trackingNumber, id: { not: input.parcelId } },
    orderBy: { createdAt: "desc" },
    select: { workshopId: true, order: { select: { number: true } } },
  });
  if (!other) return null;
  return { trackingNumber, orderNumber: other.workshopId === input.workshopId ? other.order.number : null };
}
