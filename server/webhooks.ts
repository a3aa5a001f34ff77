// The Stripe webhook: the raw body and its signature header go to the domain, which verifies and handles the
// event and says what to answer (200 done or repeat, 400 refused, 503 try again later).
import type { RequestHandler } from "express";
import { receiveStripeWebhook } from "../app/domain/payments/stripe-webhook.server.ts";
import { env } from "../app/lib/env.server.ts";

export function stripeWebhookHandler(): RequestHandler {
  return async (req, res) => {
    const secret = env().STRIPE_WEBHOOK_SECRET;
    if (!secret) {
      res.status(404).type("text").send("Stripe webhooks are not configured here.");
      return;
    }
    if (!Buffer.isBuffer(req.body)) {
      res.status(400).type("text").send("Webhook refused: expected a raw JSON body");
      return;
    }
    const answer = await receiveStripeWebhook(req.body, req.header("stripe-signature") ?? "", secret);
    res.status(answer.status).json(answer.body);
  };
}
