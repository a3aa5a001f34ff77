// The Stripe webhook: the raw body and its signature header go to the domain, which verifies and handles the
// event and says what to answer (200 done or repeat, 400 refused, 503 try again later).
import type { RequestHandler } from "express";
import type { ServerApi } from "./app-build.ts";

export function stripeWebhookHandler(app: ServerApi): RequestHandler {
  return async (req, res) => {
    const secret = app.env().STRIPE_WEBHOOK_SECRET;
    if (!secret) {
      res.status(404).type("text").send("Stripe webhooks are not configured here.");
      return;
    }
    if (!Buffer.isBuffer(req.body)) {
      res.status(400).type("text").send("Webhook refused: expected a raw JSON body");
      return;
    }
    const answer = await app.receiveStripeWebhook(req.body, req.header("stripe-signature") ?? "", secret);
    res.status(answer.status).json(answer.body);
  };
}
