// The Alipay payout adapter (through alipay-sdk) against a stand-in gateway that checks RSA2 signatures as Alipay
// does: one settlement per out_request_no however often asked, retries heal, forged answers/notifications refused.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AlipayNotificationRejected, createAlipayPayoutProvider } from "~/domain/payouts/alipay-provider.server";
import type { PayoutLookup } from "~/domain/payouts/payout-lookup";
import type { PayoutRequest } from "~/domain/payouts/payout-provider";
import { startAlipayStandIn, type AlipayStandIn } from "../helpers/alipay-stand-in";
import { rsaKeyPair } from "../helpers/wechatpay-stand-in";

const appKeys = rsaKeyPair();
const appId = "2021000122671080";
let alipay: AlipayStandIn;
const sources = new Map<string, string[]>();
const lookup: PayoutLookup = {
  paymentRefs: async (payoutId) => sources.get(payoutId) ?? [],
  sentBetween: async () => [...sources.keys()],
};

function provider(overrides: { privateKey?: string; alipayPublicKey?: string } = {}) {
  return createAlipayPayoutProvider({
    appId,
    privateKey: overrides.privateKey ?? appKeys.privateKey,
    alipayPublicKey: overrides.alipayPublicKey ?? alipay.alipayPublicKey,
    gateway: alipay.gateway,
    lookup,
  });
}

function payout(payoutId: string, account: string, parts: { ref: string; total: number; fen: number }[]) {
  sources.set(
    payoutId,
    parts.map((part) => part.ref),
  );
  for (const part of parts) alipay.trade(part.ref, part.total);
  const request: PayoutRequest = {
    payoutId,
    payee: {
      kind: "host",
      id: "host-xiaomei",
      name: "小美",
      account: { provider: "alipay", accountRef: account, accountName: "王小美" },
    },
    amountFen: parts.reduce((sum, part) => sum + part.fen, 0),
    reference: `CB-${payoutId}`,
    sources: parts.map((part, index) => ({
      orderId: `order-${payoutId}-${index}`,
      paymentRef: part.ref,
      paymentTotalFen: part.total,
      amountFen: part.fen,
    })),
  };
  return request;
}

beforeAll(async () => {
  alipay = await startAlipayStandIn({ appId, publicKey: appKeys.publicKey });
});
afterAll(() => alipay?.close());

describe("Alipay royalty settlement", () => {
  test("a payout from two trades settles once, however often the request is repeated", async () => {
    const request = payout("po_a1", "2088101126708401", [
      { ref: "2026120122001401", total: 12_800, fen: 1_280 },
      { ref: "2026120122001402", total: 6_600, fen: 1_980 },
    ]);
    const first = await provider().pay(request);
    expect(first).toMatchObject({ status: "paid" });
    const again = await Promise.all([provider().pay(request), provider().pay(request)]);
    expect(again.map((result) => result.providerRef)).toEqual([first.providerRef, first.providerRef]);
    expect(alipay.paidTo("2088101126708401")).toBe(3_260);
    expect(alipay.settlements.size).toBe(2);
    expect(alipay.relations.get("2088101126708401")).toMatchObject({ type: "userId", name: "王小美" });
    expect(await provider().query("po_a1")).toEqual(first);
  });

  test("a failed request is retryable and the retry settles once", async () => {
    const request = payout("po_a2", "2088101126708402", [{ ref: "2026120122001403", total: 10_000, fen: 999 }]);
    alipay.failNext("alipay.trade.order.settle", 1);
    const failed = await provider().pay(request);
    expect(failed).toMatchObject({ status: "failed", permanent: false });
    expect(failed.failure).toContain("20000");
    expect(await provider().pay(request)).toMatchObject({ status: "paid" });
    expect(alipay.paidTo("2088101126708402")).toBe(999);
  });

  test("a split over the 30 % cap is refused before anything is sent, and the gateway would refuse it too", async () => {
    const request = payout("po_a3", "2088101126708403", [{ ref: "2026120122001404", total: 10_000, fen: 3_100 }]);
    const before = alipay.requests.length;
    const result = await provider().pay(request);
    expect(result).toMatchObject({ status: "failed", permanent: true });
    expect(result.failure).toMatch(/lower the split by ¥1\.00/);
    expect(alipay.requests.length).toBe(before);
    const unchecked = createAlipayPayoutProvider({
      appId,
      privateKey: appKeys.privateKey,
      alipayPublicKey: alipay.alipayPublicKey,
      gateway: alipay.gateway,
      lookup,
      splitCapBp: 10_000,
    });
    const refused = await unchecked.pay(request);
    expect(refused).toMatchObject({ status: "failed", permanent: true });
    expect(refused.failure).toContain("ACQ.ROYALTY_AMOUNT_EXCEED");
  });

  test("a request signed with the wrong key is refused by the gateway; an answer it did not sign is not believed", async () => {
    const request = payout("po_a4", "2088101126708404", [{ ref: "2026120122001405", total: 10_000, fen: 100 }]);
    const wrongKey = await provider({ privateKey: rsaKeyPair().privateKey }).pay(request);
    expect(wrongKey).toMatchObject({ status: "failed", permanent: true });
    expect(wrongKey.failure).toContain("isv.invalid-signature");
    const wrongAlipayKey = await provider({ alipayPublicKey: rsaKeyPair().publicKey }).pay(request);
    expect(wrongAlipayKey).toMatchObject({ status: "failed", permanent: false });
    expect(wrongAlipayKey.failure).toContain("验签失败");
    expect(alipay.paidTo("2088101126708404")).toBe(0);
  });

  test("after a refund, a clawback is refused as a deduction for the next statement, and nothing moves", async () => {
    const before = alipay.requests.length;
    const result = await provider().clawBack({
      clawbackId: "cb_a1",
      payoutId: "po_a1",
      amountFen: 1_280,
      reason: "退款",
    });
    expect(result).toMatchObject({ status: "failed", permanent: true });
    expect(result.failure).toContain("next statement");
    expect(alipay.requests.length).toBe(before);
    expect(alipay.paidTo("2088101126708401")).toBe(3_260);
  });

  test("notifications are believed only with Alipay's RSA2 signature", async () => {
    const form = alipay.notification("po_a1-1");
    expect(provider().parseNotification(form)).toMatchObject({
      method: "alipay.trade.order.settle.notify",
      payoutId: "po_a1",
      states: [{ accountRef: "2088101126708401", amountFen: 1_280, state: "SUCCESS" }],
    });
    const forged = alipay.notification("po_a1-1", { signWith: rsaKeyPair().privateKey });
    expect(() => provider().parseNotification(forged)).toThrow(AlipayNotificationRejected);
    const altered = { ...form, biz_content: form.biz_content.replace("12.80", "128.00") };
    expect(() => provider().parseNotification(altered)).toThrow(AlipayNotificationRejected);
  });

  test("the daily records list what was really settled to each payout", async () => {
    const records = await provider().listPaid({ from: new Date(0), to: new Date() });
    const byId = new Map(records.map((record) => [record.payoutId, record]));
    expect(byId.get("po_a1")).toMatchObject({ amountFen: 3_260, accountRef: "2088101126708401" });
    expect(byId.get("po_a2")).toMatchObject({ amountFen: 999 });
    expect(byId.has("po_a3")).toBe(false);
  });
});
