// What the local test payment page does: "succeed" takes the very same path as a Stripe webhook; "decline"
// records the attempt and leaves the order waiting, as a declined card would. No money moves either way.
import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { Conflict, NotFound } from "../errors.server";
import { recordPaymentFailure, settlePaymentSucceeded } from "./settle.server";

export async function payLocally(orderId: string, outcome: "succeed" | "decline") {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, totalFen: true, paymentProvider: true, status: true },
  });
  if (!order || order.paymentProvider !== "local") throw new NotFound("checkout:error.orderNotFound");
  if (outcome === "decline") {
    await recordPaymentFailure({
      provider: "local",
      eventId: `local:${order.id}:declined:${randomUUID()}`,
      type: "payment.declined",
      orderId: order.id,
      payload: { outcome },
      cancel: false,
    });
    return "declined" as const;
  }
  const result = await settlePaymentSucceeded({
    provider: "local",
    // One success per order: pressing the button twice is the same event twice.
    eventId: `local:${order.id}:succeeded`,
    type: "payment.succeeded",
    orderId: order.id,
    amountFen: order.totalFen,
    currency: "cny",
    paymentRef: `local_${order.id}`,
    payload: { outcome },
  });
  if (result === "refunded-late" || result === "refund-queued") throw new Conflict("checkout:error.lapsedRefunded");
  return result;
}
