// A local HTTP stand-in for the Stripe Connect endpoints the payout adapter calls (transfers, their reversals and
// lists). As Stripe does, it refuses a request without the platform's secret key, replays the first answer for a
// repeated Idempotency-Key (and refuses the key with other parameters), checks the destination and the platform
// balance, and signs webhook events with the endpoint's secret.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { parseStripeForm } from "./stripe-stand-in";

type Json = Record<string, unknown>;
type Transfer = Json & { id: string; amount: number; amount_reversed: number; created: number; reversals: Json };

const id = (prefix: string) => `${prefix}_test_${randomBytes(8).toString("hex")}`;

export async function startStripeConnectStandIn(options: { secretKey: string; balanceFen: number }) {
  const accounts = new Set<string>();
  const transfers = new Map<string, Transfer>();
  const replays = new Map<string, { params: string; status: number; body: Json }>();
  const failures = new Map<string, number>();
  let balance = options.balanceFen;
  let dropNext = 0;
  const webhookSecret = `whsec_${randomBytes(16).toString("hex")}`;

  const stripeError = (status: number, type: string, message: string, code?: string) => ({
    status,
    body: { error: { type, message, ...(code ? { code } : {}) } },
  });

  function route(method: string, target: URL, body: Json): { status: number; body: Json } {
    let match: RegExpMatchArray | null;
    if (method === "POST" && target.pathname === "/v1/transfers") {
      const amount = Number(body.amount);
      if (!accounts.has(String(body.destination)))
        return stripeError(
          400,
          "invalid_request_error",
          `No such destination: '${body.destination}'`,
          "resource_missing",
        );
      if (amount > balance)
        return stripeError(
          400,
          "invalid_request_error",
          "Insufficient funds in your Stripe balance",
          "balance_insufficient",
        );
      balance -= amount;
      const transfer: Transfer = {
        id: id("tr"),
        object: "transfer",
        amount,
        amount_reversed: 0,
        currency: body.currency,
        destination: body.destination,
        transfer_group: body.transfer_group ?? null,
        description: body.description ?? null,
        metadata: body.metadata ?? {},
        created: Math.floor(Date.now() / 1000),
        reversed: false,
        reversals: { object: "list", data: [], has_more: false },
      };
      transfers.set(transfer.id, transfer);
      return { status: 200, body: transfer };
    }
    if (method === "GET" && target.pathname === "/v1/transfers") {
      const group = target.searchParams.get("transfer_group");
      const gte = Number(target.searchParams.get("created[gte]") ?? 0);
      const lt = Number(target.searchParams.get("created[lt]") ?? Number.MAX_SAFE_INTEGER);
      const after = target.searchParams.get("starting_after");
      const limit = Number(target.searchParams.get("limit") ?? 10);
      let data = [...transfers.values()]
        .filter((t) => (group ? t.transfer_group === group : true) && t.created >= gte && t.created < lt)
        .reverse();
      if (after) data = data.slice(data.findIndex((t) => t.id === after) + 1);
      return {
        status: 200,
        body: { object: "list", data: data.slice(0, limit), has_more: data.length > limit, url: "/v1/transfers" },
      };
    }
    if (method === "POST" && (match = target.pathname.match(/^\/v1\/transfers\/(\w+)\/reversals$/))) {
      const transfer = transfers.get(match[1]);
      if (!transfer)
        return stripeError(404, "invalid_request_error", `No such transfer: '${match[1]}'`, "resource_missing");
      const amount = Number(body.amount ?? transfer.amount - transfer.amount_reversed);
      if (transfer.amount_reversed + amount > transfer.amount)
        return stripeError(400, "invalid_request_error", "Reversal amount exceeds what remains of the transfer");
      transfer.amount_reversed += amount;
      transfer.reversed = transfer.amount_reversed === transfer.amount;
      balance += amount;
      const reversal = {
        id: id("trr"),
        object: "transfer_reversal",
        amount,
        transfer: transfer.id,
        metadata: body.metadata ?? {},
      };
      (transfer.reversals.data as Json[]).push(reversal);
      return { status: 200, body: reversal };
    }
    return stripeError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${target.pathname})`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const target = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    const reply = (result: { status: number; body: Json }) => {
      res.writeHead(result.status, { "Content-Type": "application/json", "Request-Id": id("req") });
      res.end(JSON.stringify(result.body));
    };
    if (req.headers.authorization !== `Bearer ${options.secretKey}`)
      return reply(stripeError(401, "invalid_request_error", "Invalid API Key provided"));
    const call = `${method} ${target.pathname}`;
    if ((failures.get(call) ?? 0) > 0) {
      failures.set(call, failures.get(call)! - 1);
      return reply(stripeError(500, "api_error", "Stripe had an error (stand-in)"));
    }
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const replay = key ? replays.get(key) : undefined;
    let result: { status: number; body: Json };
    if (replay && replay.params !== text)
      result = stripeError(
        400,
        "idempotency_error",
        "Keys for idempotent requests can only be used with the same parameters they were first used with.",
      );
    else if (replay) result = replay;
    else {
      result = route(method, target, parseStripeForm(text));
      if (key && method === "POST" && result.status < 500)
        replays.set(key, { params: text, ...structuredClone(result) });
    }
    // The work is done, but the answer never arrives (a connection cut after Stripe committed).
    if (dropNext > 0 && method === "POST") {
      dropNext--;
      return req.socket.destroy();
    }
    reply(result);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    webhookSecret,
    transfers,
    /** A connected account that transfers may go to (Stripe onboards it; mainland-China accounts cannot exist). */
    account(accountId: string) {
      accounts.add(accountId);
    },
    balance: () => balance,
    paidTo(accountId: string) {
      return [...transfers.values()]
        .filter((transfer) => transfer.destination === accountId)
        .reduce((sum, transfer) => sum + transfer.amount - transfer.amount_reversed, 0);
    },
    /** A transfer made by hand in the dashboard (no Cunbo metadata). */
    transferInDashboard(accountId: string, amount: number) {
      const result = route("POST", new URL(`${url}/v1/transfers`), { amount, currency: "cny", destination: accountId });
      return result.body as Transfer;
    },
    failNext(call: string, times = 1) {
      failures.set(call, times);
    },
    /** The next `times` POSTs are carried out but their answers are lost. */
    dropNextAnswers(times = 1) {
      dropNext = times;
    },
    /** A Connect webhook event and its Stripe-Signature header. */
    event(type: string, object: Json, secret = webhookSecret) {
      const payload = JSON.stringify({
        id: id("evt"),
        object: "event",
        type,
        api_version: Stripe.API_VERSION,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        data: { object },
      });
      return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type StripeConnectStandIn = Awaited<ReturnType<typeof startStripeConnectStandIn>>;
