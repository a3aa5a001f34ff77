// A local HTTP stand-in for Alipay's gateway (gateway.do) and the royalty methods our payout adapter calls. As
// Alipay does, it verifies each request's RSA2 signature over the sorted parameters with the application's public
// key (answering isv.invalid-signature otherwise), signs each answer's *_response object with its own key, keeps
// one settlement per out_request_no, enforces the royalty ratio, and records the money it moved.
import { createSign, createVerify, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { rsaKeyPair } from "./wechatpay-stand-in";

type Json = Record<string, unknown>;
type Settlement = {
  out_request_no: string;
  trade_no: string;
  settle_no: string;
  operation_dt: string;
  lines: { trans_in: string; amountFen: number; state: string }[];
};

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
const fenOf = (amount: string) => Math.round(Number(amount) * 100);

export async function startAlipayStandIn(app: { appId: string; publicKey: string; splitCapBp?: number }) {
  const alipay = rsaKeyPair();
  const capBp = app.splitCapBp ?? 3000;
  const trades = new Map<string, number>();
  const relations = new Map<string, { type: string; account: string; name: string }>();
  const settlements = new Map<string, Settlement>();
  const failures = new Map<string, number>();
  const requests: { method: string; code: string }[] = [];
  let sequence = 0;

  const signContent = (params: Record<string, string>, omit: string[]) =>
    Object.keys(params)
      .filter((key) => !omit.includes(key) && params[key] !== "")
      .sort()
      .map((key) => `${key}=${params[key]}`)
      .join("&");

  function answer(res: ServerResponse, method: string, inner: Json) {
    const key = `${method.replaceAll(".", "_")}_response`;
    const innerText = JSON.stringify(inner);
    const sign = createSign("RSA-SHA256").update(innerText, "utf8").sign(alipay.privateKey, "base64");
    requests.push({ method, code: String(inner.code) });
    res.writeHead(200, { "Content-Type": "application/json;charset=utf-8", trace_id: randomBytes(8).toString("hex") });
    res.end(`{"${key}":${innerText},"sign":"${sign}"}`);
  }

  const splitFrom = (tradeNo: string) =>
    [...settlements.values()]
      .filter((entry) => entry.trade_no === tradeNo)
      .flatMap((entry) => entry.lines)
      .reduce((sum, line) => sum + line.amountFen, 0);

  function settleAnswer(entry: Settlement) {
    return {
      code: "10000",
      msg: "Success",
      out_request_no: entry.out_request_no,
      settle_no: entry.settle_no,
      operation_dt: entry.operation_dt,
      royalty_detail_list: entry.lines.map((line, index) => ({
        operation_type: "transfer",
        execute_dt: entry.operation_dt,
        trans_in: line.trans_in,
        trans_in_type: "userId",
        amount: yuan(line.amountFen),
        state: line.state,
        detail_id: `${entry.settle_no}${index}`,
      })),
    };
  }

  function route(method: string, biz: Json): Json {
    const business = (sub_code: string, sub_msg: string) => ({
      code: "40004",
      msg: "Business Failed",
      sub_code,
      sub_msg,
    });
    if (method === "alipay.trade.royalty.relation.bind") {
      for (const receiver of biz.receiver_list as Json[])
        relations.set(String(receiver.account), {
          type: String(receiver.type),
          account: String(receiver.account),
          name: String(receiver.name ?? ""),
        });
      return { code: "10000", msg: "Success", result_code: "SUCCESS" };
    }
    if (method === "alipay.trade.order.settle") {
      const existing = settlements.get(String(biz.out_request_no));
      if (existing)
        return { code: "10000", msg: "Success", trade_no: existing.trade_no, settle_no: existing.settle_no };
      const total = trades.get(String(biz.trade_no));
      if (total === undefined) return business("ACQ.TRADE_NOT_EXIST", "交易不存在");
      const lines = (biz.royalty_parameters as Json[]).map((line) => ({
        trans_in: String(line.trans_in),
        amountFen: fenOf(String(line.amount)),
        state: "SUCCESS",
      }));
      if (lines.some((line) => !relations.has(line.trans_in)))
        return business("ACQ.TRANS_IN_NOT_BIND", "分账收入方未绑定分账关系");
      const amount = lines.reduce((sum, line) => sum + line.amountFen, 0);
      if (splitFrom(String(biz.trade_no)) + amount > Math.floor((total * capBp) / 10_000))
        return business("ACQ.ROYALTY_AMOUNT_EXCEED", "分账金额超过最大可分账比例");
      const entry: Settlement = {
        out_request_no: String(biz.out_request_no),
        trade_no: String(biz.trade_no),
        settle_no: `2026${String(++sequence).padStart(20, "0")}`,
        operation_dt: new Date().toISOString().replace("T", " ").slice(0, 19),
        lines,
      };
      settlements.set(entry.out_request_no, entry);
      return { code: "10000", msg: "Success", trade_no: entry.trade_no, settle_no: entry.settle_no };
    }
    if (method === "alipay.trade.order.settle.query") {
      const entry = [...settlements.values()].find(
        (candidate) =>
          candidate.settle_no === biz.settle_no ||
          (candidate.out_request_no === biz.out_request_no && candidate.trade_no === biz.trade_no),
      );
      return entry ? settleAnswer(entry) : business("ACQ.SETTLE_NOT_EXIST", "分账单不存在");
    }
    return { code: "40004", msg: "Business Failed", sub_code: "isv.invalid-method", sub_msg: "不存在的方法名" };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = new URL(req.url ?? "/", "http://stand-in");
    const params: Record<string, string> = Object.fromEntries(target.searchParams);
    for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString("utf8"))) params[key] = value;
    const method = params.method ?? "";
    const invalid = (sub_code: string, sub_msg: string) =>
      answer(res, method, { code: "40002", msg: "Invalid Arguments", sub_code, sub_msg });
    if (target.pathname !== "/gateway.do") return invalid("isv.invalid-gateway", "网关地址错误");
    if (params.app_id !== app.appId) return invalid("isv.invalid-app-id", "无效的AppID参数");
    if (params.sign_type !== "RSA2") return invalid("isv.invalid-signature-type", "无效的签名类型");
    const sent = Date.parse(`${params.timestamp?.replace(" ", "T")}+08:00`);
    if (!Number.isFinite(sent) || Math.abs(Date.now() - sent) > 10 * 60_000)
      return invalid("isv.invalid-timestamp", "非法的时间戳参数");
    const verified = createVerify("RSA-SHA256")
      .update(signContent(params, ["sign"]), "utf8")
      .verify(app.publicKey, params.sign ?? "", "base64");
    if (!verified) return invalid("isv.invalid-signature", "验签出错");
    if ((failures.get(method) ?? 0) > 0) {
      failures.set(method, failures.get(method)! - 1);
      return answer(res, method, {
        code: "20000",
        msg: "Service Currently Unavailable",
        sub_code: "isp.unknow-error",
        sub_msg: "系统繁忙",
      });
    }
    answer(res, method, route(method, JSON.parse(params.biz_content ?? "{}") as Json));
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    gateway: `${url}/gateway.do`,
    alipayPublicKey: alipay.publicKey,
    requests,
    relations,
    settlements,
    /** A buyer's paid trade that royalties can be settled from. */
    trade(tradeNo: string, totalFen: number) {
      trades.set(tradeNo, totalFen);
    },
    paidTo(account: string) {
      return [...settlements.values()]
        .flatMap((entry) => entry.lines)
        .filter((line) => line.trans_in === account && line.state === "SUCCESS")
        .reduce((sum, line) => sum + line.amountFen, 0);
    },
    /** The next `times` calls of `method` answer 20000 (service unavailable). */
    failNext(method: string, times = 1) {
      failures.set(method, times);
    },
    /** An asynchronous settlement notification, posted as a form and RSA2-signed as Alipay signs them. */
    notification(outRequestNo: string, options: { signWith?: string } = {}) {
      const entry = settlements.get(outRequestNo)!;
      const form: Record<string, string> = {
        notify_id: randomBytes(8).toString("hex"),
        notify_time: new Date().toISOString().replace("T", " ").slice(0, 19),
        notify_type: "trade_settle",
        msg_method: "alipay.trade.order.settle.notify",
        app_id: app.appId,
        charset: "utf-8",
        version: "1.0",
        sign_type: "RSA2",
        biz_content: JSON.stringify(settleAnswer(entry)),
      };
      form.sign = createSign("RSA-SHA256")
        .update(signContent(form, ["sign", "sign_type"]), "utf8")
        .sign(options.signWith ?? alipay.privateKey, "base64");
      return form;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type AlipayStandIn = Awaited<ReturnType<typeof startAlipayStandIn>>;
