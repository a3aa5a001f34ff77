// What a verified Stripe event means for an order. Events can come twice, late or out of order, so each is
// stored once by its id and the object it names is re-read from Stripe: the object as it is now decides.
import type Stripe from "stripe";
import { db } from "~/lib/db.server";
import { applyRefund, type RefundScope } from "../refunds.server";
import { isKnownEvent, recordPaymentEvent, recordPaymentFailure, settlePaymentSucceeded } from "./settle.server";
import { stripeClient } from "./stripe.server";

type Base = { provider: "stripe"; eventId: string; type: string; payload: unknown };

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

async function onSession(sessionId: string, base: Base) {
  const session = await stripeClient().checkout.sessions.retrieve(sessionId);
  const orderId = session.metadata?.orderId ?? session.client_reference_id;
  if (!orderId) return recordPaymentEvent({ ...base, orderId: null }).then(() => "unknown-order");
  if (session.payment_status === "paid") {
    return settlePaymentSucceeded({
      ...base,
      orderId,
      amountFen: session.amount_total,
      currency: session.currency,
      paymentRef: idOf(session.payment_intent),
    });
  }
  // Expired, or an asynchronous method (e.g. a bank redirect) that finally failed: the order is let go.
  const failed =
    session.status === "expired" ||
    (base.type === "checkout.session.async_payment_failed" && session.status === "complete");
  return recordPaymentFailure({ ...base, orderId, cancel: failed });
}

async function onPaymentIntent(paymentIntentId: string, base: Base) {
  const intent = await stripeClient().paymentIntents.retrieve(paymentIntentId);
  const orderId = intent.metadata?.orderId;
  if (!orderId) return recordPaymentEvent({ ...base, orderId: null }).then(() => "unknown-order");
  if (intent.status === "succeeded") {
    return settlePaymentSucceeded({
      ...base,
      orderId,
      amountFen: intent.amount_received,
      currency: intent.currency,
      paymentRef: intent.id,
    });
  }
  return recordPaymentFailure({ ...base, orderId, cancel: intent.status === "canceled" });
}

/** Every refund on the charge, applied once each: ours carry their scope; one made in Stripe's dashboard for the whole charge is a whole refund. */
async function onRefunds(chargeId: string, base: Base) {
  const stripe = stripeClient();
  const charge = await stripe.charges.retrieve(chargeId);
  const paymentRef = idOf(charge.payment_intent);
  const order = paymentRef ? await db.order.findFirst({ where: { paymentRef }, select: { id: true } }) : null;
  if (!order) return recordPaymentEvent({ ...base, orderId: null }).then(() => "unknown-order");
  const refunds = await stripe.refunds.list({ charge: chargeId, limit: 100 });
  for (const refund of refunds.data) {
    if (refund.status !== "succeeded" && refund.status !== "pending") continue;
    const ours = refund.metadata?.scope;
    if (ours === "late") continue;
    const scope: RefundScope | null =
      ours === "all" || ours?.startsWith("workshop:") ? (ours as RefundScope) : charge.refunded ? "all" : null;
    if (scope)
      await applyRefund({ provider: "stripe", refundId: refund.id, orderId: order.id, scope, payload: refund });
    else console.warn(`Partial refund ${refund.id} of order ${order.id} was made outside Cunbo: left for review`);
  }
  await recordPaymentEvent({ ...base, orderId: order.id });
  return "refunds-reconciled";
}

export async function handleStripeEvent(event: Stripe.Event): Promise<string> {
  if (await isKnownEvent("stripe", event.id)) return "duplicate";
  const base: Base = { provider: "stripe", eventId: event.id, type: event.type, payload: event };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired":
      return onSession(event.data.object.id, base);
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed":
    case "payment_intent.canceled":
      return onPaymentIntent(event.data.object.id, base);
    case "charge.refunded":
      return onRefunds(event.data.object.id, base);
    case "refund.created":
    case "refund.updated":
    case "refund.failed": {
      const chargeId = idOf(event.data.object.charge);
      return chargeId
        ? onRefunds(chargeId, base)
        : recordPaymentEvent({ ...base, orderId: null }).then(() => "ignored");
    }
    default:
      await recordPaymentEvent({ ...base, orderId: null });
      return "ignored";
  }
}
