// Stripe delivers events at least once, in any order, and retries what failed: each case through the real
// webhook endpoint, against the stand-in whose objects the test controls, with the job queue running.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { oweRefund, sweepOwedRefunds } from "~/domain/payments/owed-refunds.server";
import { cancelUnpaidOrder, lockOrder } from "~/domain/checkout/reservations.server";
import { db } from "~/lib/db.server";
import { startJobs, type RunningJobs } from "../../server/jobs";
import { Visitor } from "../helpers/http";
import { variantBySku } from "../helpers/market";
import { startTestServer } from "../helpers/server";
import { configureStripe, effects, stripeCheckout, WEBHOOK_SECRET } from "../helpers/stripe-checkout";
import { startStripeStandIn, type StripeStandIn } from "../helpers/stripe-stand-in";

let baseUrl: string;
let stripe: StripeStandIn;
let jobs: RunningJobs;
let stripeOrder: ReturnType<typeof stripeCheckout>["stripeOrder"];
let deliver: ReturnType<typeof stripeCheckout>["deliver"];

beforeAll(async () => {
  stripe = await startStripeStandIn();
  configureStripe(stripe);
  baseUrl = (await startTestServer()).url;
  ({ stripeOrder, deliver } = stripeCheckout(baseUrl, stripe));
  // Retries a second apart and two of them, so a refund that keeps failing gives up within the test.
  jobs = await startJobs(process.env.DATABASE_URL!, {
    pollingIntervalSeconds: 0.5,
    owedRefundRetries: { limit: 2, delaySeconds: 1 },
  });
});
afterAll(async () => {
  await jobs.stop();
  await stripe.close();
});

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const outcomeOf = async (response: Response) => ((await response.json()) as { outcome: string }).outcome;

/** An order whose hold lapsed, paid at Stripe after its umbrella was sold to someone else. */
async function latePaymentOfGoneStock() {
  const placed = await stripeOrder();
  await cancelUnpaidOrder(placed.order.id);
  const umbrella = await variantBySku("NY-FD-NV");
  await db.variant.update({ where: { id: umbrella.id }, data: { stock: 0 } });
  stripe.session(placed.sessionId).status = "open";
  const paid = stripe.pay(placed.sessionId);
  onTestFinished(async () => {
    await db.variant.update({ where: { id: umbrella.id }, data: { stock: umbrella.stock } });
  });
  return { ...placed, ...paid };
}

const refundCalls = (orderId: string) =>
  stripe.requests.filter(
    (r) =>
      r.method === "POST" &&
      r.path === "/v1/refunds" &&
      r.body.metadata &&
      (r.body.metadata as Record<string, unknown>).orderId === orderId,
  );

