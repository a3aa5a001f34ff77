// Unpaid orders give their stock back when the hold lapses: by the queued job (pg-boss), or by the sweep.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "~/domain/checkout/checkout.server";
import { sweepLapsedOrders } from "~/domain/checkout/reservations.server";
import { db } from "~/lib/db.server";
import { startJobs, type RunningJobs } from "../../server/jobs";
import { ADDRESS, liveTeaShow, startFlashDeal, variantBySku } from "../helpers/market";

let jobs: RunningJobs;
beforeAll(async () => {
  jobs = await startJobs(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5 });
});
afterAll(() => jobs.stop());

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("reservation expiry", () => {
  it("an unpaid order's stock, deal allowance and pre-order capacity return when its hold lapses (the queued job)", async () => {
    const umbrella = await variantBySku("NY-FD-PK");
    const preorder = await variantBySku("DZ-NV-1J");
    const batch = await db.batch.findFirstOrThrow({ where: { productId: preorder.productId } });
    const { show } = await liveTeaShow();
    const deal = await startFlashDeal(show.id, umbrella.id, 3900, 10);
    const order = await placeOrder({
      userId: null,
      items: [
        { variantId: umbrella.id, quantity: 3, flashDealId: deal.id },
        { variantId: preorder.id, quantity: 2 },
      ],
      contact: ADDRESS,
      paymentProvider: "local",
      holdMs: 1_500,
    });
    expect((await variantBySku("NY-FD-PK")).stock).toBe(umbrella.stock - 3);
    expect((await db.flashDeal.findUniqueOrThrow({ where: { id: deal.id } })).sold).toBe(3);
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).reserved).toBe(batch.reserved + 2);
    const job = await jobs.boss.getQueueSize("reservation-expiry");
    expect(job).toBeGreaterThanOrEqual(1);

    await until(async () => (await db.order.findUniqueOrThrow({ where: { id: order.id } })).status === "cancelled");
    expect((await variantBySku("NY-FD-PK")).stock).toBe(umbrella.stock);
    expect((await variantBySku("DZ-NV-1J")).stock).toBe(preorder.stock);
    expect((await db.flashDeal.findUniqueOrThrow({ where: { id: deal.id } })).sold).toBe(0);
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).reserved).toBe(batch.reserved);
    expect(await db.reservation.count({ where: { orderId: order.id, status: "released" } })).toBe(2);
  });

  it("the sweep releases lapsed holds whose job was lost, and leaves live holds and paid orders alone", async () => {
    const umbrella = await variantBySku("NY-FD-GN");
    const lapsed = await placeOrder({
      userId: null,
      items: [{ variantId: umbrella.id, quantity: 1 }],
      contact: ADDRESS,
      paymentProvider: "local",
      holdMs: 60_000,
    });
    const live = await placeOrder({
      userId: null,
      items: [{ variantId: umbrella.id, quantity: 1 }],
      contact: ADDRESS,
      paymentProvider: "local",
    });
    const inAMinute = new Date(Date.now() + 61_000);
    expect(await sweepLapsedOrders(inAMinute)).toBeGreaterThanOrEqual(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: lapsed.id } })).status).toBe("cancelled");
    expect((await db.order.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("pending_payment");
    expect((await variantBySku("NY-FD-GN")).stock).toBe(umbrella.stock - 1);
    expect(await sweepLapsedOrders(inAMinute)).toBe(0);
  });
});
