// A local HTTP stand-in for the WeChat Pay v3 profit-sharing endpoints our payout adapter calls. Like the real
// service it refuses a request whose WECHATPAY2-SHA256-RSA2048 signature does not verify with the merchant's
// public key (or whose timestamp is stale, or whose nonce was used before), signs every answer with its platform
// key, keeps out_order_no / out_return_no idempotent, enforces the split ratio, and records the money it moved.
import {
  constants,
  createCipheriv,
  createSign,
  createVerify,
  generateKeyPairSync,
  privateDecrypt,
  randomBytes,
} from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Json = Record<string, unknown>;
type Receiver = { type: string; account: string; amount: number; description: string; result: string };
type Order = { transaction_id: string; out_order_no: string; order_id: string; state: string; receivers: Receiver[] };
type ReturnOrder = Json & { out_order_no: string; out_return_no: string; amount: number; return_mchid: string };

export function rsaKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

export async function startWechatPayStandIn(merchant: {
  mchid: string;
  serialNo: string;
  publicKey: string;
  splitCapBp?: number;
}) {
  const platform = { ...rsaKeyPair(), serialNo: `PUB_KEY_ID_${randomBytes(8).toString("hex").toUpperCase()}` };
  const apiV3Key = randomBytes(16).toString("hex");
  const capBp = merchant.splitCapBp ?? 3000;
  const payments = new Map<string, number>();
  const receivers = new Map<string, { type: string; account: string; name: string; relation_type: string }>();
  const orders = new Map<string, Order>();
  const returns = new Map<string, ReturnOrder>();
  const seenNonces = new Set<string>();
  const failures = new Map<string, number>();
  const requests: { method: string; path: string; status: number }[] = [];
  let sequence = 0;

  function signed(res: ServerResponse, status: number, body: Json | string, tamper = false) {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString("hex");
    const signature = createSign("RSA-SHA256")
      .update(`${timestamp}\n${nonce}\n${tamper ? `${text} ` : text}\n`)
      .sign(platform.privateKey, "base64");
    res.writeHead(status, {
      "Content-Type": "application/json",
      "Request-ID": randomBytes(8).toString("hex"),
      "Wechatpay-Timestamp": timestamp,
      "Wechatpay-Nonce": nonce,
      "Wechatpay-Signature": signature,
      "Wechatpay-Serial": platform.serialNo,
    });
    res.end(text);
  }

  /** Checks the Authorization header the way WeChat Pay documents it; a reason when it does not hold. */
  function authError(req: IncomingMessage, path: string, body: string): string | null {
    const header = req.headers.authorization ?? "";
    const match = header.match(/^WECHATPAY2-SHA256-RSA2048 (.+)$/);
    if (!match) return "missing or unknown Authorization scheme";
    const fields = Object.fromEntries(
      [...match[1].matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value] as const),
    );
    if (fields.mchid !== merchant.mchid) return "mchid does not match";
    if (fields.serial_no !== merchant.serialNo) return "unknown merchant certificate serial_no";
    if (Math.abs(Date.now() / 1000 - Number(fields.timestamp)) > 300) return "timestamp too far from now";
    if (!fields.nonce_str || seenNonces.has(fields.nonce_str)) return "nonce_str reused";
    const message = `${req.method}\n${path}\n${fields.timestamp}\n${fields.nonce_str}\n${body}\n`;
    const ok = createVerify("RSA-SHA256")
      .update(message)
      .verify(merchant.publicKey, fields.signature ?? "", "base64");
    if (!ok) return "signature does not verify";
    seenNonces.add(fields.nonce_str);
    return null;
  }

  const splitFrom = (transactionId: string) =>
    [...orders.values()]
      .filter((order) => order.transaction_id === transactionId)
      .reduce((sum, order) => sum + order.receivers.reduce((s, r) => s + r.amount, 0), 0);

  function route(method: string, target: URL, body: Json): { status: number; body: Json } {
    const error = (status: number, code: string, message: string) => ({ status, body: { code, message } });
    let match: RegExpMatchArray | null;
    if (method === "POST" && target.pathname === "/v3/profitsharing/receivers/add") {
      let name: string;
      try {
        name = privateDecrypt(
          { key: platform.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING },
          Buffer.from(String(body.name), "base64"),
        ).toString("utf8");
      } catch {
        return error(400, "PARAM_ERROR", "name 解密失败");
      }
      const receiver = {
        type: String(body.type),
        account: String(body.account),
        name,
        relation_type: String(body.relation_type),
      };
      receivers.set(`${receiver.type}:${receiver.account}`, receiver);
      return {
        status: 200,
        body: { type: receiver.type, account: receiver.account, relation_type: receiver.relation_type },
      };
    }
    if (method === "POST" && target.pathname === "/v3/profitsharing/orders") {
      const outOrderNo = String(body.out_order_no);
      const existing = orders.get(outOrderNo);
      if (existing) return { status: 200, body: existing }; // 同一分账单号多次请求等同一次
      const total = payments.get(String(body.transaction_id));
      if (total === undefined) return error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
      const lines = (body.receivers as Json[]).map((receiver) => ({
        type: String(receiver.type),
        account: String(receiver.account),
        amount: Number(receiver.amount),
        description: String(receiver.description),
      }));
      if (lines.some((line) => !receivers.has(`${line.type}:${line.account}`)))
        return error(400, "INVALID_REQUEST", "分账接收方不存在，请先添加分账接收方");
      const amount = lines.reduce((sum, line) => sum + line.amount, 0);
      if (splitFrom(String(body.transaction_id)) + amount > Math.floor((total * capBp) / 10_000))
        return error(400, "INVALID_REQUEST", "分账金额超出最大分账比例");
      const order: Order = {
        transaction_id: String(body.transaction_id),
        out_order_no: outOrderNo,
        order_id: `3008450740${String(++sequence).padStart(18, "0")}`,
        state: "FINISHED",
        receivers: lines.map((line) => ({ ...line, result: "SUCCESS" })),
      };
      orders.set(outOrderNo, order);
      return { status: 200, body: order };
    }
    if (method === "GET" && (match = target.pathname.match(/^\/v3\/profitsharing\/orders\/([^/]+)$/))) {
      const order = orders.get(decodeURIComponent(match[1]));
      if (!order || order.transaction_id !== target.searchParams.get("transaction_id"))
        return error(404, "RESOURCE_NOT_EXISTS", "记录不存在");
      return { status: 200, body: order };
    }
    if (method === "POST" && target.pathname === "/v3/profitsharing/return-orders") {
      const outReturnNo = String(body.out_return_no);
      const existing = returns.get(outReturnNo);
      if (existing) return { status: 200, body: existing };
      const order = orders.get(String(body.out_order_no));
      if (!order) return error(404, "RESOURCE_NOT_EXISTS", "分账单不存在");
      const line = order.receivers.find((r) => r.type === "MERCHANT_ID" && r.account === body.return_mchid);
      if (!line) return error(400, "INVALID_REQUEST", "回退方不是该分账单的商户接收方");
      const returned = [...returns.values()]
        .filter((entry) => entry.out_order_no === order.out_order_no)
        .reduce((sum, entry) => sum + entry.amount, 0);
      if (returned + Number(body.amount) > line.amount) return error(400, "NOT_ENOUGH", "回退金额超过可回退金额");
      const entry: ReturnOrder = {
        order_id: order.order_id,
        out_order_no: order.out_order_no,
        out_return_no: outReturnNo,
        return_id: `3008450740${String(++sequence).padStart(18, "0")}`,
        return_mchid: String(body.return_mchid),
        amount: Number(body.amount),
        description: String(body.description),
        result: "SUCCESS",
      };
      returns.set(outReturnNo, entry);
      return { status: 200, body: entry };
    }
    return error(404, "NOT_FOUND", `No such endpoint: ${method} ${target.pathname}`);
  }

  let tamperNext = 0;
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const target = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    const call = `${method} ${target.pathname}`;
    const refusal = authError(req, `${target.pathname}${target.search}`, text);
    if (refusal) {
      requests.push({ method, path: target.pathname, status: 401 });
      return signed(res, 401, { code: "SIGN_ERROR", message: refusal });
    }
    if ((failures.get(call) ?? 0) > 0) {
      failures.set(call, failures.get(call)! - 1);
      requests.push({ method, path: target.pathname, status: 500 });
      return signed(res, 500, { code: "SYSTEM_ERROR", message: "系统错误（stand-in）" });
    }
    const result = route(method, target, text ? (JSON.parse(text) as Json) : {});
    requests.push({ method, path: target.pathname, status: result.status });
    const tamper = tamperNext > 0 && tamperNext-- > 0;
    signed(res, result.status, result.body, tamper);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    platform: { publicKey: platform.publicKey, serialNo: platform.serialNo },
    apiV3Key,
    requests,
    receivers,
    orders,
    returns,
    /** A buyer's payment that profit sharing can split from. */
    payment(transactionId: string, totalFen: number) {
      payments.set(transactionId, totalFen);
    },
    /** What the stand-in has moved to an account: splits minus returns. */
    paidTo(account: string) {
      const split = [...orders.values()]
        .flatMap((order) => order.receivers)
        .filter((receiver) => receiver.account === account && receiver.result === "SUCCESS")
        .reduce((sum, receiver) => sum + receiver.amount, 0);
      const returned = [...returns.values()]
        .filter((entry) => entry.return_mchid === account)
        .reduce((sum, entry) => sum + entry.amount, 0);
      return split - returned;
    },
    /** The next `times` calls of `method path` fail with WeChat Pay's 500 SYSTEM_ERROR. */
    failNext(call: string, times = 1) {
      failures.set(call, times);
    },
    /** The next answer's signature does not match its body (a tampered answer). */
    tamperNextAnswer() {
      tamperNext = 1;
    },
    /** A profit-sharing notification as WeChat Pay posts it: resource encrypted with the APIv3 key, signed. */
    notification(eventType: string, data: Json, options: { signWith?: string; timestamp?: number } = {}) {
      const nonce = randomBytes(6).toString("hex");
      const associatedData = "profitsharing";
      const cipher = createCipheriv("aes-256-gcm", Buffer.from(apiV3Key, "utf8"), Buffer.from(nonce, "utf8"));
      cipher.setAAD(Buffer.from(associatedData, "utf8"));
      const sealed = Buffer.concat([cipher.update(JSON.stringify(data), "utf8"), cipher.final(), cipher.getAuthTag()]);
      const body = JSON.stringify({
        id: randomBytes(8).toString("hex"),
        create_time: new Date().toISOString(),
        event_type: eventType,
        resource_type: "encrypt-resource",
        summary: "分账",
        resource: {
          algorithm: "AEAD_AES_256_GCM",
          original_type: "profitsharing",
          ciphertext: sealed.toString("base64"),
          associated_data: associatedData,
          nonce,
        },
      });
      const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
      const headerNonce = randomBytes(16).toString("hex");
      const signature = createSign("RSA-SHA256")
        .update(`${timestamp}\n${headerNonce}\n${body}\n`)
        .sign(options.signWith ?? platform.privateKey, "base64");
      const headers = new Headers({
        "Wechatpay-Timestamp": timestamp,
        "Wechatpay-Nonce": headerNonce,
        "Wechatpay-Signature": signature,
        "Wechatpay-Serial": platform.serialNo,
      });
      return { headers, body };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WechatPayStandIn = Awaited<ReturnType<typeof startWechatPayStandIn>>;
