// A guest's Stripe checkout as the webhook tests play it: placing an order that is sent to the stand-in's
// payment page, delivering signed events to the real webhook endpoint, and reading what an order became.
import { expect } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "./http";
import { ADDRESS, liveTeaShow, variantBySku } from "./market";
import type { StripeStandIn } from "./stripe-stand-in";

export const WEBHOOK_SECRET = "whsec_test_cunbo";

/** Points the app at the stand-in; call before the test server starts. */
export function configureStripe(stripe: StripeStandIn) {
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_standin",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_HOST: stripe.url,
  });
}

export function stripeCheckout(baseUrl: string, stripe: StripeStandIn) {
  /** A guest buys the pinned tea and a folding umbrella and is sent to Stripe's page. */
  async function stripeOrder() {
    const { show, pin, variant: tea } = await liveTeaShow();
    const umbrella = await variantBySku("NY-FD-NV");
    const guest = new Visitor(baseUrl);
    await guest.post("/cart", { intent: "add", variantId: tea.id, quantity: "1", showId: show.id, pinId: pin.id });
    await guest.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "1" });
    const placed = await guest.post("/checkout", ADDRESS);
    expect(placed.status).toBe(302);
    const location = placed.headers.get("location")!;
    expect(location.startsWith(`${stripe.url}/pay/cs_`)).toBe(true);
    const sessionId = location.split("/").pop()!;
    const order = await db.order.findFirstOrThrow({ where: { paymentRef: sessionId } });
    return { guest, sessionId, order, umbrella };
  }

  function deliver(payload: string, signature = stripe.sign(payload, WEBHOOK_SECRET)) {
    return fetch(`${baseUrl}/webhooks/stripe`, {
      method: "POST",
      body: payload,
      headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
    });
  }

  return { stripeOrder, deliver };
}

export async function effects(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  return {
    status: order.status,
    paidAt: order.paidAt,
    fulfilment: await db.fulfilmentOrder.count({ where: { orderId } }),
    ledger: await db.ledgerEntry.count({ where: { orderId } }),
    held: await db.reservation.count({ where: { orderId, status: "held" } }),
  };
}
