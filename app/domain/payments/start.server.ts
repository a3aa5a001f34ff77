// Sending a buyer to pay for a pending order, with whichever provider the order was placed with.
import { db } from "~/lib/db.server";
import { Conflict, NotFound, ProviderUnavailable } from "../errors.server";
import { payableOrder } from "../orders/orders.server";
import type { PayableOrder, PaymentContext } from "./payment-provider";
import { providerFor } from "./provider.server";

type Startable = PayableOrder & { paymentProvider: string; paymentRef: string | null };

/** Returns where to send the buyer for an order just placed (no need to read it back). */
export async function startPayment(order: Startable, context: PaymentContext): Promise<string> {
  const { redirectUrl, paymentRef } = await providerFor(order.paymentProvider).startPayment(order, context);
  if (order.paymentRef !== paymentRef) {
    await db.order.updateMany({ where: { id: order.id, status: "pending_payment" }, data: { paymentRef } });
  }
  return redirectUrl;
}

/** The "pay now" button on a pending order. Calling it again for the same order reuses the provider's payment. */
export async function startOrderPayment(orderId: string, context: PaymentContext): Promise<string> {
  const order = await payableOrder(orderId);
  if (!order) throw new NotFound("checkout:error.orderNotFound");
  if (order.status !== "pending_payment" || order.expiresAt <= new Date())
    throw new Conflict("checkout:error.notPayable");
  return startPayment(order, context).catch((error: unknown) => {
    console.error(`Could not start the payment of order ${orderId}:`, error);
    throw new ProviderUnavailable();
  });
}