describe("Stripe events in any order", () => {
  it("a full refund whose charge.refunded arrives before the payment's events leaves the order refunded, never queued for packing", async () => {
    const { sessionId, order } = await stripeOrder();
    const umbrellaStock = (await variantBySku("NY-FD-NV")).stock;
    const { intentId, chargeId } = stripe.pay(sessionId);
    stripe.refundInDashboard(chargeId, order.totalFen);
    const refunded = stripe.event("charge.refunded", stripe.charges.get(chargeId)!);
    const completed = stripe.event("checkout.session.completed", stripe.session(sessionId));
    const succeeded = stripe.event("payment_intent.succeeded", stripe.intent(intentId));

    for (const payload of [refunded, completed, succeeded, refunded, completed]) {
      expect((await deliver(payload)).status).toBe(200);
    }
    expect(await effects(order.id)).toMatchObject({ status: "refunded", fulfilment: 0, ledger: 0, held: 0 });
    expect((await variantBySku("NY-FD-NV")).stock).toBe(umbrellaStock + 1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).paymentRef).toBe(intentId);
  });

  it("a full refund whose refund.created arrives before checkout.session.completed makes that paid event end in refunded", async () => {
    const { sessionId, order } = await stripeOrder();
    const { chargeId } = stripe.pay(sessionId);
    const refund = stripe.refundInDashboard(chargeId, order.totalFen);
    expect((await deliver(stripe.event("refund.created", refund))).status).toBe(200);
    const paid = await deliver(stripe.event("checkout.session.completed", stripe.session(sessionId)));
    expect(paid.status).toBe(200);
    expect(await outcomeOf(paid)).toBe("already-refunded");
    expect(await effects(order.id)).toMatchObject({ status: "refunded", fulfilment: 0, ledger: 0, held: 0 });
  });

  it("a late payment whose refund call fails once is still refunded in full, by the retried job, and redelivery refunds nothing more", async () => {
    const late = await latePaymentOfGoneStock();
    stripe.failNext("POST /v1/refunds", 1);
    const payload = stripe.event("checkout.session.completed", stripe.session(late.sessionId));
    const first = await deliver(payload);
    expect(first.status).toBe(200);
    expect(await outcomeOf(first)).toBe("refund-queued");
    await until(async () => (await effects(late.order.id)).status === "refunded");
    expect(stripe.charges.get(late.chargeId)).toMatchObject({ refunded: true, amount_refunded: late.order.totalFen });

    const again = await deliver(payload);
    expect(again.status).toBe(200);
    expect(await outcomeOf(again)).toBe("duplicate");
    expect((await deliver(stripe.event("payment_intent.succeeded", stripe.intent(late.intentId)))).status).toBe(200);
    expect(await effects(late.order.id)).toMatchObject({ status: "refunded", fulfilment: 0, ledger: 0 });
    expect(stripe.charges.get(late.chargeId)!.amount_refunded).toBe(late.order.totalFen);
    expect(new Set(refundCalls(late.order.id).map((r) => r.idempotencyKey))).toEqual(
      new Set([`cunbo-order-${late.order.id}-refund-late`]),
    );
  });

  it("a refund that keeps failing shows on the admin's desk, and the admin's try-again makes it", async () => {
    const late = await latePaymentOfGoneStock();
    stripe.failNext("POST /v1/refunds", 100);
    onTestFinished(() => stripe.failNext("POST /v1/refunds", 0));
    const first = await deliver(stripe.event("checkout.session.completed", stripe.session(late.sessionId)));
    expect(first.status).toBe(200);
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    await until(async () => (await (await admin.get("/admin/refunds")).text()).includes(late.order.number));
    expect((await effects(late.order.id)).status).toBe("cancelled");
    expect(stripe.charges.get(late.chargeId)!.refunded).toBe(false);
    // At once, then the job's first run and its two retries.
    expect((await db.owedRefund.findUniqueOrThrow({ where: { orderId: late.order.id } })).attempts).toBe(4);
    expect(await (await admin.get("/admin")).text()).toContain('href="/admin/refunds"');
    const guest = await new Visitor(baseUrl).get("/admin/refunds");
    expect(guest.status).toBe(302);

    stripe.failNext("POST /v1/refunds", 0);
    const retried = await admin.post("/admin/refunds", { orderId: late.order.id });
    expect(retried.status).toBe(302);
    expect(await effects(late.order.id)).toMatchObject({ status: "refunded", fulfilment: 0 });
    expect(stripe.charges.get(late.chargeId)).toMatchObject({ refunded: true, amount_refunded: late.order.totalFen });
    expect(await (await admin.get("/admin/refunds")).text()).not.toContain(late.order.number);
    expect((await admin.post("/admin/refunds", { orderId: "no-such-order" })).status).toBe(404);
    expect((await admin.post("/admin/refunds", {})).status).toBe(400);
  });

  it("an owed refund that was never tried (the process stopped right after the payment) is queued by the sweep and made", async () => {
    const late = await latePaymentOfGoneStock();
    await db.$transaction(async (tx) => oweRefund(tx, (await lockOrder(tx, late.order.id))!, late.intentId));
    expect(await sweepOwedRefunds(new Date())).toBe(0);
    expect(await sweepOwedRefunds(new Date(Date.now() + 11 * 60_000))).toBe(1);
    await until(async () => (await effects(late.order.id)).status === "refunded");
    expect(stripe.charges.get(late.chargeId)).toMatchObject({ refunded: true, amount_refunded: late.order.totalFen });
    expect(await sweepOwedRefunds(new Date(Date.now() + 11 * 60_000))).toBe(0);
  });

  it("a late payment_intent.succeeded after the buyer cancelled and was refunded is answered 200 and changes nothing", async () => {
    const { sessionId, order, guest } = await stripeOrder();
    const { intentId } = stripe.pay(sessionId);
    expect((await deliver(stripe.event("checkout.session.completed", stripe.session(sessionId)))).status).toBe(200);
    const cancel = await guest.post(`/orders/${order.id}?token=${order.accessToken}`, {
      intent: "cancel",
      token: order.accessToken,
    });
    expect(cancel.status).toBeLessThan(400);
    const before = await effects(order.id);
    expect(before.status).toBe("cancelled");

    const late = stripe.event("payment_intent.succeeded", stripe.intent(intentId));
    const replies = [await deliver(late), await deliver(late)];
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(await outcomeOf(replies[0])).toBe("already-settled");
    expect(await effects(order.id)).toEqual(before);
    expect(await db.fulfilmentOrder.count({ where: { orderId: order.id, status: { not: "cancelled" } } })).toBe(0);
    const net = await db.ledgerEntry.aggregate({ where: { orderId: order.id }, _sum: { amountFen: true } });
    expect(net._sum.amountFen).toBe(0);
  });

  it("a correctly signed body that is no usable event (null, an array, no object, an object Stripe does not know) is answered 400 and the server keeps serving", async () => {
    const bodies = [
      "null",
      "[]",
      "{}",
      '"evt_text"',
      "42",
      '{"id":"evt_no_data","type":"checkout.session.completed"}',
      '{"id":"evt_no_object","type":"checkout.session.completed","data":{"object":null}}',
      '{"id":"evt_no_object_id","type":"payment_intent.succeeded","data":{"object":{}}}',
      '{"id":{"nested":true},"type":"charge.refunded","data":{"object":{"id":"ch_x"}}}',
      '{"id":"evt_unknown_session","type":"checkout.session.completed","data":{"object":{"id":"cs_test_nosuch"}}}',
      '{"id":"evt_unknown_charge","type":"charge.refunded","data":{"object":{"id":"ch_test_nosuch"}}}',
    ];
    for (const body of bodies) {
      const reply = await deliver(body);
      expect(reply.status, body).toBe(400);
      await reply.text();
    }
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect(await db.paymentEvent.count({ where: { eventId: { startsWith: "evt_unknown" } } })).toBe(0);
  });

  it("events stamped in the future beyond a small clock skew are refused; a few seconds ahead is accepted", async () => {
    const { sessionId, order } = await stripeOrder();
    stripe.pay(sessionId);
    const payload = stripe.event("checkout.session.completed", stripe.session(sessionId));
    const now = Math.floor(Date.now() / 1000);
    for (const ahead of [3600, 30 * 24 * 3600]) {
      expect((await deliver(payload, stripe.sign(payload, WEBHOOK_SECRET, now + ahead))).status).toBe(400);
    }
    expect((await effects(order.id)).status).toBe("pending_payment");
    expect((await deliver(payload, stripe.sign(payload, WEBHOOK_SECRET, now + 30))).status).toBe(200);
    expect((await effects(order.id)).status).toBe("paid");
  });
});
