// The Stripe provider end to end, against a local stand-in of Stripe's API: the real SDK, the real webhook
// endpoint with signed payloads, and the one settlement path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelUnpaidOrder } from "~/domain/checkout/reservations.server";
import { refundOrder } from "~/domain/orders/refunds.server";
import { db } from "~/lib/db.server";
import { variantBySku } from "../helpers/market";
import { startTestServer } from "../helpers/server";
import { configureStripe, effects, stripeCheckout, WEBHOOK_SECRET } from "../helpers/stripe-checkout";
import { startStripeStandIn, type StripeStandIn } from "../helpers/stripe-stand-in";

let baseUrl: string;
let stripe: StripeStandIn;
let stripeOrder: ReturnType<typeof stripeCheckout>["stripeOrder"];
let deliver: ReturnType<typeof stripeCheckout>["deliver"];
const SECRET = WEBHOOK_SECRET;

beforeAll(async () => {
  stripe = await startStripeStandIn();
  configureStripe(stripe);
  baseUrl = (await startTestServer()).url;
  ({ stripeOrder, deliver } = stripeCheckout(baseUrl, stripe));
});
afterAll(() => stripe.close());

describe("the Stripe provider", () => {
  it("creates a Checkout Session with an idempotency key from the order, in CNY, for card, Alipay and WeChat Pay", async () => {
    const { order, sessionId, guest } = await stripeOrder();
    const create = stripe.requests.filter(
      (r) => r.path === "/v1/checkout/sessions" && r.body.client_reference_id === order.id,
    );
    expect(create).toHaveLength(1);
    expect(create[0].idempotencyKey).toBe(`cunbo-order-${order.id}-checkout`);
    expect(create[0].body).toMatchObject({
      currency: "cny",
      mode: "payment",
      allowed_payment_method_types: ["card", "alipay", "wechat_pay"],
    });
    expect(stripe.session(sessionId).amount_total).toBe(order.totalFen);
    // "Pay now" again reuses the same session: same key, same answer.
    const again = await guest.post(`/orders/${order.id}?token=${order.accessToken}`, {
      intent: "pay",
      token: order.accessToken,
    });
    expect(again.headers.get("location")).toBe(`${stripe.url}/pay/${sessionId}`);
    expect(stripe.requests.filter((r) => r.idempotencyKey === `cunbo-order-${order.id}-checkout`)).toHaveLength(2);
  });

  it("refuses events with a bad signature, no signature, or an old timestamp", async () => {
    const { sessionId, order } = await stripeOrder();
    stripe.pay(sessionId);
    const payload = stripe.event("checkout.session.completed", stripe.session(sessionId));
    expect((await deliver(payload, stripe.sign(payload, "whsec_someone_else"))).status).toBe(400);
    expect((await deliver(payload, "")).status).toBe(400);
    expect((await deliver(payload, stripe.sign(payload, SECRET, Math.floor(Date.now() / 1000) - 301))).status).toBe(
      400,
    );
    const tampered = payload.replace('"livemode":false', '"livemode":true');
    expect((await deliver(tampered, stripe.sign(payload, SECRET))).status).toBe(400);
    expect((await effects(order.id)).status).toBe("pending_payment");
    expect(await db.paymentEvent.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("the same event three times makes one paid transition, one set of fulfilment orders, one set of ledger entries", async () => {
    const { sessionId, order } = await stripeOrder();
    const { intentId } = stripe.pay(sessionId);
    const payload = stripe.event("checkout.session.completed", stripe.session(sessionId));
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await deliver(payload));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await replies[2].json()).outcome).toBe("duplicate");
    const after = await effects(order.id);
    expect(after).toMatchObject({ status: "paid", fulfilment: 2, held: 0 });
    expect(after.ledger).toBe(4 + 5); // the umbrella line has no host share; the tea line does
    expect(await db.paymentEvent.count({ where: { provider: "stripe", orderId: order.id } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).paymentRef).toBe(intentId);
  });

  it("events out of order, and all at once, still make exactly one paid transition", async () => {
    const { sessionId, order } = await stripeOrder();
    const { intentId } = stripe.pay(sessionId);
    // The stale "expired" snapshot is re-read from Stripe, where the session is complete: it cancels nothing.
    const stale = stripe.event("checkout.session.expired", { ...stripe.session(sessionId), status: "expired" });
    const intent = stripe.event("payment_intent.succeeded", stripe.intent(intentId));
    const completed = stripe.event("checkout.session.completed", stripe.session(sessionId));
    expect((await deliver(stale)).status).toBe(200);
    const replies = await Promise.all([intent, completed, intent, completed].map((p) => deliver(p)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const after = await effects(order.id);
    expect(after).toMatchObject({ status: "paid", fulfilment: 2, ledger: 9, held: 0 });
    const paidAt = after.paidAt;
    expect((await deliver(stripe.event("checkout.session.completed", stripe.session(sessionId)))).status).toBe(200);
    expect((await effects(order.id)).paidAt).toEqual(paidAt);
  });

  it("an asynchronous payment is paid when it succeeds, and lets the order go (stock back) when it fails", async () => {
    const first = await stripeOrder();
    stripe.pay(first.sessionId, { async: true });
    await deliver(stripe.event("checkout.session.completed", stripe.session(first.sessionId)));
    expect((await effects(first.order.id)).status).toBe("pending_payment");
    stripe.settleAsync(first.sessionId, true);
    await deliver(stripe.event("checkout.session.async_payment_succeeded", stripe.session(first.sessionId)));
    expect((await effects(first.order.id)).status).toBe("paid");

    const second = await stripeOrder();
    const before = (await variantBySku("NY-FD-NV")).stock;
    stripe.pay(second.sessionId, { async: true });
    stripe.settleAsync(second.sessionId, false);
    await deliver(stripe.event("checkout.session.async_payment_failed", stripe.session(second.sessionId)));
    expect(await effects(second.order.id)).toMatchObject({ status: "cancelled", held: 0, ledger: 0 });
    expect((await variantBySku("NY-FD-NV")).stock).toBe(before + 1);
  });

  it("an expired session cancels the order; a lapsed hold expires the session at Stripe", async () => {
    const first = await stripeOrder();
    stripe.session(first.sessionId).status = "expired";
    await deliver(stripe.event("checkout.session.expired", stripe.session(first.sessionId)));
    expect((await effects(first.order.id)).status).toBe("cancelled");

    const second = await stripeOrder();
    expect(await cancelUnpaidOrder(second.order.id)).toBe(true);
    const expire = stripe.requests.find((r) => r.path === `/v1/checkout/sessions/${second.sessionId}/expire`);
    expect(expire?.idempotencyKey).toBe(`cunbo-order-${second.order.id}-expire`);
    expect(stripe.session(second.sessionId).status).toBe("expired");
  });

  it("a payment that lands after the hold lapsed takes the stock again, or is refunded in full when it is gone", async () => {
    const first = await stripeOrder();
    await cancelUnpaidOrder(first.order.id);
    stripe.session(first.sessionId).status = "open";
    stripe.pay(first.sessionId);
    await deliver(stripe.event("checkout.session.completed", stripe.session(first.sessionId)));
    expect(await effects(first.order.id)).toMatchObject({ status: "paid", fulfilment: 2 });

    const second = await stripeOrder();
    await cancelUnpaidOrder(second.order.id);
    const umbrella = await variantBySku("NY-FD-NV");
    await db.variant.update({ where: { id: umbrella.id }, data: { stock: 0 } });
    stripe.session(second.sessionId).status = "open";
    const { chargeId } = stripe.pay(second.sessionId);
    await deliver(stripe.event("checkout.session.completed", stripe.session(second.sessionId)));
    expect(await effects(second.order.id)).toMatchObject({ status: "refunded", fulfilment: 0, ledger: 0 });
    expect(stripe.charges.get(chargeId)).toMatchObject({ refunded: true, amount_refunded: second.order.totalFen });
    await db.variant.update({ where: { id: umbrella.id }, data: { stock: umbrella.stock } });
  });

  it("when Stripe's API fails, the buyer's pay and cancel are answered 503 with a message and change nothing; pressed again, they work", async () => {
    const { sessionId, order, guest } = await stripeOrder();
    const page = `/orders/${order.id}?token=${order.accessToken}`;
    stripe.failNext("POST /v1/checkout/sessions", 1);
    const pay = await guest.post(page, { intent: "pay", token: order.accessToken });
    expect(pay.status).toBe(503);
    expect(await pay.text()).toContain("支付机构暂时没有响应");
    expect((await guest.post(page, { intent: "pay", token: order.accessToken })).status).toBe(302);

    stripe.pay(sessionId);
    await deliver(stripe.event("checkout.session.completed", stripe.session(sessionId)));
    stripe.failNext("POST /v1/refunds", 1);
    const cancel = await guest.post(page, { intent: "cancel", token: order.accessToken });
    expect(cancel.status).toBe(503);
    expect(await effects(order.id)).toMatchObject({ status: "paid", fulfilment: 2 });
    expect((await guest.post(page, { intent: "cancel", token: order.accessToken })).status).toBe(302);
    expect((await effects(order.id)).status).toBe("cancelled");
  });

  it("refunds a workshop's part through Stripe once, and a dashboard refund of the rest reverses what is left", async () => {
    const { sessionId, order, umbrella } = await stripeOrder();
    const { chargeId } = stripe.pay(sessionId);
    await deliver(stripe.event("checkout.session.completed", stripe.session(sessionId)));
    const scope = `workshop:${umbrella.product.workshopId}` as const;
    const { amountFen } = await refundOrder({ orderId: order.id, scope });
    const refundCall = stripe.requests.filter((r) => r.path === "/v1/refunds" && r.method === "POST");
    expect(refundCall.at(-1)?.idempotencyKey).toBe(`cunbo-order-${order.id}-refund-${scope}`);
    const umbrellaLine = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id, variantId: umbrella.id } });
    const umbrellaShipping = (
      await db.fulfilmentOrder.findFirstOrThrow({
        where: { orderId: order.id, workshopId: umbrella.product.workshopId },
      })
    ).shippingFen;
    expect(amountFen).toBe(umbrellaLine.lineTotalFen + umbrellaShipping);
    // Stripe then tells us about the same refund: nothing more happens.
    await deliver(stripe.event("charge.refunded", stripe.charges.get(chargeId)!));
    const net = await db.ledgerEntry.groupBy({
      by: ["orderLineId"],
      where: { orderId: order.id },
      _sum: { amountFen: true },
    });
    const netOf = (lineId: string) => net.find((n) => n.orderLineId === lineId)?._sum.amountFen;
    expect(netOf(umbrellaLine.id)).toBe(0);
    expect((await effects(order.id)).status).toBe("paid");

    stripe.refundInDashboard(chargeId, order.totalFen - amountFen);
    await deliver(stripe.event("charge.refunded", stripe.charges.get(chargeId)!));
    expect((await effects(order.id)).status).toBe("refunded");
    expect(net.length).toBe(2);
    const total = await db.ledgerEntry.aggregate({ where: { orderId: order.id }, _sum: { amountFen: true } });
    expect(total._sum.amountFen).toBe(0);
    expect(await db.ledgerEntry.count({ where: { orderId: order.id, kind: "reversal" } })).toBe(9);
  });
});
