// Every page of the app, as every kind of visitor sees it, in both languages: the routes come from the Remix
// build's own manifest (so a new route joins the walk by itself), their parameters from the seeded market plus
// two orders made here. A route the walk cannot fill, or that no visitor can open, fails the walk by name unless
// SKIPPED_ROUTES says why it is not a page to look at.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { db } from "~/lib/db.server";
import { LOCALES, type Locale } from "~/lib/i18n";
import { localeCookie } from "~/lib/locale.server";
import { launchBrowser, PHONE } from "./browser";
import { Visitor } from "./http";
import { createPaidOrder } from "./paid-order-fixture";
import { startTestServer } from "./server";

export const ROLES = {
  guest: null,
  shopper: "shopper@cunbo.test",
  host: "host.tea@cunbo.test",
  staff: "staff.duzuo@cunbo.test",
  admin: "admin@cunbo.test",
} as const;
export type Role = keyof typeof ROLES;

/** Routes that are not pages a person reads, each with the reason; every other route must be walked. */
export const SKIPPED_ROUTES: Record<string, string> = {
  "routes/logout": "signs the visitor out (a form's action; its GET only redirects)",
  "routes/set-locale": "the language switch's action; its GET only redirects home",
  "routes/studio.$workshop.fulfilment.export": "answers a CSV file, not a page",
  "routes/studio.$workshop.fulfilment.slips": "answers a PDF of packing slips, not a page",
  "routes/admin.payouts.$runId.transfers[.]csv": "answers a payout run's bank-transfer CSV, not a page",
  "routes/statement-file.$statementId": "answers a statement's PDF or CSV, not a page",
  "routes/payslip.$token":
    "a worker's private statement, opened only from the link a payout run makes (tests/e2e/settlement.test.ts opens one)",
  "routes/checkout_.quote": "answers the live room's buy-now sheet a JSON price quote, not a page",
  "routes/follows": "the follow buttons' action; its GET only redirects home",
  "routes/reminders": "the remind-me buttons' action; its GET only redirects home",
  "routes/notices_.push": "takes a browser's Web Push subscription (a POST); its GET only redirects",
  "routes/shows.$showId_.poster": "answers a PNG share poster, not a page",
  "routes/products.$slug_.poster": "answers a PNG share poster, not a page",
  "routes/shows.$showId_.calendar": "answers an .ics calendar file, not a page",
  "routes/lucky-bags.$bagId.enter": "the room's 参与 button's action (JSON); its GET redirects to the result page",
  "routes/lucky-bags.$bagId.entries[.]json": "answers a drawn lucky bag's tickets as JSON, not a page",
  "routes/coupons.$couponId.claim": "a coupon card's claim (a POST; its GET answers 405)",
};

export type RoutePattern = { id: string; pattern: string; index: boolean; hasAction: boolean; isPage: boolean };

