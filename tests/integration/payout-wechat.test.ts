// The WeChat Pay payout adapter against a stand-in of the profit-sharing API v3 that checks signatures as WeChat
// Pay does: pays once however often asked, retries heal, forged answers and notifications are refused.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PayoutLookup } from "~/domain/payouts/payout-lookup";
import type { PayoutRequest } from "~/domain/payouts/payout-provider";
import { createWechatPayoutProvider, WechatNotificationRejected } from "~/domain/payouts/wechat-provider.server";
import { rsaKeyPair, startWechatPayStandIn, type WechatPayStandIn } from "../helpers/wechatpay-stand-in";

const merchantKeys = rsaKeyPair();
const merchant = { mchid: "1900000100", serialNo: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1" };
let wechat: WechatPayStandIn;
// What the ledger would say each payout was split from (the merger reads it from the Payout table).
const sources = new Map<string, string[]>();
const lookup: PayoutLookup = {
  paymentRefs: async (payoutId) => sources.get(payoutId) ?? [],
  sentBetween: async () => [...sources.keys()],
};

function provider(overrides: { merchantPrivateKey?: string } = {}) {
  return createWechatPayoutProvider({
    mchid: merchant.mchid,
    appid: "wx8888888888888888",
    merchantPrivateKey: overrides.merchantPrivateKey ?? merchantKeys.privateKey,
    merchantSerialNo: merchant.serialNo,
    platformPublicKey: wechat.platform.publicKey,
    platformSerialNo: wechat.platform.serialNo,
    apiV3Key: wechat.apiV3Key,
    baseUrl: wechat.url,
    lookup,
  });
}

function payout(payoutId: string, account: string, parts: { ref: string; total: number; fen: number }[]) {
  sources.set(
    payoutId,
    parts.map((part) => part.ref),
  );
  for (const part of parts) wechat.payment(part.ref, part.total);
  const request: PayoutRequest = {
    payoutId,
    payee: {
      kind: "village",
      id: "village-jiangbian",
      name: "江边村",
      account: { provider: "wechat", accountRef: account, accountName: "江边村股份经济合作社" },
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
  wechat = await startWechatPayStandIn({ ...merchant, publicKey: merchantKeys.publicKey });
});
afterAll(() => wechat?.close());

describe("WeChat Pay profit sharing", () => {
  test("a payout split from two payments pays once, however often the request is repeated", async () => {
    const request = payout("po_w1", "1900000201", [
      { ref: "4200000001", total: 10_000, fen: 2_000 },
      { ref: "4200000002", total: 5_000, fen: 1_500 },
    ]);
    const first = await provider().pay(request);
    expect(first).toMatchObject({ status: "paid" });
    expect(first.providerRef).toMatch(/^\d+,\d+$/);
    // A duplicated run, from a fresh process (nothing remembered in memory).
    const again = await Promise.all([provider().pay(request), provider().pay(request)]);
    expect(again.map((result) => result.providerRef)).toEqual([first.providerRef, first.providerRef]);
    expect(wechat.paidTo("1900000201")).toBe(3_500);
    expect(wechat.receivers.get("MERCHANT_ID:1900000201")?.name).toBe("江边村股份经济合作社");
    expect(await provider().query("po_w1")).toEqual(first);
  });

  test("a failed request is retryable and the retry pays once", async () => {
    const request = payout("po_w2", "1900000202", [{ ref: "4200000003", total: 10_000, fen: 1_000 }]);
    wechat.failNext("POST /v3/profitsharing/orders", 1);
    const failed = await provider().pay(request);
    expect(failed).toMatchObject({ status: "failed", permanent: false });
    expect(failed.failure).toContain("SYSTEM_ERROR");
    expect(await provider().pay(request)).toMatchObject({ status: "paid" });
    expect(wechat.paidTo("1900000202")).toBe(1_000);
  });

  test("a split over the 30 % cap is refused before anything is sent, saying what to change", async () => {
    const request = payout("po_w3", "1900000203", [{ ref: "4200000004", total: 10_000, fen: 3_001 }]);
    const before = wechat.requests.length;
    const result = await provider().pay(request);
    expect(result).toMatchObject({ status: "failed", permanent: true });
    expect(result.failure).toMatch(/lower the split by ¥0\.01/);
    expect(wechat.requests.length).toBe(before);
  });

  test("a request signed with the wrong key is refused by the stand-in, and that is permanent", async () => {
    const request = payout("po_w4", "1900000204", [{ ref: "4200000005", total: 10_000, fen: 100 }]);
    const result = await provider({ merchantPrivateKey: rsaKeyPair().privateKey }).pay(request);
    expect(result).toMatchObject({ status: "failed", permanent: true });
    expect(result.failure).toContain("SIGN_ERROR");
    expect(wechat.paidTo("1900000204")).toBe(0);
  });

  test("an answer whose platform signature does not verify is not believed", async () => {
    const request = payout("po_w5", "1900000205", [{ ref: "4200000006", total: 10_000, fen: 100 }]);
    wechat.tamperNextAnswer();
    const result = await provider().pay(request);
    expect(result).toMatchObject({ status: "failed", permanent: false });
    expect(result.failure).toContain("not signed by WeChat Pay");
    // The retry finds the same order (the first call may have gone through) and pays nothing twice.
    expect(await provider().pay(request)).toMatchObject({ status: "paid" });
    expect(wechat.paidTo("1900000205")).toBe(100);
  });

  test("a clawback after a refund returns (回退) once, and a personal receiver's goes to the next statement", async () => {
    const request = payout("po_w6", "1900000206", [
      { ref: "4200000007", total: 10_000, fen: 2_000 },
      { ref: "4200000008", total: 10_000, fen: 500 },
    ]);
    await provider().pay(request);
    const clawback = { clawbackId: "cb_w6", payoutId: "po_w6", amountFen: 2_200, reason: "退款 CB-1001" };
    const first = await provider().clawBack(clawback);
    expect(first).toMatchObject({ status: "paid" });
    expect(await provider().clawBack(clawback)).toEqual(first);
    expect(wechat.paidTo("1900000206")).toBe(300);

    const personal = payout("po_w7", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", [{ ref: "4200000009", total: 10_000, fen: 800 }]);
    expect(await provider().pay(personal)).toMatchObject({ status: "paid" });
    const refused = await provider().clawBack({
      clawbackId: "cb_w7",
      payoutId: "po_w7",
      amountFen: 800,
      reason: "退款",
    });
    expect(refused).toMatchObject({ status: "failed", permanent: true });
    expect(refused.failure).toContain("next statement");
  });

  test("notifications are believed only with WeChat Pay's signature, fresh, and decryptable", async () => {
    const data = {
      mchid: merchant.mchid,
      transaction_id: "4200000001",
      order_id: "3008450740201411110007820472",
      out_order_no: "po_w1-1",
      receiver: { type: "MERCHANT_ID", account: "1900000201", amount: 2_000, description: "CB-po_w1" },
      success_time: new Date().toISOString(),
    };
    const good = wechat.notification("PROFITSHARING.SUCCESS", data);
    expect(provider().parseNotification(good.headers, good.body)).toEqual({
      eventType: "PROFITSHARING.SUCCESS",
      payoutId: "po_w1",
      providerRef: "3008450740201411110007820472",
      amountFen: 2_000,
      accountRef: "1900000201",
    });
    const forged = wechat.notification("PROFITSHARING.SUCCESS", data, { signWith: rsaKeyPair().privateKey });
    expect(() => provider().parseNotification(forged.headers, forged.body)).toThrow(WechatNotificationRejected);
    const altered = wechat.notification("PROFITSHARING.SUCCESS", data);
    expect(() => provider().parseNotification(altered.headers, altered.body.replace("encrypt", "Encrypt"))).toThrow(
      WechatNotificationRejected,
    );
    const stale = wechat.notification("PROFITSHARING.SUCCESS", data, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect(() => provider().parseNotification(stale.headers, stale.body)).toThrow(/stale/);
  });

  test("the daily records list what was really split to each payout", async () => {
    const records = await provider().listPaid({ from: new Date(0), to: new Date() });
    const byId = new Map(records.map((record) => [record.payoutId, record]));
    expect(byId.get("po_w1")).toMatchObject({ amountFen: 3_500, accountRef: "1900000201" });
    expect(byId.get("po_w2")).toMatchObject({ amountFen: 1_000 });
    expect(byId.has("po_w3")).toBe(false);
  });
});
