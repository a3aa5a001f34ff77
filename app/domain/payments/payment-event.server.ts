// Provider events as they are stored: once by (provider, event id), in the transaction of what they change,
// so an event is on record exactly when its effect is.
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";

export type PaymentEventInput = {
  provider: string;
  eventId: string;
  type: string;
  orderId: string | null;
  payload: unknown;
};

/** Stores a provider event unless it was stored before; returns false for a repeat. */
export async function insertEvent(tx: Prisma.TransactionClient, event: PaymentEventInput): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "PaymentEvent" ("id", "provider", "eventId", "type", "orderId", "payload")
    VALUES (${randomUUID()}, ${event.provider}, ${event.eventId}, ${event.type}, ${event.orderId}, ${JSON.stringify(event.payload ?? {})}::jsonb)
    ON CONFLICT ("provider", "eventId") DO NOTHING
    RETURNING "id"`;
  return rows.length > 0;
}