/** Every route of the build with its full path pattern (`/studio/:workshop/products/:productId`). */
export function routePatterns(build: ServerBuild): RoutePattern[] {
  const full = (id: string): string => {
    const route = build.routes[id];
    const parent = route.parentId ? full(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  return Object.values(build.routes)
    .filter((route) => route.id !== "root")
    .map((route) => ({
      id: route.id,
      pattern: `/${full(route.id)}`,
      index: Boolean(route.index),
      hasAction: typeof (route.module as { action?: unknown }).action === "function",
      isPage: typeof (route.module as { default?: unknown }).default === "function",
    }));
}

export async function loadBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
}

/** One page to look at: a route filled in, and who may open it (the walk visits it as each of them). */
export type WalkPage = { route: string; url: string; roles: Role[] };
export type WalkPlan = { pages: WalkPage[]; visitors: Record<Role, Visitor> };

/** The status that is the page itself: a 404 for the catch-all, a 403 for the refused cross-site post; else 200. */
const PAGE_STATUS: Record<string, number> = { "routes/$": 404, "routes/cross-site-refused": 403 };

/** The seeded market's values for each route parameter, keyed `first-path-segment:param`, and the query each needs. */
async function parameterValues() {
  const [workshop, product, liveShow, hostShow, scheduledShow] = await Promise.all([
    db.workshop.findUniqueOrThrow({ where: { slug: "duzuo-rice-wine" } }),
    db.product.findFirstOrThrow({ where: { workshop: { slug: "duzuo-rice-wine" }, status: "active" } }),
    db.show.findFirstOrThrow({ where: { status: "live" }, orderBy: { scheduledAt: "asc" } }),
    db.show.findFirstOrThrow({ where: { status: "live", host: { user: { email: ROLES.host } } } }),
    db.show.findFirstOrThrow({ where: { status: "scheduled", host: { user: { email: ROLES.host } } } }),
  ]);
  // A paid order of the shopper's, bought in the live show (its workshop's packing room gets its history; the
  // room's sold ticker, which shows sales of the last ten minutes, shows it for the whole walk), and one still
  // waiting to be paid.
  const paid = await createPaidOrder({
    workshopSlug: workshop.slug,
    buyerEmail: ROLES.shopper,
    lines: [{ showId: liveShow.id }],
    paidAt: new Date(Date.now() + 30 * 60_000),
  });
  const waiting = await createPaidOrder({ workshopSlug: workshop.slug, buyerEmail: ROLES.shopper });
  await db.order.update({ where: { id: waiting.orderId }, data: { status: "pending_payment", paidAt: null } });
  await db.fulfilmentOrder.deleteMany({ where: { orderId: waiting.orderId } });
  await db.ledgerEntry.deleteMany({ where: { orderId: waiting.orderId } });
  await db.order.update({
    where: { id: waiting.orderId },
    data: { expiresAt: new Date(Date.now() + 15 * 60_000) },
  });
  // A saved address of the shopper's, for the page that edits one.
  const address = await db.address.create({
    data: {
      user: { connect: { email: ROLES.shopper } },
      recipientName: "李梅",
      phone: "13800138000",
      province: "浙江省",
      city: "杭州市",
      district: "西湖区",
      street: "文三路 100 号",
      isDefault: true,
    },
  });
  // A drawn lucky bag of the live show, for its result page.
  const line = await db.orderLine.findFirstOrThrow({ where: { orderId: paid.orderId } });
  const bag = await db.luckyBag.create({
    data: {
      showId: liveShow.id,
      hostId: liveShow.hostId,
      variantId: line.variantId,
      workshopId: line.workshopId,
      donor: "workshop",
      winnersCount: 1,
      unitsPerWinner: 1,
      entryRule: "tap",
      seed: "00".repeat(32),
      seedCommit: "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925",
      startsAt: new Date(Date.now() - 3_600_000),
      endsAt: new Date(Date.now() - 3_540_000),
      drawnAt: new Date(Date.now() - 3_540_000),
    },
  });
  const params: Record<string, string> = {
    "account:addressId": address.id,
    "account:lineId": line.id,
    "lucky-bags:bagId": bag.id,
    "studio:workshop": workshop.slug,
    "studio:productId": product.id,
    "workshops:slug": workshop.slug,
    "products:slug": product.slug,
    "shows:showId": liveShow.id,
    "live:showId": liveShow.id,
    "host:showId": hostShow.id,
    "orders:orderId": paid.orderId,
    "pay:orderId": waiting.orderId,
  };
  // The host's edit page is for a show still to come.
  const byRoute: Record<string, Record<string, string>> = {
    "routes/host.shows.$showId.edit": { showId: scheduledShow.id },
  };
  const query: Record<string, string> = {
    "routes/orders.$orderId": `?token=${paid.accessToken}`,
    "routes/pay.local.$orderId": `?token=${waiting.accessToken}`,
    "routes/orders.$orderId_.after-sales": `?token=${paid.accessToken}&parcel=${paid.fulfilmentOrderId}`,
  };
  return { params, byRoute, query };
}

/**
 * Fills every route, finds who may open it (over plain HTTP, which is quick), and fails by name on any route
 * it cannot fill or that nobody can open.
 */
export async function planWalk(baseUrl: string): Promise<WalkPlan> {
  const routes = routePatterns(await loadBuild());
  const { params, byRoute, query } = await parameterValues();
  const visitors = Object.fromEntries(
    await Promise.all(
      Object.entries(ROLES).map(async ([role, email]) => {
        const visitor = new Visitor(baseUrl);
        return [role, email ? await visitor.logIn(email) : visitor] as const;
      }),
    ),
  ) as Record<Role, Visitor>;

  // Every visitor has something in the cart, so the cart and checkout are walked as shoppers see them.
  const variant = await db.variant.findFirstOrThrow({
    where: { stock: { gt: 5 }, product: { status: "active", preorder: false, customisable: false } },
  });
  for (const [role, visitor] of Object.entries(visitors)) {
    const added = await visitor.post("/cart", {
      intent: "add",
      variantId: variant.id,
      quantity: "1",
      redirectTo: "/cart",
    });
    await added.arrayBuffer();
    if (added.status >= 400) throw new Error(`${role} could not add to the cart: ${added.status}`);
  }

  const problems: string[] = [];
  const pages: WalkPage[] = [];
  const seen = new Map<string, string>();
  for (const route of routes) {
    if (route.id in SKIPPED_ROUTES) continue;
    const missing: string[] = [];
    const url =
      route.pattern
        .replace(/\/$/, "")
        .replace(/:(\w+)/g, (match, name: string) => {
          const value = byRoute[route.id]?.[name] ?? params[`${route.pattern.split("/")[1]}:${name}`];
          if (value === undefined) missing.push(match);
          return value ?? match;
        })
        .replace("*", "no-such-page") + (query[route.id] ?? "");
    if (missing.length) {
      problems.push(`${route.id}: no value for ${missing.join(", ")} (fill it in tests/helpers/page-walk.ts)`);
      continue;
    }
    const target = url || "/";
    // Layout routes share their index child's address; the page is walked once.
    const twin = seen.get(target);
    if (twin) continue;
    seen.set(target, route.id);
    const roles: Role[] = [];
    const answers: string[] = [];
    for (const role of Object.keys(ROLES) as Role[]) {
      const response = await visitors[role].get(target);
      await response.arrayBuffer();
      answers.push(
        `${role} ${response.status}${response.headers.get("Location") ? `→${response.headers.get("Location")}` : ""}`,
      );
      if (response.status === (PAGE_STATUS[route.id] ?? 200)) roles.push(role);
    }
    if (!route.isPage) problems.push(`${route.id}: not a page (no component); list it in SKIPPED_ROUTES with why`);
    else if (!roles.length) problems.push(`${route.id} (${target}): no visitor can open it (${answers.join(", ")})`);
    else pages.push({ route: route.id, url: target, roles });
  }
  if (problems.length) throw new Error(`the page walk cannot cover every route:\n${problems.join("\n")}`);
  return { pages, visitors };
}

/** A browser context signed in as `role` (the Visitor's own session cookie) and set to `locale`. */
async function contextFor(browser: Browser, baseUrl: string, plan: WalkPlan, role: Role, locale: Locale) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: PHONE, locale });
  const cookies = plan.visitors[role]
    .cookieHeader()
    .split("; ")
    .filter(Boolean)
    .map((pair) => {
      const index = pair.indexOf("=");
      return { name: pair.slice(0, index), value: pair.slice(index + 1) };
    });
  const [lng] = (await localeCookie.serialize(locale)).split(";");
  const index = lng.indexOf("=");
  cookies.push({ name: lng.slice(0, index), value: lng.slice(index + 1) });
  await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: baseUrl })));
  return context;
}

