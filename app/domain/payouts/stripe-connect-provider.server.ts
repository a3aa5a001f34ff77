// The Stripe Connect provider, for payees outside mainland China (Stripe cannot pay mainland-China accounts):
// separate charges and transfers. Each payout is one transfer to the payee's connected account, carrying an
// Idempotency-Key and a transfer_group derived from the payout id, so a repeated run pays once and the transfer
// can be found again; clawbacks are transfer reversals, keyed by the clawback id.
import Stripe from "stripe";
import type { PayoutProvider, PayoutResult, ProviderPayoutRecord } from "./payout-provider";
import { failed } from "./retry-policy";

export type StripeConnectPayoutConfig = {
  secretKey: string;
  /** e.g. http://127.0.0.1:12111 to talk to a stand-in; Stripe's own API otherwise. */
  apiHost?: string;
  /** The currency of the platform balance the transfers move (amounts are its minor unit: fen for cny). */
  currency?: string;
  /** The signing secret of the Connect webhook endpoint (whsec_…), to verify its events. */
  webhookSecret?: string;
};

/** Thrown for a webhook event whose Stripe-Signature does not verify. */
export class StripeConnectEventRejected extends Error {}

export const transferGroup = (payoutId: string) => `cunbo_payout_${payoutId}`;
const transferKey = (payoutId: string) => `cunbo-payout-${payoutId}-transfer`;
const reversalKey = (clawbackId: string) => `cunbo-clawback-${clawbackId}-reversal`;

// Errors that heal by themselves; the rest (bad request, bad key, idempotency key reused with other parameters)
// need an admin. A platform balance too low for the transfer heals when charges become available.
function classify(error: unknown): PayoutResult {
  if (!(error instanceof Stripe.errors.StripeError)) return failed(`Stripe: ${(error as Error).message}`, false);
  const retryable =
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error.code === "balance_insufficient" ||
    error.code === "lock_timeout";
  return failed(
    `Stripe ${error.rawType ?? error.type}${error.code ? ` ${error.code}` : ""}: ${error.message}`,
    !retryable,
  );
}

export function createStripeConnectPayoutProvider(config: StripeConnectPayoutConfig): PayoutProvider & {
  /** Verifies a Connect webhook's Stripe-Signature and says which payout the event concerns. */
  parseEvent(payload: string, signature: string | null): StripeConnectEvent;
} {
  const host = config.apiHost ? new URL(config.apiHost) : null;
  const stripe = new Stripe(config.secretKey, {
    // Retries go through the job queue (with backoff and a visible end), not hidden inside one attempt.
    maxNetworkRetries: 0,
    timeout: 20_000,
    ...(host
      ? { host: host.hostname, port: host.port || undefined, protocol: host.protocol === "http:" ? "http" : "https" }
      : {}),
  });
  const currency = config.currency ?? "cny";

  async function transferOf(payoutId: string): Promise<Stripe.Transfer | null> {
    const list = await stripe.transfers.list({ transfer_group: transferGroup(payoutId), limit: 1 });
    return list.data[0] ?? null;
  }

  return {
    name: "stripe",
    splitCapBp: null,

    async pay(request) {
      const destination = request.payee.account.accountRef;
      if (!/^acct_\w+$/.test(destination)) return failed("not a Stripe connected account id (acct_…)", true);
      try {
        const transfer = await stripe.transfers.create(
          {
            amount: request.amountFen,
            currency,
            destination,
            transfer_group: transferGroup(request.payoutId),
            description: request.reference,
            metadata: {
              payoutId: request.payoutId,
              payeeKind: request.payee.kind,
              payeeId: request.payee.id,
              orderIds: request.sources
                .map((source) => source.orderId)
                .join(",")
                .slice(0, 500),
            },
          },
          { idempotencyKey: transferKey(request.payoutId) },
        );
        return { status: "paid", providerRef: transfer.id };
      } catch (error) {
        return classify(error);
      }
    },

    async query(payoutId) {
      try {
        const transfer = await transferOf(payoutId);
        return transfer
          ? { status: "paid", providerRef: transfer.id }
          : failed("Stripe has no transfer for this payout", false);
      } catch (error) {
        return classify(error);
      }
    },

    async clawBack({ clawbackId, payoutId, amountFen, reason }) {
      try {
        const transfer = await transferOf(payoutId);
        if (!transfer) return failed("Stripe has no transfer for this payout to reverse", true);
        const reversal = await stripe.transfers.createReversal(
          transfer.id,
          { amount: amountFen, description: reason.slice(0, 350), metadata: { clawbackId, payoutId } },
          { idempotencyKey: reversalKey(clawbackId) },
        );
        return { status: "paid", providerRef: reversal.id };
      } catch (error) {
        return classify(error);
      }
    },

    async listPaid(range) {
      const records: ProviderPayoutRecord[] = [];
      const transfers = stripe.transfers.list({
        created: { gte: Math.floor(range.from.getTime() / 1000), lt: Math.ceil(range.to.getTime() / 1000) },
        limit: 100,
      });
      for await (const transfer of transfers) {
        records.push({
          // A transfer made outside Cunbo (in the dashboard) has none: reconciliation lists it as unknown.
          payoutId: transfer.metadata?.payoutId ?? "",
          providerRef: transfer.id,
          amountFen: transfer.amount,
          accountRef:
            typeof transfer.destination === "string" ? transfer.destination : (transfer.destination?.id ?? ""),
        });
      }
      return records;
    },

    parseEvent(payload, signature) {
      if (!config.webhookSecret) throw new StripeConnectEventRejected("STRIPE_CONNECT_WEBHOOK_SECRET is not set");
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(payload, signature ?? "", config.webhookSecret);
      } catch (error) {
        throw new StripeConnectEventRejected((error as Error).message);
      }
      const object = event.data.object as { object?: string; id?: string; metadata?: Record<string, string> };
      return {
        id: event.id,
        type: event.type,
        payoutId: object.metadata?.payoutId ?? null,
        providerRef: object.object === "transfer" ? (object.id ?? null) : null,
      };
    },
  };
}

export type StripeConnectEvent = { id: string; type: string; payoutId: string | null; providerRef: string | null };
