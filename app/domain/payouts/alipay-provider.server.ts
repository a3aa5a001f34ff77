// The Alipay provider: royalty settlement (分账) through Alipay's own SDK. A payee's account is bound once
// (alipay.trade.royalty.relation.bind), each payout becomes one settlement per payment it is split from
// (alipay.trade.order.settle, out_request_no derived from the payout id), and alipay.trade.order.settle.query
// says what became of it. Requests are RSA2-signed by the SDK and every answer's RSA2 signature is checked.
import { AlipaySdk, type AlipaySdkCommonResult } from "alipay-sdk";
import { parseYuan, yuanInput } from "~/lib/money";
import type { PayoutLookup } from "./payout-lookup";
import { isUsableOrderNoBase, payoutIdOfOrderNo, splitOrderNumbers } from "./payout-lookup";
import type { PayoutProvider, PayoutRequest, PayoutResult, ProviderPayoutRecord } from "./payout-provider";
import { failed } from "./retry-policy";
import { DEFAULT_SPLIT_CAP_BP, describeSplitCapProblem, splitCapProblems } from "./split-cap";

export type AlipayPayoutConfig = {
  appId: string;
  /** The application's private key (PKCS#8 PEM) and Alipay's public key (PEM) for its answers. */
  privateKey: string;
  alipayPublicKey: string;
  /** https://openapi.alipay.com/gateway.do unless a stand-in is used. */
  gateway?: string;
  /** The approved royalty ratio in basis points (3000 = 30 %, Alipay's default). */
  splitCapBp?: number;
  lookup: PayoutLookup;
};

/** Thrown for a notification whose RSA2 signature is not Alipay's. */
export class AlipayNotificationRejected extends Error {}

// Alipay's answer codes: 10000 success, 20000 service unavailable (retry), 40004 business failure.
const RETRYABLE_SUB_CODES = new Set(["ACQ.SYSTEM_ERROR", "aop.ACQ.SYSTEM_ERROR", "isp.unknow-error"]);

/** A 2088… number is an Alipay user id; anything else is the account's login (phone or e-mail). */
export const alipayAccountType = (accountRef: string) => (/^2088\d{12}$/.test(accountRef) ? "userId" : "loginName");