export type Visit = { page: Page; entry: WalkPage; role: Role; locale: Locale; context: BrowserContext };

/**
 * Opens every page of the plan as each role that may see it, in each language: one context per role and
 * language, a couple of pages at a time, and hands each loaded page to `look`.
 */
export async function walkPages(
  browser: Browser,
  baseUrl: string,
  plan: WalkPlan,
  look: (visit: Visit) => Promise<void>,
  width = 3,
) {
  for (const locale of LOCALES) {
    for (const role of Object.keys(ROLES) as Role[]) {
      const context = await contextFor(browser, baseUrl, plan, role, locale);
      // Pictures and the stream's media change no text and no name; the walk does without them.
      await context.route("**/*", (route) =>
        ["image", "media", "font"].includes(route.request().resourceType()) ? route.abort() : route.fallback(),
      );
      const entries = plan.pages.filter((entry) => entry.roles.includes(role));
      let next = 0;
      await Promise.all(
        Array.from({ length: width }, async () => {
          const page = await context.newPage();
          while (next < entries.length) {
            const entry = entries[next++];
            await page.goto(entry.url, { waitUntil: "load" });
            await hydrated(page);
            await look({ page, entry, role, locale, context });
          }
          await page.close();
        }),
      );
      await context.close();
    }
  }
}

/** Waits until React has taken over the page (or the page carries no scripts), so client-only text is there. */
export async function hydrated(page: Page) {
  await page.waitForFunction(
    () =>
      !document.querySelector("script[type=module]") ||
      Boolean((window as { __remixRouter?: { state?: { initialized?: boolean } } }).__remixRouter?.state?.initialized),
    undefined,
    { timeout: 10_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

/** For a walking test file's beforeAll: the app on its own database, a browser, and the plan. */
export async function setUpWalk() {
  const baseUrl = (await startTestServer()).url;
  const [browser, plan] = await Promise.all([launchBrowser(), planWalk(baseUrl)]);
  return { baseUrl, browser, plan };
}
