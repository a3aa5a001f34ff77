// Cunbo on a database whose TimeZone is Asia/Shanghai, the usual setting in China: deals, holds and dashboards
// keep the right instants whatever zone the database's sessions start in.
import { beforeAll, describe, expect, it } from "vitest";
import { RESERVATION_MINUTES } from "~/domain/checkout/checkout.server";
import { adminDashboard, workshopDashboard } from "~/domain/ledger/dashboards.server";
import { shanghaiDayStart, shanghaiMonthStart } from "~/lib/shanghai-time";
import { sweepLapsedOrders } from "~/domain/checkout/reservations.server";
import { workshopImpact } from "~/domain/ledger/workshop-impact.server";
import { db } from "~/lib/db.server";
import { plainQuery, setDatabaseTimeZone } from "../helpers/database-time-zone";
import { Visitor } from "../helpers/http";
import { ADDRESS, variantBySku } from "../helpers/market";
import { createPaidOrder, workshopBySlug } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

const MINUTE = 60_000;
let baseUrl: string;

beforeAll(async () => {
  await setDatabaseTimeZone("Asia/Shanghai");
  baseUrl = (await startTestServer()).url;
});

async function buyNow(fields: Record<string, string>) {
  const response = await new Visitor(baseUrl).post("/buy-now", { ...ADDRESS, quantity: "1", ...fields });
  const answer = (await response.json()) as { redirectTo?: string; reply?: { error?: Record<string, string[]> } };
  return { status: response.status, answer, orderId: answer.redirectTo?.split("?")[0].split("/").pop() };
}

/** The Shanghai calendar day (YYYY-MM-DD) or month (YYYY-MM) of an instant, by the platform's own time zone data. */
function shanghaiDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(at);
}

async function ledgerFen(orderId: string, account?: "workers_premium") {
  const entries = await db.ledgerEntry.findMany({ where: { orderId, ...(account ? { account } : {}) } });
  return entries.reduce((sum, entry) => sum + entry.amountFen, 0);
}

