// The Stripe webhook's work: what a verified event means for an order, and what to answer Stripe. Events come
// at least once, late and in any order, so each is stored once by its id, together with its effect, and the
// object it names is re-read from Stripe: the object as it is now decides.
import Stripe from "stripe";
import { db } from "~/lib/db.server";
import { applyRefund, refundBeforePayment, type RefundScope } from "../orders/refunds.server";
import { isKnownEvent, recordPaymentEvent, recordPaymentFailure, settlePaymentSucceeded } from "./settle.server";
import { RefusedEvent, verifyStripeEvent, type StripeEvent } from "./stripe-event.server";
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

/** The order a payment is for: by the reference stored when it was paid, else by the intent's own metadata
 * (until the paid event comes, the order still holds the Checkout Session's id). */
async function orderOfPayment(paymentIntentId: string) {
  const select = { id: true, paidAt: true } as const;
  const byRef = await db.order.findFirst({ where: { paymentRef: paymentIntentId }, select });
  if (byRef) return byRef;
  const intent = await stripeClient().paymentIntents.retrieve(paymentIntentId);
  const orderId = intent.metadata?.orderId;
  return orderId ? db.order.findUnique({ where: { id: orderId }, select }) : null;
}

/** Every refund on the charge, applied once each: ours carry their scope; one made in Stripe's dashboard for the whole charge is a whole refund. */
async function onRefunds(chargeId: string, base: Base) {
  const stripe = stripeClient();
  const charge = await stripe.charges.retrieve(chargeId);
  const paymentRef = idOf(charge.payment_intent);
  const order = paymentRef ? await orderOfPayment(paymentRef) : null;
  if (!paymentRef || !order) return recordPaymentEvent({ ...base, orderId: null }).then(() => "unknown-order");
  const refunds = (await stripe.refunds.list({ charge: chargeId, limit: 100 })).data.filter(
    // A late payment's refund ("late") is applied by the path that made it.
    (refund) =>
      (refund.status === "succeeded" || refund.status === "pending") &&
      refund.metadata?.scope !== "late" &&
      // An after-sales refund is applied by the request that made it (and found again by its scope there).
      !refund.metadata?.scope?.startsWith("aftersales:"),
  );
  if (!order.paidAt && refunds.length > 0) {
    if (!charge.refunded) {
      console.warn(`Partial refund of unpaid order ${order.id} was made outside Cunbo: left for review`);
      return recordPaymentEvent({ ...base, orderId: order.id }).then(() => "left-for-review");
    }
    const refundIds = refunds.map((refund) => refund.id);
    if (await refundBeforePayment({ provider: "stripe", orderId: order.id, paymentRef, refundIds })) {
      await recordPaymentEvent({ ...base, orderId: order.id });
      return "refunded-before-payment";
    }
  }
  for (const refund of refunds) {
    const ours = refund.metadata?.scope;
    const scope: RefundScope | null =
      ours === "all" || ours?.startsWith("workshop:") ? (ours as RefundScope) : charge.refunded ? "all" : null;
    if (scope)
      await applyRefund({ provider: "stripe", refundId: refund.id, orderId: order.id, scope, payload: refund });
    else console.warn(`Partial refund ${refund.id} of order ${order.id} was made outside Cunbo: left for review`);
  }
  await recordPaymentEvent({ ...base, orderId: order.id });
  return "refunds-reconciled";
}

export async function handleStripeEvent(event: StripeEvent): Promise<string> {
  if (await isKnownEvent("stripe", event.id)) return "duplicate";
  const base: Base = { provider: "stripe", eventId: event.id, type: event.type, payload: event.raw };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired":
      return onSession(event.object.id, base);
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed":
    case "payment_intent.canceled":
      return onPaymentIntent(event.object.id, base);
    case "charge.refunded":
      return onRefunds(event.object.id, base);
    case "refund.created":
    case "refund.updated":
    case "refund.failed": {
      const chargeId = idOf(event.object.charge);
      return chargeId
        ? onRefunds(chargeId, base)
        : recordPaymentEvent({ ...base, orderId: null }).then(() => "ignored");
    }
    default:
      await recordPaymentEvent({ ...base, orderId: null });
      return "ignored";
  }
}

export type WebhookAnswer = { status: 200 | 400 | 503; body: { received: boolean; outcome?: string; error?: string } };

/**
 * One delivery of the webhook, answered for Stripe: 200 once the event is done (or was before), 400 for a body
 * that is not a signed, timely event naming an object this account has, 503 when Stripe or our database could
 * not be reached (Stripe delivers it again; nothing was recorded). It never throws.
 */
export async function receiveStripeWebhook(body: Buffer, signature: string, secret: string): Promise<WebhookAnswer> {
  let event: StripeEvent;
  try {
    event = verifyStripeEvent(body, signature, secret);
  } catch (error) {
    const reason = error instanceof RefusedEvent ? error.message : "Could not read the event";
    return { status: 400, body: { received: false, error: `Webhook refused: ${reason}` } };
  }
  try {
    return { status: 200, body: { received: true, outcome: await handleStripeEvent(event) } };
  } catch (error) {
    // Stripe refused to read what the event names (no such object in this account): delivering it again
    // cannot help. Every other failure (Stripe or our database out of reach) may pass, so Stripe should retry.
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      return { status: 400, body: { received: false, error: "The event names an object this account does not have" } };
    }
    console.error(`Stripe event ${event.id} (${event.type}) failed:`, error);
    return { status: 503, body: { received: false, error: "Could not handle the event now; deliver it again" } };
  }
}
