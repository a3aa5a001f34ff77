// Which request bodies are Stripe events Cunbo acts on: signed with our secret, stamped neither longer ago than
// the tolerance nor later than a small clock skew ahead, and naming an object by its id.
import Stripe from "stripe";
import * as z from "zod";

/** How old a signature may be (Stripe's own default); older ones may be replays. */
export const STRIPE_TOLERANCE_SECONDS = 300;
/** How far ahead of our clock a signature may be stamped: clocks differ a little, never by an hour. */
export const STRIPE_CLOCK_SKEW_SECONDS = 300;

const Id = z.string().min(1).max(255);
const Reference = z.union([Id, z.looseObject({ id: Id }), z.null()]);

const StripeEventSchema = z.object({
  id: Id,
  type: Id,
  data: z.object({ object: z.looseObject({ id: Id, charge: Reference.optional() }) }),
});

/** What the handlers read of an event; the rest of it is kept as sent, in `raw`. */
export type StripeEvent = {
  id: string;
  type: string;
  object: { id: string; charge?: z.infer<typeof Reference> };
  raw: unknown;
};

/** A body Stripe's endpoint must not act on; the message says why (for Stripe's dashboard, not a person). */
export class RefusedEvent extends Error {}

function signedAt(header: string): number | null {
  // Read as Stripe's SDK reads it (the last "t=" wins), so this is the timestamp the signature covers.
  let stamp: number | null = null;
  for (const item of header.split(",")) {
    const [key, value] = item.split("=");
    if (key === "t" && /^\d+$/.test(value ?? "")) stamp = Number(value);
  }
  return stamp;
}

/** The event, once its signature, its age and its shape are checked; throws RefusedEvent otherwise. */
export function verifyStripeEvent(body: Buffer, signature: string, secret: string, nowMs = Date.now()): StripeEvent {
  let parsed: unknown;
  try {
    parsed = Stripe.webhooks.constructEvent(body, signature, secret, STRIPE_TOLERANCE_SECONDS, undefined, nowMs);
  } catch (error) {
    throw new RefusedEvent(error instanceof Error ? error.message : "signature check failed");
  }
  const stamp = signedAt(signature);
  if (stamp === null || stamp > Math.floor(nowMs / 1000) + STRIPE_CLOCK_SKEW_SECONDS)
    throw new RefusedEvent("Timestamp missing, or in the future beyond the allowed clock skew");
  const event = StripeEventSchema.safeParse(parsed);
  if (!event.success) throw new RefusedEvent("Not an event with an object to act on");
  const { id, type, data } = event.data;
  return { id, type, object: data.object, raw: parsed };
}