describe("on a database set to Asia/Shanghai time", () => {
  it("the file's database really starts its sessions in Shanghai time", async () => {
    const [row] = await plainQuery<{ TimeZone: string }>("SHOW TimeZone");
    expect(row.TimeZone).toBe("Asia/Shanghai");
  });

  it("a running flash deal sells to a live-room buyer instead of answering sold out", async () => {
    const host = await new Visitor(baseUrl).logIn("host.berry@cunbo.test");
    const show = await db.show.findFirstOrThrow({
      where: { status: "live", host: { user: { email: "host.berry@cunbo.test" } } },
    });
    const berries = await db.product.findUniqueOrThrow({
      where: { slug: "jiande-hongyan-strawberry" },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    const variant = berries.variants[0];
    expect((await host.post(`/host/shows/${show.id}`, { intent: "pin", productId: berries.id })).status).toBe(200);
    const before = Date.now();
    const started = await host.post(`/host/shows/${show.id}`, {
      intent: "deal",
      variantId: variant.id,
      price: String(variant.priceFen - 500),
      quantityCap: "5",
      durationSeconds: "600",
    });
    expect(started.status).toBe(200);
    const deal = await db.flashDeal.findFirstOrThrow({ where: { showId: show.id, stoppedAt: null } });
    expect(deal.startsAt.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(deal.startsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(deal.endsAt.getTime() - deal.startsAt.getTime()).toBe(600_000);

    const bought = await buyNow({ variantId: variant.id, showId: show.id, flashDealId: deal.id });
    expect(bought.answer.reply?.error).toBeUndefined();
    expect(bought.status).toBe(200);
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: bought.orderId } });
    expect(line).toMatchObject({ flashDealId: deal.id, unitPriceFen: variant.priceFen - 500, quantity: 1 });
    expect((await db.flashDeal.findUniqueOrThrow({ where: { id: deal.id } })).sold).toBe(1);

    // A session in the database's own zone (psql, a report) sees the same deal running, for ten minutes.
    const [seen] = await plainQuery<{ running: boolean; left: number }>(
      `SELECT "startsAt" <= now() AND "endsAt" > now() AS running, extract(epoch FROM "endsAt" - now())::float8 AS left
       FROM "FlashDeal" WHERE id = $1`,
      [deal.id],
    );
    expect(seen.running).toBe(true);
    expect(seen.left).toBeGreaterThan(590);
    expect(seen.left).toBeLessThanOrEqual(600);
  });

  it("an unpaid order's hold lapses at its expiry time, not eight hours off", async () => {
    const umbrella = await variantBySku("NY-FD-NV");
    const before = Date.now();
    const bought = await buyNow({ variantId: umbrella.id });
    const after = Date.now();
    expect(bought.status).toBe(200);
    const order = await db.order.findUniqueOrThrow({ where: { id: bought.orderId }, include: { reservations: true } });
    const hold = RESERVATION_MINUTES * MINUTE;
    expect(order.expiresAt.getTime()).toBeGreaterThanOrEqual(before + hold);
    expect(order.expiresAt.getTime()).toBeLessThanOrEqual(after + hold);
    // The hold is dated by the database; read back, it is the moment it was taken.
    const [reservation] = order.reservations;
    expect(reservation.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(reservation.createdAt.getTime()).toBeLessThanOrEqual(after + 1000);
    const [seen] = await plainQuery<{ left: number; age: number }>(
      `SELECT extract(epoch FROM o."expiresAt" - now())::float8 AS left, extract(epoch FROM now() - r."createdAt")::float8 AS age
       FROM "Order" o JOIN "Reservation" r ON r."orderId" = o.id WHERE o.id = $1`,
      [order.id],
    );
    expect(seen.left).toBeGreaterThan(hold / 1000 - 10);
    expect(seen.left).toBeLessThanOrEqual(hold / 1000);
    expect(seen.age).toBeGreaterThanOrEqual(-1);
    expect(seen.age).toBeLessThan(10);

    await sweepLapsedOrders(new Date(order.expiresAt.getTime() - 1000));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("pending_payment");
    expect((await variantBySku("NY-FD-NV")).stock).toBe(umbrella.stock - 1);
    await sweepLapsedOrders(new Date(order.expiresAt.getTime() + 1));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("cancelled");
    expect((await variantBySku("NY-FD-NV")).stock).toBe(umbrella.stock);
    expect((await db.reservation.findFirstOrThrow({ where: { orderId: order.id } })).status).toBe("released");
  });

  it("dashboards count a sale in the Shanghai day and month it was made, either side of midnight", async () => {
    const now = new Date();
    const workshop = await workshopBySlug("berry-good-market");
    const midnight = shanghaiDayStart(now, 2);
    const lastMonth = shanghaiMonthStart(new Date(shanghaiMonthStart(now).getTime() - MINUTE));
    const before = {
      workshop: await workshopDashboard(workshop.id, now),
      admin: await adminDashboard(now),
      impact: (await workshopImpact(workshop.slug, now))!,
    };
    const sale = async (at: Date, quantity: number) => {
      const order = await createPaidOrder({ workshopSlug: workshop.slug, paidAt: at, lines: [{ quantity }] });
      return { at, fen: await ledgerFen(order.orderId), premium: await ledgerFen(order.orderId, "workers_premium") };
    };
    const lateNight = await sale(new Date(midnight.getTime() - MINUTE), 1);
    const earlyMorning = await sale(new Date(midnight.getTime() + MINUTE), 2);
    const monthEnd = await sale(new Date(lastMonth.getTime() - MINUTE), 3);
    const monthStart = await sale(new Date(lastMonth.getTime() + MINUTE), 4);
    expect(shanghaiDate(lateNight.at)).not.toBe(shanghaiDate(earlyMorning.at));

    const added = (figures: { day: string; fen: number }[], was: { day: string; fen: number }[], day: string) =>
      figures.find((d) => d.day === day)!.fen - was.find((d) => d.day === day)!.fen;
    const workshopNow = await workshopDashboard(workshop.id, now);
    const adminNow = await adminDashboard(now);
    for (const { at, fen } of [lateNight, earlyMorning]) {
      const day = shanghaiDate(at);
      expect(added(workshopNow.salesByDay, before.workshop.salesByDay, day)).toBe(fen);
      expect(added(adminNow.salesByDay, before.admin.salesByDay, day)).toBe(fen);
    }

    const impactNow = (await workshopImpact(workshop.slug, now))!;
    const monthAdded = (month: string) =>
      impactNow.series.find((m) => m.month === month)!.premiumFen -
      before.impact.series.find((m) => m.month === month)!.premiumFen;
    const monthOf = (at: Date) => shanghaiDate(at).slice(0, 7);
    expect(monthOf(monthEnd.at)).not.toBe(monthOf(monthStart.at));
    // The sales either side of midnight may fall in one of these months too (early in a month).
    const sales = [lateNight, earlyMorning, monthEnd, monthStart];
    for (const month of new Set(sales.map((s) => monthOf(s.at)))) {
      const premium = sales.filter((s) => monthOf(s.at) === month).reduce((sum, s) => sum + s.premium, 0);
      expect(monthAdded(month)).toBe(premium);
    }

    const staff = await new Visitor(baseUrl).logIn("staff.berry@cunbo.test");
    expect((await staff.get("/studio/berry-good-market/dashboard")).status).toBe(200);
    expect((await new Visitor(baseUrl).get("/workshops/berry-good-market/impact")).status).toBe(200);
  });
});
