// 确认收货: the buyer confirms that a shipped parcel arrived (shipped → delivered), or it confirms itself a number
// of days after it shipped. Both go through the fulfilment flow, so the event, the order's own status and the
// workshop room's and order room's live updates are the same as for any other step.
import { db } from "~/lib/db.server";
import { InvalidTransition, NotFound } from "../errors.server";
import { transitionFulfilment } from "./flow.server";
import { RECEIPT_NOTE } from "./receipt";

const DAY_MS = 24 * 3_600_000;
/** How many overdue parcels one run of the automatic confirmation takes; the next run takes the rest. */
const SWEEP_BATCH = 500;

export type ReceiptResult = { confirmed: boolean };

/**
 * The buyer's tap. The caller has checked that this visitor may see the order. Confirming a delivered parcel
 * again changes nothing; a parcel that is not on its way yet is refused (409).
 */
export async function confirmReceipt(input: {
  orderId: string;
  fulfilmentOrderId: string;
  actorUserId: string | null;
}): Promise<ReceiptResult> {
  const parcel = await db.fulfilmentOrder.findFirst({
    where: { id: input.fulfilmentOrderId, orderId: input.orderId },
    select: { id: true, workshopId: true, status: true },
  });
  if (!parcel) throw new NotFound("checkout:receipt.notFound");
  if (parcel.status === "delivered") return { confirmed: false };
  if (parcel.status !== "shipped") throw new InvalidTransition("checkout:receipt.notShipped");
  const result = await transitionFulfilment({
    workshopId: parcel.workshopId,
    actorUserId: input.actorUserId,
    action: "deliver",
    items: [{ id: parcel.id }],
    note: RECEIPT_NOTE.buyer,
  });
  if (result.changed.length) return { confirmed: true };
  // Someone (a second tap, the automatic confirmation) delivered it in between: that is what was asked.
  const now = await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: parcel.id }, select: { status: true } });
  if (now.status === "delivered") return { confirmed: false };
  throw new InvalidTransition("checkout:receipt.notShipped");
}

/**
 * Confirms receipt of every parcel that shipped at least `afterDays` days before `now` and is still marked
 * shipped. `now` is passed in so that a test (or a catch-up run) need not wait the days. Returns how many.
 */
export async function confirmOverdueReceipts(now: Date, afterDays: number): Promise<number> {
  const shippedBefore = new Date(now.getTime() - afterDays * DAY_MS);
  const due = await db.$queryRaw<{ id: string; workshopId: string }[]>`
    SELECT fo.id, fo."workshopId" FROM "FulfilmentOrder" fo
    WHERE fo.status = 'shipped'
      AND (SELECT max(e."createdAt") FROM "FulfilmentEvent" e
           WHERE e."fulfilmentOrderId" = fo.id AND e."toStatus" = 'shipped') <= ${shippedBefore}
    ORDER BY fo.id
    LIMIT ${SWEEP_BATCH}`;
  const byWorkshop = new Map<string, string[]>();
  for (const row of due) byWorkshop.set(row.workshopId, [...(byWorkshop.get(row.workshopId) ?? []), row.id]);
  let confirmed = 0;
  for (const [workshopId, ids] of byWorkshop) {
    const result = await transitionFulfilment({
      workshopId,
      actorUserId: null,
      action: "deliver",
      items: ids.map((id) => ({ id })),
      note: RECEIPT_NOTE.auto,
    });
    confirmed += result.changed.length;
  }
  return confirmed;
}