type Json = Record<string, unknown>;
// China has kept UTC+8 all year since 1991.
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export function createAlipayPayoutProvider(config: AlipayPayoutConfig): PayoutProvider & {
  /** Verifies an asynchronous notification's RSA2 signature and reads the settlement it reports. */
  parseNotification(form: Record<string, string>): AlipayPayoutNotification;
} {
  const sdk = new AlipaySdk({
    appId: config.appId,
    privateKey: config.privateKey,
    keyType: "PKCS8",
    alipayPublicKey: config.alipayPublicKey,
    gateway: config.gateway ?? "https://openapi.alipay.com/gateway.do",
    camelcase: false,
    timeout: 20_000,
  });
  const splitCapBp = config.splitCapBp ?? DEFAULT_SPLIT_CAP_BP;
  const bound = new Set<string>();

  async function exec(method: string, bizContent: Json): Promise<AlipaySdkCommonResult> {
    // Alipay reads the timestamp as Beijing time; the SDK would write the server's local time.
    const timestamp = new Date(Date.now() + BEIJING_OFFSET_MS).toISOString().replace("T", " ").slice(0, 19);
    return sdk.exec(method, { bizContent, timestamp }, { validateSign: true });
  }

  function refusal(answer: AlipaySdkCommonResult, what: string): PayoutResult {
    const permanent = answer.code !== "20000" && !RETRYABLE_SUB_CODES.has(String(answer.sub_code));
    const detail = [answer.code, answer.sub_code, answer.sub_msg ?? answer.msg].filter(Boolean).join(" ");
    return failed(`Alipay ${what}: ${detail}`, permanent);
  }

  async function attempt(run: () => Promise<PayoutResult>): Promise<PayoutResult> {
    try {
      return await run();
    } catch (error) {
      // HTTP errors, unreachable gateway, or an answer whose signature does not verify: believe nothing, retry.
      return failed(`Alipay unreachable or unverified: ${(error as Error).message}`, false);
    }
  }

  async function bind(request: PayoutRequest): Promise<PayoutResult | null> {
    const { accountRef, accountName } = request.payee.account;
    if (bound.has(accountRef)) return null;
    const answer = await exec("alipay.trade.royalty.relation.bind", {
      out_request_no: `${request.payoutId}B`,
      receiver_list: [
        { type: alipayAccountType(accountRef), account: accountRef, name: accountName, memo: request.payee.kind },
      ],
    });
    if (answer.code !== "10000") return refusal(answer, "refused to bind the receiver");
    bound.add(accountRef);
    return null;
  }

  async function settlement(orderNo: string, tradeNo: string) {
    return exec("alipay.trade.order.settle.query", { out_request_no: orderNo, trade_no: tradeNo });
  }

  /** One settlement's lines for an account: paid when they all succeeded. */
  function outcome(answers: AlipaySdkCommonResult[], accountRef: string) {
    const lines = answers.flatMap((answer) =>
      ((answer.royalty_detail_list as Json[] | undefined) ?? []).filter((line) => line.trans_in === accountRef),
    );
    const providerRef = answers.map((answer) => String(answer.settle_no ?? "")).join(",");
    const amountFen = lines.reduce((sum, line) => sum + (parseYuan(String(line.amount)) ?? 0), 0);
    const failedLine = lines.find((line) => line.state === "FAIL");
    if (failedLine)
      return {
        ...failed(
          `Alipay settlement failed: ${String(failedLine.error_code)} ${String(failedLine.error_desc ?? "")}`,
          true,
        ),
        providerRef,
        amountFen,
      };
    const done = lines.length >= answers.length && lines.every((line) => line.state === "SUCCESS");
    return { status: done ? ("paid" as const) : ("processing" as const), providerRef, amountFen };
  }

  async function queryAll(payoutId: string) {
    const orders = splitOrderNumbers(payoutId, await config.lookup.paymentRefs(payoutId));
    const answers: AlipaySdkCommonResult[] = [];
    for (const { orderNo, paymentRef } of orders) answers.push(await settlement(orderNo, paymentRef));
    return answers;
  }

  return {
    name: "alipay",
    splitCapBp,

    pay: (request) =>
      attempt(async () => {
        if (!isUsableOrderNoBase(request.payoutId)) return failed("payout id unusable as out_request_no", true);
        if (request.sources.reduce((sum, source) => sum + source.amountFen, 0) !== request.amountFen)
          return failed("the payout's sources do not add up to its amount", true);
        const [problem] = splitCapProblems([request], splitCapBp);
        if (problem) return failed(describeSplitCapProblem(problem, splitCapBp).en, true);
        const refused = await bind(request);
        if (refused) return refused;
        const { accountRef } = request.payee.account;
        const bySource = new Map(request.sources.map((source) => [source.paymentRef, source]));
        const answers: AlipaySdkCommonResult[] = [];
        for (const { paymentRef, orderNo } of splitOrderNumbers(request.payoutId, [...bySource.keys()])) {
          // Asked first, so a repeated run finds the settlement it made and never settles twice.
          let known = await settlement(orderNo, paymentRef);
          if (known.code !== "10000") {
            const answer = await exec("alipay.trade.order.settle", {
              out_request_no: orderNo,
              trade_no: paymentRef,
              royalty_parameters: [
                {
                  royalty_type: "transfer",
                  trans_in_type: alipayAccountType(accountRef),
                  trans_in: accountRef,
                  amount: yuanInput(bySource.get(paymentRef)!.amountFen),
                  desc: request.reference.slice(0, 100),
                },
              ],
              // Other payees may still be settled from the same trade.
              extend_params: { royalty_finish: "false" },
            });
            // A concurrent run may have settled it a moment ago: its settlement is ours too.
            known = await settlement(orderNo, paymentRef);
            if (answer.code !== "10000" && known.code !== "10000") return refusal(answer, `refused ${orderNo}`);
          }
          answers.push(known);
        }
        const { amountFen: _amount, ...result } = outcome(answers, accountRef);
        return result;
      }),

    query: (payoutId) =>
      attempt(async () => {
        const answers = await queryAll(payoutId);
        const refused = answers.find((answer) => answer.code !== "10000");
        if (refused) return refusal(refused, "query");
        const first = (answers[0]?.royalty_detail_list as Json[] | undefined)?.[0];
        const { amountFen: _amount, ...result } = outcome(answers, String(first?.trans_in ?? ""));
        return result;
      }),

    // Alipay takes royalties back only inside the buyer's refund (alipay.trade.refund with
    // refund_royalty_parameters), which the payment provider makes; after that there is no call that pulls money
    // back from a receiver, so the amount becomes a deduction on the payee's next statement.
    clawBack: async () =>
      failed("Alipay cannot return a settled royalty on its own: deduct this from the payee's next statement", true),

    async listPaid(range) {
      const records: ProviderPayoutRecord[] = [];
      for (const payoutId of await config.lookup.sentBetween(range)) {
        const answers = (await queryAll(payoutId)).filter((answer) => answer.code === "10000");
        const lines = answers.flatMap((answer) =>
          ((answer.royalty_detail_list as Json[] | undefined) ?? [])
            .filter((line) => line.state === "SUCCESS")
            .map((line) => ({ answer, line })),
        );
        if (!lines.length) continue;
        records.push({
          payoutId,
          providerRef: answers.map((answer) => String(answer.settle_no)).join(","),
          amountFen: lines.reduce((sum, { line }) => sum + (parseYuan(String(line.amount)) ?? 0), 0),
          accountRef: String(lines[0].line.trans_in),
        });
      }
      return records;
    },

    parseNotification(form) {
      if (!sdk.checkNotifySignV2(form)) throw new AlipayNotificationRejected("bad signature");
      const content = JSON.parse(form.biz_content ?? "{}") as Json;
      const lines = (content.royalty_detail_list as Json[] | undefined) ?? [];
      return {
        method: form.msg_method ?? form.notify_type ?? "",
        payoutId: payoutIdOfOrderNo(String(content.out_request_no ?? "")),
        providerRef: String(content.settle_no ?? ""),
        states: lines.map((line) => ({
          accountRef: String(line.trans_in),
          amountFen: parseYuan(String(line.amount)) ?? 0,
          state: String(line.state),
        })),
      };
    },
  };
}

export type AlipayPayoutNotification = {
  method: string;
  payoutId: string;
  providerRef: string;
  states: { accountRef: string; amountFen: number; state: string }[];
};
