// A local HTTP stand-in for the Stripe endpoints our adapter calls (Checkout Sessions, PaymentIntents, Charges,
// Refunds), so the real Stripe SDK can be exercised without the internet. It keeps Stripe's idempotency rule
// (the same Idempotency-Key returns the first response) and lets a test play the buyer and the dashboard.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Json = Record<string, unknown>;
export type RecordedRequest = { method: string; path: string; idempotencyKey: string | null; body: Json };

const id = (prefix: string) => `${prefix}_test_${randomBytes(8).toString("hex")}`;

/** Stripe's form encoding (`a[b][0][c]=1`) back into objects and arrays. */
export function parseStripeForm(body: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const container = node as Record<string, unknown>;
      if (last) container[segment] = value;
      else node = (container[segment] ??= /^\d+$/.test(path[index + 1]) ? [] : {}) as Record<string, unknown>;
    });
  }
  return root;
}

export async function startStripeStandIn() {
  const requests: RecordedRequest[] = [];
  const replays = new Map<string, { status: number; body: Json }>();
  const sessions = new Map<string, Json>();
  const intents = new Map<string, Json>();
  const charges = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  // Calls that fail as Stripe's API does when it has an error on its side (and says retrying will not help).
  const failures = new Map<string, number>();

  function route(method: string, path: string, query: URLSearchParams, body: Json): { status: number; body: Json } {
    const notFound = {
      status: 404,
      body: { error: { type: "invalid_request_error", message: `No such resource: ${path}` } },
    };
    let match: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const lineItems = (body.line_items as Json[]) ?? [];
      const amount = lineItems.reduce(
        (sum, item) => sum + Number((item.price_data as Json).unit_amount) * Number(item.quantity),
        0,
      );
      const session: Json = {
        id: id("cs"),
        object: "checkout.session",
        url: "",
        status: "open",
        payment_status: "unpaid",
        amount_total: amount,
        currency: body.currency ?? "cny",
        metadata: body.metadata ?? {},
        client_reference_id: body.client_reference_id ?? null,
        payment_intent: null,
        expires_at: Number(body.expires_at),
        allowed_payment_method_types: body.allowed_payment_method_types ?? [],
        success_url: body.success_url,
        cancel_url: body.cancel_url,
        _intentMetadata: (body.payment_intent_data as Json | undefined)?.metadata ?? {},
      };
      session.url = `${url}/pay/${session.id}`;
      sessions.set(session.id as string, session);
      return { status: 200, body: session };
    }
    if (method === "GET" && (match = path.match(/^\/v1\/checkout\/sessions\/([\w]+)$/))) {
      const session = sessions.get(match[1]);
      return session ? { status: 200, body: session } : notFound;
    }
    if (method === "POST" && (match = path.match(/^\/v1\/checkout\/sessions\/([\w]+)\/expire$/))) {
      const session = sessions.get(match[1]);
      if (!session) return notFound;
      if (session.status !== "open")
        return {
          status: 400,
          body: { error: { type: "invalid_request_error", message: "Only open sessions can be expired" } },
        };
      session.status = "expired";
      return { status: 200, body: session };
    }
    if (method === "GET" && (match = path.match(/^\/v1\/payment_intents\/([\w]+)$/))) {
      const intent = intents.get(match[1]);
      return intent ? { status: 200, body: intent } : notFound;
    }
    if (method === "GET" && (match = path.match(/^\/v1\/charges\/([\w]+)$/))) {
      const charge = charges.get(match[1]);
      return charge ? { status: 200, body: charge } : notFound;
    }
    if (method === "POST" && path === "/v1/refunds") {
      const intent = intents.get(String(body.payment_intent));
      if (!intent) return notFound;
      return {
        status: 200,
        body: refund(
          intent.latest_charge as string,
          Number(body.amount ?? intent.amount_received),
          (body.metadata as Json) ?? {},
        ),
      };
    }
    if (method === "GET" && path === "/v1/refunds") {
      const data = [...refunds.values()].filter((r) => r.charge === query.get("charge"));
      return { status: 200, body: { object: "list", data, has_more: false, url: "/v1/refunds" } };
    }
    return notFound;
  }

  function refund(chargeId: string, amount: number, metadata: Json) {
    const charge = charges.get(chargeId)!;
    const created: Json = {
      id: id("re"),
      object: "refund",
      amount,
      charge: chargeId,
      payment_intent: charge.payment_intent,
      status: "succeeded",
      metadata,
      currency: "cny",
    };
    refunds.set(created.id as string, created);
    charge.amount_refunded = Number(charge.amount_refunded) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    return created;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = new URL(req.url ?? "/", "http://stand-in");
    const body = parseStripeForm(Buffer.concat(chunks).toString("utf8"));
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    requests.push({ method: req.method ?? "GET", path: target.pathname, idempotencyKey, body });
    const failing = `${req.method} ${target.pathname}`;
    if ((failures.get(failing) ?? 0) > 0) {
      failures.set(failing, failures.get(failing)! - 1);
      res.writeHead(500, { "Content-Type": "application/json", "Stripe-Should-Retry": "false" });
      res.end(JSON.stringify({ error: { type: "api_error", message: "Stripe had an error (stand-in)" } }));
      return;
    }
    let result = idempotencyKey ? replays.get(idempotencyKey) : undefined;
    if (!result) {
      result = route(req.method ?? "GET", target.pathname, target.searchParams, body);
      if (idempotencyKey && result.status < 500) replays.set(idempotencyKey, structuredClone(result));
    }
    res.writeHead(result.status, { "Content-Type": "application/json", "Request-Id": id("req") });
    res.end(JSON.stringify(result.body));
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    sessions,
    charges,
    session: (sessionId: string) => sessions.get(sessionId)!,
    /** The buyer pays on Stripe's page. `async` leaves the payment pending, as a bank redirect would. */
    pay(sessionId: string, options: { async?: boolean } = {}) {
      const session = sessions.get(sessionId)!;
      const intentId = id("pi");
      const chargeId = id("ch");
      const amount = Number(session.amount_total);
      intents.set(intentId, {
        id: intentId,
        object: "payment_intent",
        amount,
        amount_received: options.async ? 0 : amount,
        currency: session.currency,
        status: options.async ? "processing" : "succeeded",
        metadata: session._intentMetadata,
        latest_charge: chargeId,
      });
      charges.set(chargeId, {
        id: chargeId,
        object: "charge",
        amount,
        amount_refunded: 0,
        refunded: false,
        payment_intent: intentId,
        currency: "cny",
        metadata: {},
      });
      Object.assign(session, {
        status: "complete",
        payment_status: options.async ? "unpaid" : "paid",
        payment_intent: intentId,
      });
      return { intentId, chargeId };
    },
    /** An asynchronous payment finally settles (or fails). */
    settleAsync(sessionId: string, succeeded: boolean) {
      const session = sessions.get(sessionId)!;
      const intent = intents.get(session.payment_intent as string)!;
      Object.assign(
        intent,
        succeeded ? { status: "succeeded", amount_received: intent.amount } : { status: "requires_payment_method" },
      );
      if (succeeded) session.payment_status = "paid";
    },
    /** A refund made by hand in Stripe's dashboard: it carries none of our metadata. */
    refundInDashboard(chargeId: string, amount: number) {
      return refund(chargeId, amount, {});
    },
    intent: (intentId: string) => intents.get(intentId)!,
    refund: (refundId: string) => refunds.get(refundId)!,
    /** The next `times` calls of `method path` (e.g. "POST /v1/refunds") fail with a 500 that must not be retried; 0 ends that. */
    failNext(call: string, times = 1) {
      failures.set(call, times);
    },
    event(type: string, object: Json, eventId = id("evt")) {
      return JSON.stringify({
        id: eventId,
        object: "event",
        type,
        api_version: Stripe.API_VERSION,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        data: { object },
      });
    },
    sign(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) {
      return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;
