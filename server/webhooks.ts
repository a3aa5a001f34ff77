// The Stripe webhook: verifies the signature on the raw body (and that it is recent), then hands the event to
// the domain. 400 for anything unsigned, mis-signed or stale; 200 for a repeat; 500 (so Stripe retries) when
// handling failed.
import type { RequestHandler } from "express";
import Stripe from "stripe";
import type { ServerApi } from "./app-build.ts";

export const STRIPE_TOLERANCE_SECONDS = 300;

export function stripeWebhookHandler(app: ServerApi): RequestHandler {
  return async (req, res) => {
    const secret = app.env().STRIPE_WEBHOOK_SECRET;
    if (!secret) {
      res.status(404).type("text").send("Stripe webhooks are not configured here.");
      return;
    }
    let event: Stripe.Event;
    try {
      if (!Buffer.isBuffer(req.body)) throw new Error("expected a raw JSON body");
      event = Stripe.webhooks.constructEvent(
        req.body,
        req.header("stripe-signature") ?? "",
        secret,
        STRIPE_TOLERANCE_SECONDS,
      );
    } catch (error) {
      res
        .status(400)
        .type("text")
        .send(`Webhook refused: ${(error as Error).message}`);
      return;
    }
    try {
      const outcome = await app.handleStripeEvent(event);
      res.status(200).json({ received: true, outcome });
    } catch (error) {
      console.error(`Stripe event ${event.id} (${event.type}) failed:`, error);
      res.status(500).type("text").send("Could not handle the event; it will be retried.");
    }
  };
}
