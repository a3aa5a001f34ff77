// The WeChat Pay provider: profit sharing (分账) API v3. Receivers are added once, each payout becomes one
// profit-sharing order per payment it is split from (out_order_no derived from the payout id, so a repeated
// request is the same order), returns (回退) claw money back after a refund. Every request is signed with the
// merchant's RSA key; every answer and notification must carry WeChat Pay's platform signature or is refused.
import { constants, createDecipheriv, createSign, createVerify, publicEncrypt, randomBytes } from "node:crypto";
import type { PayoutLookup } from "./payout-lookup";
import { isUsableOrderNoBase, payoutIdOfOrderNo, splitOrderNumbers } from "./payout-lookup";
import type { PayeeKind, PayoutProvider, PayoutRequest, PayoutResult, ProviderPayoutRecord } from "./payout-provider";
import { failed, isRetryableHttpStatus } from "./retry-policy";
import { DEFAULT_SPLIT_CAP_BP, describeSplitCapProblem, splitCapProblems } from "./split-cap";

export type WechatPayoutConfig = {
  mchid: string;
  appid: string;
  /** The merchant's API private key (PEM) and its certificate's serial number. */
  merchantPrivateKey: string;
  merchantSerialNo: string;
  /** WeChat Pay's platform public key (PEM) and its id (PUB_KEY_ID_… or the platform certificate's serial). */
  platformPublicKey: string;
  platformSerialNo: string;
  /** The 32-character APIv3 key that notifications' resources are encrypted with. */
  apiV3Key: string;
  /** https://api.mch.weixin.qq.com unless a stand-in is used. */
  baseUrl?: string;
  /** The merchant's approved profit-sharing ratio in basis points (3000 = 30 %, WeChat's default). */
  splitCapBp?: number;
  lookup: PayoutLookup;
  now?: () => Date;
};

/** Thrown for a notification that is not WeChat Pay's (bad or missing signature, stale, undecryptable). */
export class WechatNotificationRejected extends Error {}

const RETRYABLE_CODES = new Set(["SYSTEM_ERROR", "FREQUENCY_LIMITED", "RATELIMIT_EXCEEDED"]);
// How far a signed answer's timestamp may be from our clock before it is treated as a replay.
const MAX_CLOCK_SKEW_SECONDS = 300;

// WeChat's relation types (relation_type) for each kind of Cunbo payee.
const RELATION: Record<PayeeKind, string> = {
  workshop: "SUPPLIER",
  premium_fund: "PARTNER",
  host: "DISTRIBUTOR",
  village: "PARTNER",
  platform: "SERVICE_PROVIDER",
  worker: "USER",
};

type Json = Record<string, unknown>;
type Answer = { status: number; body: Json };

/** A merchant id is digits; anything else is a personal openid of the merchant's appid. */
export const wechatReceiverType = (accountRef: string) =>
  /^\d+$/.test(accountRef) ? "MERCHANT_ID" : "PERSONAL_OPENID";

function verifySignature(
  publicKey: string,
  headers: { timestamp?: string | null; nonce?: string | null; signature?: string | null },
  body: string,
): boolean {
  if (!headers.timestamp || !headers.nonce || !headers.signature) return false;
  return createVerify("RSA-SHA256")
    .update(`${headers.timestamp}\n${headers.nonce}\n${body}\n`)
    .verify(publicKey, headers.signature, "base64");
}

