// No request takes Cunbo down: every route in the build's route manifest, the raw endpoints and every socket.io
// event the server listens for are sent malformed input, as an anonymous visitor and as signed-in staff, over
// real HTTP and real sockets. No answer may be a 5xx or carry a stack trace or an internal message, and the
// process must still answer afterwards.
import http from "node:http";
import { io as connectSocket, type Socket } from "socket.io-client";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { createPaidOrder } from "../helpers/paid-order-fixture";
import { loadBuild, routePatterns } from "../helpers/page-walk";
import { startTestServer } from "../helpers/server";

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let baseUrl: string;
type Sweeper = { who: string; visitor: Visitor };
let visitors: Sweeper[];
let routes: { id: string; pattern: string; index: boolean; hasAction: boolean; sweeper: Sweeper }[];
let realParams: Record<string, string>;

/** What a stack trace, a driver's refusal or a library's own error text looks like in an answer. */
const INTERNAL =
  /\n\s+at \S.*:\d+:\d+|\bat [\w$.<>]+ \((?:file:|node:|\/)|node_modules|\/work\/|Invalid `|prisma\.|PrismaClient|invalid byte sequence|Invalid path syntax|Unexpected token|is not valid JSON|Cannot read properties|ZodError|TypeError|SyntaxError|RangeError|URIError/;

const MIB = 1024 * 1024;
const ANSWER_WITHIN_MS = 10_000;

/** Malformed values for path segments and query values, already percent-encoded as a client would send them. */
const BAD_VALUES = ["a%00b", "%FF", "%C0%AF", "%zz", "-1", "99999999999999999999999999", "1e309", "x".repeat(4000)];

// The query names the pages read; a name no page reads is harmless by construction.
const QUERY_NAMES = [
  "q",
  "category",
  "page",
  "ids",
  "token",
  "sheet",
  "variant",
  "view",
  "problem",
  "notice",
  "changed",
  "refused",
  "reason",
  "redirectTo",
  "status",
  "show",
  "product",
  "batch",
  "selection",
  "days",
  "from",
  "to",
];

/**
 * The first visitor the route's guard lets in (anonymous, else an admin, else a host), who sweeps it: for a route
 * with an action, the first whose post the action's guard lets through (a public page may take posts only from
 * the signed in); else the first its page lets in.
 */
async function sweeperOf(route: { pattern: string; index: boolean; hasAction: boolean }): Promise<Sweeper> {
  for (const candidate of visitors) {
    const url = fill(route.pattern) + (route.index ? "?index" : "");
    const response = route.hasAction
      ? await candidate.visitor.request(url, {
          method: "POST",
          headers: { Origin: baseUrl, "Content-Type": "text/plain" },
          body: "probe",
        })
      : await candidate.visitor.get(url);
    await response.arrayBuffer();
    if (response.status !== 403 && !(response.headers.get("Location") ?? "").startsWith("/login")) return candidate;
  }
  return visitors[1];
}

/** Where a page's JavaScript fetches that page's data (single fetch), or posts its forms. */
const dataUrl = (page: string) => `${page === "/" ? "/_root" : page}.data`;

/** The route's path with each parameter filled in: a real value from the seed, or `value` for every one. */
function fill(pattern: string, value?: string) {
  return pattern
    .replace(/:(\w+)/g, (_, name: string) => value ?? realParams[`${pattern.split("/")[1]}:${name}`] ?? "x")
    .replace("*", value ?? "no-such-page");
}

type Problem = { request: string; who: string; problem: string };

/** Sends one request and notes what is wrong with its answer: none within the time, a 5xx, or internals shown. */
async function check(
  problems: Problem[],
  who: string,
  label: string,
  send: (signal: AbortSignal) => Promise<Response>,
) {
  let response: Response;
  try {
    response = await send(AbortSignal.timeout(ANSWER_WITHIN_MS));
  } catch (error) {
    problems.push({ request: label, who, problem: `no answer: ${(error as Error).cause ?? error}` });
    return null;
  }
  const body = await response.text().catch((error: Error) => `<<body failed: ${error.message}>>`);
  if (response.status >= 500) problems.push({ request: label, who, problem: `${response.status}` });
  const leak = body.match(INTERNAL);
  if (leak) problems.push({ request: label, who, problem: `${response.status} leaks "${leak[0].trim()}"` });
  return response.status;
}

/** Runs the requests a few at a time: enough to finish quickly, few enough to stay a test and not a load test. */
async function inPool(jobs: (() => Promise<unknown>)[], width = 4) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
}

function report(problems: Problem[]) {
  return problems.map((p) => `${p.who} ${p.request.slice(0, 160)} → ${p.problem}`);
}

// What the server logs as it fails, watched (and still printed) to see whether a NUL got as far as PostgreSQL.
const logged = vi.spyOn(console, "error");
const nulsThatReachedTheDatabase = () =>
  logged.mock.calls.map((args) => args.map(String).join(" ")).filter((line) => /invalid byte sequence/.test(line));

async function healthy() {
  expect(nulsThatReachedTheDatabase()).toEqual([]);
  const health = await fetch(`${baseUrl}/healthz`);
  expect(health.status).toBe(200);
  const home = await fetch(`${baseUrl}/`);
  expect(home.status).toBe(200);
}

async function deliveredLineOf(buyerEmail: string) {
  const order = await createPaidOrder({ workshopSlug: "duzuo-rice-wine", buyerEmail, status: "delivered" });
  return (await db.orderLine.findFirstOrThrow({ where: { orderId: order.orderId } })).id;
}

beforeAll(async () => {
  // So the Stripe webhook checks signatures (and its raw body) instead of saying it is not configured.
  process.env.STRIPE_WEBHOOK_SECRET ??= "whsec_malformed_input";
  server = await startTestServer();
  baseUrl = server.url;
  const build = await loadBuild();
  const patterns = routePatterns(build);
  const [workshop, product, show, order] = await Promise.all([
    db.workshop.findUniqueOrThrow({ where: { slug: "duzuo-rice-wine" } }),
    db.product.findFirstOrThrow({ where: { workshop: { slug: "duzuo-rice-wine" } } }),
    db.show.findFirstOrThrow(),
    db.order.findFirst(),
  ]);
  realParams = {
    "studio:workshop": workshop.slug,
    "studio:productId": product.id,
    "workshops:slug": workshop.slug,
    "products:slug": product.slug,
    "shows:showId": show.id,
    "live:showId": show.id,
    "host:showId": show.id,
    "orders:orderId": order?.id ?? "no-order",
    "pay:orderId": order?.id ?? "no-order",
    // A delivered line of the admin's, whom the sweep signs in: the review form's guard wants its buyer.
    "account:lineId": await deliveredLineOf("admin@cunbo.test"),
  };
  visitors = [
    { who: "anonymous", visitor: new Visitor(baseUrl) },
    { who: "admin", visitor: await new Visitor(baseUrl).logIn("admin@cunbo.test") },
    { who: "host", visitor: await new Visitor(baseUrl).logIn("host.tea@cunbo.test") },
  ];
  routes = [];
  for (const route of patterns) routes.push({ ...route, sweeper: await sweeperOf(route) });
});

describe("one request cannot take the process down", () => {
  it("answers 400 to a log-in form whose field name carries a huge array index, and keeps serving", async () => {
    const response = await new Visitor(baseUrl).request("/login", {
      method: "POST",
      headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: "email[999999999]=a&password=x",
    });
    expect(response.status).toBe(400);
    await healthy();
  });

  it("answers 400 to a product editor post with a huge variant index, and keeps serving", async () => {
    const staff = await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test");
    const product = await db.product.findFirstOrThrow({ where: { workshop: { slug: "duzuo-rice-wine" } } });
    const response = await staff.post(`/studio/duzuo-rice-wine/products/${product.id}`, {
      intent: "save",
      "variants[999999999].nameZh": "炸",
    });
    expect(response.status).toBe(400);
    const again = await staff.post(`/studio/duzuo-rice-wine/products/${product.id}`, {
      intent: "save",
      __intent__: JSON.stringify({ type: "insert", payload: { name: "variants", index: 999999999 } }),
    });
    expect(again.status).toBeLessThan(500);
    await healthy();
  });
});

/** Two requests over one kept-alive connection, as a browser sends them; each status, or "no answer". */
async function overOneConnection(requests: { path: string; method: string; body?: string }[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const statuses: (number | "no answer")[] = [];
  for (const { path: target, method, body } of requests) {
    statuses.push(
      await new Promise<number | "no answer">((resolve) => {
        const headers = body
          ? { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length }
          : {};
        const request = http.request(`${baseUrl}${target}`, { method, agent, headers }, (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        });
        request.setTimeout(5_000, () => {
          request.destroy();
          resolve("no answer");
        });
        request.on("error", () => resolve("no answer"));
        request.end(body);
      }),
    );
  }
  agent.destroy();
  return statuses;
}

describe("a form answered without being read", () => {
  it("leaves the connection able to carry the browser's next request", async () => {
    // A signed-out post to the studio is sent to log in before its body is read.
    const form = { path: "/studio/duzuo-rice-wine/batches", method: "POST", body: `note=${"x".repeat(300_000)}` };
    expect(await overOneConnection([form, { path: "/login", method: "GET" }])).toEqual([302, 200]);
  });
});

describe("malformed input to every route", () => {
  it("no page or data request with malformed parameters or queries answers 5xx or shows internals", async () => {
    const problems: Problem[] = [];
    const jobs: (() => Promise<unknown>)[] = [];
    for (const route of routes) {
      const { who, visitor } = route.sweeper;
      const urls = new Set<string>();
      const query = (value: string) => QUERY_NAMES.map((name) => `${name}=${value}`).join("&");
      for (const value of BAD_VALUES) {
        if (route.pattern.includes(":") || route.pattern.includes("*")) urls.add(fill(route.pattern, value));
        // The loaders read the queries; as data they are checked without rendering a page each time.
        urls.add(`${dataUrl(fill(route.pattern))}?${query(value)}`);
      }
      for (const value of ["-1", BAD_VALUES.at(-1)!]) urls.add(`${fill(route.pattern)}?${query(value)}`);
      for (const url of urls)
        jobs.push(() => check(problems, who, `GET ${url}`, (signal) => visitor.request(url, { signal })));
    }
    await inPool(jobs);
    expect(report(problems)).toEqual([]);
    await healthy();
  }, 180_000);

  it("no malformed form post to any route answers 5xx or shows internals", async () => {
    const problems: Problem[] = [];
    const jobs: (() => Promise<unknown>)[] = [];
    const tenMegabytes = `note=${"x".repeat(10 * MIB)}`;
    const deepJson = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const boundary = "----cunbo-sweep";
    // Each body goes to every action as data (what a page's JavaScript posts); those marked `page` also as the
    // document post a browser without JavaScript sends, which renders the page (or its error) in the answer.
    const bodies: { label: string; type?: string; body: string; page?: true }[] = [
      { label: "text/plain", type: "text/plain", body: "email=a@b.c&password=x", page: true },
      { label: "JSON", type: "application/json", body: '{"email":"a@b.c","priceFen":-1}' },
      { label: "deep JSON", type: "application/json", body: deepJson },
      { label: "no content type", body: "intent=save" },
      { label: "broken multipart", type: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nbroken` },
      { label: "multipart without boundary", type: "multipart/form-data", body: "intent=save" },
      {
        label: "multipart with NUL",
        type: `multipart/form-data; boundary=${boundary}`,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\na\0b\r\n--${boundary}--\r\n`,
      },
      { label: "huge index", body: "intent=save&variants[999999999].nameZh=a&email[999999999]=a", page: true },
      { label: "bad field names", body: "a]=1&[0]=2&__proto__.x=3&constructor=4&a..b=5&x[-1]=6" },
      { label: "bad conform intent", body: "__intent__=%7Bnot%20json&__state__=%7B" },
      {
        label: "conform intent with huge index",
        body: `__intent__=${encodeURIComponent(JSON.stringify({ type: "remove", payload: { name: "variants", index: 1e15 } }))}`,
      },
      { label: "many fields", body: Array.from({ length: 20_000 }, (_, i) => `f${i}=1`).join("&") },
      { label: "long field name", body: `${"n".repeat(100_000)}=1` },
      {
        label: "NUL in fields",
        body: "intent=save&q=%00&ids=a%00b&id=%00&email=%00@x.cn&password=%00&token=%00",
        page: true,
      },
      { label: "invalid UTF-8", body: "intent=save&titleZh=%FF%FE&name=%C0%AF&id=%E4%B8" },
      { label: "broken percent", body: "intent=%zz&id=%" },
      {
        label: "huge and negative numbers",
        body: "intent=save&quantity=-1&price=1e309&priceFen=-99999999999999999999&stock=99999999999999999999&page=-1&weightGrams=NaN",
      },
      {
        label: "money fields",
        body: "intent=add&variantId=x&quantity=1&priceFen=1&unitPriceFen=1&totalFen=0&amountFen=1&discountFen=999",
        page: true,
      },
      { label: "10 MB form", body: tenMegabytes, page: true },
      {
        label: "10 MB multipart",
        type: `multipart/form-data; boundary=${boundary}`,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${"x".repeat(10 * MIB)}\r\n--${boundary}--\r\n`,
      },
    ];
    // Routes whose action read the form far enough to refuse a text/plain body: the sweep reached the parser.
    const refusedPlainText = new Set<string>();
    for (const route of routes) {
      // Each route is swept by one visitor its guard lets in, so log-out is posted anonymously and the signed-in
      // visitors stay signed in; a route without an action is checked once.
      const { who, visitor } = route.sweeper;
      const sent = route.hasAction ? bodies : bodies.slice(0, 1);
      for (const { label, type, body, page } of sent) {
        const url = fill(route.pattern);
        const headers: Record<string, string> = { Origin: baseUrl };
        if (type) headers["Content-Type"] = type;
        else if (label !== "no content type") headers["Content-Type"] = "application/x-www-form-urlencoded";
        // fetch gives a string body a text/plain type of its own; a Blob without a type sends none.
        const payload = label === "no content type" ? new Blob([body]) : body;
        // An index route's form posts to it only with `?index`; otherwise the post goes to its parent.
        const targets = [...(page || !route.hasAction ? [url] : []), ...(route.hasAction ? [dataUrl(url)] : [])];
        for (const target of targets.map((t) => (route.index ? `${t}?index` : t)))
          jobs.push(async () => {
            const status = await check(problems, who, `POST ${target} (${label})`, (signal) =>
              visitor.request(target, { method: "POST", headers, body: payload, signal }),
            );
            if (label === "text/plain" && status === 415) refusedPlainText.add(route.id);
          });
      }
    }
    await inPool(jobs);
    expect(report(problems)).toEqual([]);
    // Logging out reads no form.
    const unreached = routes.filter((route) => route.hasAction && !refusedPlainText.has(route.id)).map((r) => r.id);
    expect(unreached).toEqual(["routes/logout"]);
    await healthy();
  }, 180_000);

  it("the raw endpoints refuse malformed bodies without a 5xx or internals", async () => {
    const problems: Problem[] = [];
    const visitor = new Visitor(baseUrl);
    const post = (target: string, type: string | null, body: string) => (signal: AbortSignal) =>
      visitor.request(target, {
        method: "POST",
        signal,
        headers: { Origin: baseUrl, ...(type ? { "Content-Type": type } : {}), "Stripe-Signature": "t=1,v1=00" },
        body,
      });
    const bodies: [string | null, string][] = [
      ["text/plain", "variantId=x"],
      ["application/json", '{"variantId":"x","priceFen":-1}'],
      ["application/json", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
      [null, "variantId=x"],
      ["application/x-www-form-urlencoded", "variantId=%00&quantity=1"],
      ["application/x-www-form-urlencoded", "variantId=x&quantity=99999999999999999999"],
      ["application/x-www-form-urlencoded", "variantId=x&quantity=-1&unitPriceFen=1"],
      ["application/x-www-form-urlencoded", "variantId=x&quantity=1&items[999999999]=a&email[999999999]=a"],
      ["application/x-www-form-urlencoded", "variantId=x&a]=1&__intent__=%7B"],
      ["application/x-www-form-urlencoded", "variantId=%FF&name=%C0%AF"],
      ["application/x-www-form-urlencoded", `variantId=x&note=${"x".repeat(10 * MIB)}`],
      ["application/json", `{"note":"${"x".repeat(10 * MIB)}"}`],
      ["application/json", '{"id":"evt_1","type":"checkout.session.completed","data":{"object":{"id":"\u0000"}}}'],
    ];
    for (const target of ["/buy-now", "/webhooks/stripe"])
      for (const [type, body] of bodies)
        await check(problems, "anonymous", `POST ${target} (${type} ${body.slice(0, 40)})`, post(target, type, body));
    for (const target of ["/healthz", "/healthz?x=%00", "/buy-now", "/webhooks/stripe"])
      await check(problems, "anonymous", `GET ${target}`, (signal) => visitor.request(target, { signal }));
    expect(report(problems)).toEqual([]);
    await healthy();
  });

  it("every socket.io event the server listens for survives malformed payloads", async () => {
    const liveShow = await db.show
      .findFirstOrThrow({
        where: { status: "live" },
        select: { id: true, items: { select: { product: { select: { workshopId: true } } }, take: 1 } },
      })
      .then((show) => ({ id: show.id, workshopId: show.items[0]?.product.workshopId ?? "" }));
    const payloads: unknown[] = [
      undefined,
      null,
      -1,
      1e308,
      "\0",
      "a\0b",
      "\ud800",
      "x".repeat(5_000),
      {},
      [],
      { showId: "\0", workshopId: "\0", orderId: "\0", token: "\0" },
      { workshopId: { $gt: "" }, orderId: ["a"], token: 1 },
      { workshopId: liveShow.workshopId, orderId: realParams["orders:orderId"], token: "" },
      JSON.parse(`${'{"a":'.repeat(500)}1${"}".repeat(500)}`),
    ];
    const sockets: Socket[] = [];
    const acks: unknown[] = [];
    const heard: unknown[] = [];
    for (const { visitor } of visitors.slice(0, 2)) {
      const socket = connectSocket(baseUrl, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        extraHeaders: { Cookie: visitor.cookieHeader(), Origin: baseUrl },
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      socket.onAny((_event, payload) => heard.push(payload));
      // In a live room first, so chat lines reach the chat rules rather than "join a show first".
      await new Promise<void>((resolve) => {
        socket.once("state", () => resolve());
        socket.emit("join", liveShow.id);
      });
      sockets.push(socket);
    }
    // The event names come from the server's own listeners on a connected socket, not from a list kept here.
    const serverSocket = [...server.io.of("/").sockets.values()][0];
    const events = serverSocket.eventNames().filter((name): name is string => typeof name === "string");
    expect(events).toEqual(expect.arrayContaining(["join", "chat", "workshop:join", "order:join"]));

    for (const socket of sockets) {
      for (const event of events) {
        for (const payload of payloads) {
          socket.emit(event, payload, (answer: unknown) => acks.push(answer));
          socket.emit(event, payload, payload, payload);
        }
      }
    }
    // Handlers answer as their queries return: wait until the answers stop coming.
    for (let seen = -1; seen !== acks.length;) {
      seen = acks.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const socket of sockets) socket.disconnect();
    const chatRules = acks.filter((ack) => /live:chat\.error\.(empty|tooLong)/.test(JSON.stringify(ack) ?? ""));
    expect(chatRules.length).toBeGreaterThan(0);
    const leaks = [...acks, ...heard]
      .map((answer) => JSON.stringify(answer) ?? "")
      .filter((text) => INTERNAL.test(text));
    expect(leaks).toEqual([]);
    await healthy();
  });
});