export function createWechatPayoutProvider(config: WechatPayoutConfig): PayoutProvider & {
  /** Verifies and decrypts a profit-sharing notification (PROFITSHARING.SUCCESS / .RETURN …). */
  parseNotification(headers: Headers, rawBody: string): WechatPayoutNotification;
} {
  const baseUrl = (config.baseUrl ?? "https://api.mch.weixin.qq.com").replace(/\/$/, "");
  const now = config.now ?? (() => new Date());
  const splitCapBp = config.splitCapBp ?? DEFAULT_SPLIT_CAP_BP;
  const addedReceivers = new Set<string>();

  function fresh(timestamp: string | null) {
    const skew = Math.abs(Math.floor(now().getTime() / 1000) - Number(timestamp));
    return Number.isFinite(skew) && skew <= MAX_CLOCK_SKEW_SECONDS;
  }

  async function call(method: "GET" | "POST", path: string, body?: Json): Promise<Answer> {
    const text = body ? JSON.stringify(body) : "";
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const nonce = randomBytes(16).toString("hex");
    const signature = createSign("RSA-SHA256")
      .update(`${method}\n${path}\n${timestamp}\n${nonce}\n${text}\n`)
      .sign(config.merchantPrivateKey, "base64");
    const authorization =
      `WECHATPAY2-SHA256-RSA2048 mchid="${config.mchid}",nonce_str="${nonce}",` +
      `signature="${signature}",timestamp="${timestamp}",serial_no="${config.merchantSerialNo}"`;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: authorization,
        Accept: "application/json",
        "User-Agent": "cunbo-payouts",
        "Wechatpay-Serial": config.platformSerialNo,
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      body: body ? text : undefined,
      signal: AbortSignal.timeout(20_000),
    });
    const answer = await response.text();
    const signed =
      response.headers.get("wechatpay-serial") === config.platformSerialNo &&
      fresh(response.headers.get("wechatpay-timestamp")) &&
      verifySignature(
        config.platformPublicKey,
        {
          timestamp: response.headers.get("wechatpay-timestamp"),
          nonce: response.headers.get("wechatpay-nonce"),
          signature: response.headers.get("wechatpay-signature"),
        },
        answer,
      );
    // An answer without WeChat Pay's signature may be forged: believe nothing in it (retrying is safe).
    if (!signed) throw new UnsignedAnswer(`${method} ${path}: the answer is not signed by WeChat Pay`);
    return { status: response.status, body: answer ? (JSON.parse(answer) as Json) : {} };
  }

  function failure(answer: Answer, what: string): PayoutResult {
    const code = String(answer.body.code ?? answer.status);
    const permanent = !isRetryableHttpStatus(answer.status) && !RETRYABLE_CODES.has(code);
    return failed(`WeChat Pay ${what}: ${code} ${String(answer.body.message ?? "")}`.trim(), permanent);
  }

  /** Runs a call; a network error or an unsigned answer is a retryable failure, not a crash. */
  async function attempt(run: () => Promise<PayoutResult>): Promise<PayoutResult> {
    try {
      return await run();
    } catch (error) {
      return failed(`WeChat Pay unreachable or unverified: ${(error as Error).message}`, false);
    }
  }

  async function addReceiver(request: PayoutRequest): Promise<PayoutResult | null> {
    const { account } = request.payee;
    const key = `${wechatReceiverType(account.accountRef)}:${account.accountRef}`;
    if (addedReceivers.has(key)) return null;
    const answer = await call("POST", "/v3/profitsharing/receivers/add", {
      appid: config.appid,
      type: wechatReceiverType(account.accountRef),
      account: account.accountRef,
      // Names travel encrypted with the platform key (RSA-OAEP), as WeChat Pay requires.
      name: publicEncrypt(
        { key: config.platformPublicKey, padding: constants.RSA_PKCS1_OAEP_PADDING },
        Buffer.from(account.accountName, "utf8"),
      ).toString("base64"),
      relation_type: RELATION[request.payee.kind],
    });
    if (answer.status !== 200) return failure(answer, "could not add the receiver");
    addedReceivers.add(key);
    return null;
  }

  /** One payout's orders, combined: paid when every receiver line succeeded. */
  function combine(orders: Json[], accountRef: string): PayoutResult & { amountFen: number } {
    const lines = orders.map((order) => {
      const receivers = (order.receivers as Json[] | undefined) ?? [];
      return { order, line: receivers.find((receiver) => receiver.account === accountRef) };
    });
    const providerRef = orders.map((order) => String(order.order_id)).join(",");
    const amountFen = lines.reduce((sum, { line }) => sum + Number(line?.amount ?? 0), 0);
    const closed = lines.find(({ line }) => !line || line.result === "CLOSED");
    if (closed)
      return {
        ...failed(`WeChat Pay closed the split: ${String(closed.line?.fail_reason ?? "receiver missing")}`, true),
        providerRef,
        amountFen,
      };
    const done = lines.every(({ line }) => line?.result === "SUCCESS");
    return { status: done ? "paid" : "processing", providerRef, amountFen };
  }

  async function queryOrders(payoutId: string): Promise<{ answers: Answer[]; orderNos: string[] }> {
    const orders = splitOrderNumbers(payoutId, await config.lookup.paymentRefs(payoutId));
    const answers: Answer[] = [];
    for (const { paymentRef, orderNo } of orders) {
      answers.push(
        await call(
          "GET",
          `/v3/profitsharing/orders/${encodeURIComponent(orderNo)}?transaction_id=${encodeURIComponent(paymentRef)}`,
        ),
      );
    }
    return { answers, orderNos: orders.map((order) => order.orderNo) };
  }

  return {
    name: "wechat",
    splitCapBp,

    pay: (request) =>
      attempt(async () => {
        if (!isUsableOrderNoBase(request.payoutId)) return failed(`payout id unusable as out_order_no`, true);
        if (request.sources.reduce((sum, source) => sum + source.amountFen, 0) !== request.amountFen)
          return failed("the payout's sources do not add up to its amount", true);
        const [problem] = splitCapProblems([request], splitCapBp);
        if (problem) return failed(describeSplitCapProblem(problem, splitCapBp).en, true);
        const refused = await addReceiver(request);
        if (refused) return refused;
        const bySource = new Map(request.sources.map((source) => [source.paymentRef, source]));
        const orders: Json[] = [];
        for (const { paymentRef, orderNo } of splitOrderNumbers(request.payoutId, [...bySource.keys()])) {
          const answer = await call("POST", "/v3/profitsharing/orders", {
            appid: config.appid,
            transaction_id: paymentRef,
            out_order_no: orderNo,
            receivers: [
              {
                type: wechatReceiverType(request.payee.account.accountRef),
                account: request.payee.account.accountRef,
                amount: bySource.get(paymentRef)!.amountFen,
                description: request.reference.slice(0, 80),
              },
            ],
            // Other payees may still be split from the same payment; the rest is unfrozen when the order is done.
            unfreeze_unsplit: false,
          });
          if (answer.status !== 200) return failure(answer, `refused ${orderNo}`);
          orders.push(answer.body);
        }
        const { amountFen: _amount, ...result } = combine(orders, request.payee.account.accountRef);
        return result;
      }),

    query: (payoutId) =>
      attempt(async () => {
        const { answers } = await queryOrders(payoutId);
        const refused = answers.find((answer) => answer.status !== 200);
        if (refused) return failure(refused, "query");
        const first = (answers[0]?.body.receivers as Json[] | undefined)?.[0];
        const { amountFen: _amount, ...result } = combine(
          answers.map((answer) => answer.body),
          String(first?.account ?? ""),
        );
        return result;
      }),

    clawBack: ({ clawbackId, payoutId, amountFen, reason }) =>
      attempt(async () => {
        if (!isUsableOrderNoBase(clawbackId)) return failed("clawback id unusable as out_return_no", true);
        const { answers, orderNos } = await queryOrders(payoutId);
        const refused = answers.find((answer) => answer.status !== 200);
        if (refused) return failure(refused, "query before return");
        const lines = answers.map((answer, index) => ({
          orderNo: orderNos[index],
          line: ((answer.body.receivers as Json[] | undefined) ?? [])[0],
        }));
        const account = String(lines[0]?.line?.account ?? "");
        if (wechatReceiverType(account) !== "MERCHANT_ID")
          return failed(
            "WeChat Pay returns (回退) only from merchant receivers: deduct this from the payee's next statement",
            true,
          );
        // The largest orders first, so one return usually covers the whole clawback; derived ids keep it once-only.
        lines.sort((a, b) => Number(b.line?.amount ?? 0) - Number(a.line?.amount ?? 0));
        let left = amountFen;
        const returns: Json[] = [];
        for (const [index, { orderNo, line }] of lines.entries()) {
          if (left <= 0) break;
          const take = Math.min(left, Number(line?.amount ?? 0));
          if (take <= 0) continue;
          const answer = await call("POST", "/v3/profitsharing/return-orders", {
            out_order_no: orderNo,
            out_return_no: `${clawbackId}-${index + 1}`,
            return_mchid: account,
            amount: take,
            description: reason.slice(0, 80),
          });
          if (answer.status !== 200) return failure(answer, "refused the return");
          returns.push(answer.body);
          left -= take;
        }
        if (left > 0) return failed(`${left} fen more than the payout paid: deduct it from the next statement`, true);
        const providerRef = returns.map((entry) => String(entry.return_id)).join(",");
        const bad = returns.find((entry) => entry.result === "FAILED");
        if (bad) return { ...failed(`WeChat Pay return failed: ${String(bad.fail_reason)}`, false), providerRef };
        const done = returns.every((entry) => entry.result === "SUCCESS");
        return { status: done ? "paid" : "processing", providerRef };
      }),

    async listPaid(range) {
      const records: ProviderPayoutRecord[] = [];
      for (const payoutId of await config.lookup.sentBetween(range)) {
        const { answers } = await queryOrders(payoutId);
        const orders = answers.filter((answer) => answer.status === 200).map((answer) => answer.body);
        const paid = orders.flatMap((order) =>
          ((order.receivers as Json[] | undefined) ?? [])
            .filter((receiver) => receiver.result === "SUCCESS")
            .map((receiver) => ({ order, receiver })),
        );
        if (!paid.length) continue;
        records.push({
          payoutId,
          providerRef: paid.map(({ order }) => String(order.order_id)).join(","),
          amountFen: paid.reduce((sum, { receiver }) => sum + Number(receiver.amount), 0),
          accountRef: String(paid[0].receiver.account),
        });
      }
      return records;
    },

    parseNotification(headers, rawBody) {
      const timestamp = headers.get("wechatpay-timestamp");
      if (headers.get("wechatpay-serial") !== config.platformSerialNo)
        throw new WechatNotificationRejected("signed with an unknown platform key");
      if (!fresh(timestamp)) throw new WechatNotificationRejected("stale or missing timestamp");
      const signed = verifySignature(
        config.platformPublicKey,
        { timestamp, nonce: headers.get("wechatpay-nonce"), signature: headers.get("wechatpay-signature") },
        rawBody,
      );
      if (!signed) throw new WechatNotificationRejected("bad signature");
      const event = JSON.parse(rawBody) as Json;
      const resource = event.resource as Json;
      try {
        const sealed = Buffer.from(String(resource.ciphertext), "base64");
        const decipher = createDecipheriv(
          "aes-256-gcm",
          Buffer.from(config.apiV3Key, "utf8"),
          Buffer.from(String(resource.nonce), "utf8"),
        );
        decipher.setAAD(Buffer.from(String(resource.associated_data ?? ""), "utf8"));
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
        const data = JSON.parse(plain.toString("utf8")) as Json;
        const receiver = data.receiver as Json;
        return {
          eventType: String(event.event_type),
          payoutId: payoutIdOfOrderNo(String(data.out_order_no)),
          providerRef: String(data.order_id),
          amountFen: Number(receiver.amount),
          accountRef: String(receiver.account),
        };
      } catch {
        throw new WechatNotificationRejected("the resource could not be decrypted with the APIv3 key");
      }
    },
  };
}

export type WechatPayoutNotification = {
  eventType: string;
  payoutId: string;
  providerRef: string;
  amountFen: number;
  accountRef: string;
};

class UnsignedAnswer extends Error {}
