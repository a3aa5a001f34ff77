// Coupons against real PostgreSQL, through the domain's real paths: claiming under a crowd, the best coupon at
// checkout, a claim used once and never after its expiry, and where every fen of a discounted line goes.
process.env.DATABASE_POOL_SIZE = "25";
import { describe, expect, it } from "vitest";
import { placeOrder } from "~/domain/checkout/checkout.server";
import { cancelUnpaidOrder } from "~/domain/checkout/reservations.server";
import { writeReversalEntries } from "~/domain/ledger/ledger.server";
import { allocateLine } from "~/domain/ledger/allocation";
import { writePartialReversalEntries } from "~/domain/ledger/partial-reversal.server";
import { payLocally } from "~/domain/payments/local-payment.server";
import { claimCoupon } from "~/domain/promotions/coupon-claims.server";
import { usableClaims } from "~/domain/promotions/coupon-wallet.server";
import { createCoupon, type CouponMaker } from "~/domain/promotions/coupons.server";
import { CouponSchema, type CouponForm } from "~/domain/promotions/coupon-schema";
import { Conflict, DomainError } from "~/domain/errors.server";
import { db } from "~/lib/db.server";
import { ADDRESS, liveTeaShow } from "../helpers/market";

let made = 0;
async function shoppers(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `coupon-shopper-${++made}-${Math.random().toString(36).slice(2, 8)}`);
  await db.user.createMany({
    data: ids.map((id) => ({ id, email: `${id}@coupons.test`, name: id, passwordHash: "x" })),
  });
  return ids;
}

const form = (fields: Record<string, string>): CouponForm => CouponSchema.parse(fields);

async function teaWorkshop() {
  const { show, pin, variant } = await liveTeaShow();
  const product = await db.product.findUniqueOrThrow({ where: { id: pin.productId }, include: { workshop: true } });
  const admin = await db.user.findFirstOrThrow({ where: { isAdmin: true } });
  return { show, product, variant, workshop: product.workshop, admin };
}

async function coupon(maker: CouponMaker, fields: Record<string, string>) {
  return createCoupon(maker, form(fields));
}

function buy(userId: string, variantId: string, quantity: number, coupon?: string) {
  return placeOrder({
    userId,
    items: [{ variantId, quantity }],
    contact: ADDRESS,
    paymentProvider: "local",
    coupon,
    // A cart-style checkout (placed alone), so each test reads its own claims fresh.
    cartId: null,
  });
}

describe("claiming a coupon", () => {
  it("2,000 concurrent claims on a 100-coupon total give exactly 100, never more than one per shopper", async () => {
    const { workshop, admin } = await teaWorkshop();
    const made = await coupon(
      { funder: "market", workshopId: null, userId: admin.id },
      {
        kind: "amount_off",
        scope: "workshop",
        workshopId: workshop.id,
        amountOff: "5",
        total: "100",
        perShopperLimit: "1",
      },
    );
    const ids = await shoppers(400);
    const attempts = ids.flatMap((id) => Array.from({ length: 5 }, () => id));
    const results = await Promise.all(
      attempts.map((id) =>
        claimCoupon(made.id, id).then(
          () => "claimed",
          (e) => e,
        ),
      ),
    );
    expect(results.filter((r) => r === "claimed")).toHaveLength(100);
    for (const refused of results.filter((r) => r !== "claimed")) {
      expect(refused).toBeInstanceOf(Conflict);
      expect(["promotions:error.allClaimed", "promotions:error.limitReached"]).toContain(
        (refused as Conflict).messageKey,
      );
    }
    const claims = await db.couponClaim.groupBy({
      by: ["userId"],
      where: { couponId: made.id },
      _count: { _all: true },
    });
    expect(claims.reduce((sum, c) => sum + c._count._all, 0)).toBe(100);
    expect(Math.max(...claims.map((c) => c._count._all))).toBe(1);
    expect((await db.coupon.findUniqueOrThrow({ where: { id: made.id } })).claimed).toBe(100);
  });

  it("a shopper with a limit of 2 gets two claims however many they send at once, and the count never passes the total (CHECK)", async () => {
    const { workshop, admin } = await teaWorkshop();
    const made = await coupon(
      { funder: "market", workshopId: null, userId: admin.id },
      {
        kind: "amount_off",
        scope: "workshop",
        workshopId: workshop.id,
        amountOff: "5",
        total: "3",
        perShopperLimit: "2",
      },
    );
    const [one] = await shoppers(1);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => claimCoupon(made.id, one)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    await expect(db.$executeRaw`UPDATE "Coupon" SET "claimed" = "total" + 1 WHERE "id" = ${made.id}`).rejects.toThrow();
  });
});

describe("making a coupon", () => {
  it("refuses a workshop coupon its share could not carry on some product, with the reason", async () => {
    const { workshop, admin } = await teaWorkshop();
    const maker = { funder: "workshop" as const, workshopId: workshop.id, userId: admin.id };
    const refused = await coupon(maker, {
      kind: "percent_off",
      scope: "workshop",
      percentOff: "95",
      cap: "500",
      total: "10",
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).messageKey).toBe("promotions:error.workshopCannotCarry");
    expect((refused as DomainError).values.titleZh).toBeTruthy();
    await expect(
      coupon(maker, { kind: "percent_off", scope: "workshop", percentOff: "10", cap: "20", total: "10" }),
    ).resolves.toBeTruthy();
  });
});

describe("a coupon at checkout", () => {
  it("applies the best of the shopper's claims, or the one they choose, or none", async () => {
    const { workshop, variant, admin } = await teaWorkshop();
    const maker = { funder: "workshop" as const, workshopId: workshop.id, userId: admin.id };
    const small = await coupon(maker, { kind: "amount_off", scope: "workshop", amountOff: "3", total: "5" });
    const big = await coupon(maker, { kind: "amount_off", scope: "workshop", amountOff: "6", total: "5" });
    const [shopper] = await shoppers(1);
    const smallClaim = await claimCoupon(small.id, shopper);
    await claimCoupon(big.id, shopper);
    const best = await buy(shopper, variant.id, 1);
    expect(best.totalFen).toBe((await buy(shopper, variant.id, 1, "none")).totalFen - 600);
    const chosen = await buy(shopper, variant.id, 1, smallClaim.claimId);
    const order = await db.order.findUniqueOrThrow({ where: { id: chosen.id }, include: { lines: true } });
    expect(order.discountFen).toBe(300);
    expect(order.lines[0].discountFen).toBe(300);
    expect(order.lines[0].lineTotalFen).toBe(order.lines[0].unitPriceFen - 300);
  });

  it("a claim is used once (a second order cannot choose it) and not after its expiry; a lapsed order gives it back", async () => {
    const { workshop, variant, admin } = await teaWorkshop();
    const made = await coupon(
      { funder: "workshop", workshopId: workshop.id, userId: admin.id },
      { kind: "amount_off", scope: "workshop", amountOff: "4", total: "5" },
    );
    const [shopper] = await shoppers(1);
    const { claimId } = await claimCoupon(made.id, shopper);
    // Two orders at once choose the same claim: one has it.
    const both = await Promise.allSettled([buy(shopper, variant.id, 1, claimId), buy(shopper, variant.id, 1, claimId)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const first = (both.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value;
    await payLocally(first.id, "succeed");
    await expect(buy(shopper, variant.id, 1, claimId)).rejects.toMatchObject({
      messageKey: "checkout:error.couponNotUsable",
    });
    expect(await usableClaims(shopper)).toHaveLength(0);
    // A second claim of an unpaid order comes back when that order lapses…
    const other = await coupon(
      { funder: "workshop", workshopId: workshop.id, userId: admin.id },
      { kind: "amount_off", scope: "workshop", amountOff: "4", total: "5" },
    );
    const second = await claimCoupon(other.id, shopper);
    const unpaid = await buy(shopper, variant.id, 1);
    expect((await db.order.findUniqueOrThrow({ where: { id: unpaid.id } })).couponClaimId).toBe(second.claimId);
    await cancelUnpaidOrder(unpaid.id);
    expect((await usableClaims(shopper)).map((c) => c.claimId)).toEqual([second.claimId]);
    // …and not after it expires.
    await db.couponClaim.update({ where: { id: second.claimId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await buy(shopper, variant.id, 1);
    expect((await db.order.findUniqueOrThrow({ where: { id: late.id } })).discountFen).toBe(0);
    await expect(buy(shopper, variant.id, 1, second.claimId)).rejects.toMatchObject({
      messageKey: "checkout:error.couponNotUsable",
    });
  });
});

async function entriesOf(orderId: string) {
  return db.ledgerEntry.findMany({ where: { orderId } });
}

describe("the ledger with coupons", () => {
  for (const funder of ["workshop", "market"] as const) {
    it(`a ${funder} coupon: premium and village as on the undiscounted line, the ${funder === "workshop" ? "workshop" : "platform"} carries the discount, the line sums to what was paid; refunds reverse exactly`, async () => {
      const { workshop, variant, admin } = await teaWorkshop();
      const made = await coupon(
        { funder, workshopId: funder === "workshop" ? workshop.id : null, userId: admin.id },
        { kind: "percent_off", scope: "workshop", workshopId: workshop.id, percentOff: "7", cap: "50", total: "5" },
      );
      const [shopper] = await shoppers(1);
      await claimCoupon(made.id, shopper);
      const placed = await buy(shopper, variant.id, 3);
      await payLocally(placed.id, "succeed");
      const order = await db.order.findUniqueOrThrow({ where: { id: placed.id }, include: { lines: true } });
      const [line] = order.lines;
      expect(line.discountFen).toBeGreaterThan(0);
      const entries = await entriesOf(order.id);
      const sum = (rows: typeof entries) => rows.reduce((s, e) => s + e.amountFen, 0);
      expect(sum(entries)).toBe(line.lineTotalFen);
      expect(order.totalFen).toBe(line.lineTotalFen + order.shippingFen);
      const undiscounted = allocateLine({
        lineTotalFen: line.lineTotalFen + line.discountFen,
        premiumRateBp: line.premiumRateBp,
        villageFundRateBp: line.villageFundRateBp,
        hostCommissionBp: line.hostId ? line.hostCommissionBp : null,
      });
      const of = (account: string) => sum(entries.filter((e) => e.account === account));
      expect(of("workers_premium")).toBe(undiscounted.workers_premium);
      expect(of("village")).toBe(undiscounted.village);
      const discount = entries.filter((e) => e.kind === "discount");
      expect(discount).toHaveLength(1);
      expect(discount[0].account).toBe(funder === "workshop" ? "workshop" : "platform");
      expect(discount[0].amountFen).toBe(-line.discountFen);
      // A partial refund of what was paid for one unit, then the rest: the line ends at zero on every account.
      const unitPaid = Math.floor(line.lineTotalFen / 3);
      await db.$transaction((tx) =>
        writePartialReversalEntries(tx, order.id, [{ orderLineId: line.id, amountFen: unitPaid }]),
      );
      const afterPart = await entriesOf(order.id);
      expect(sum(afterPart)).toBe(line.lineTotalFen - unitPaid);
      // The workers' premium gives back about a third of what it got, not more (it was booked on the full line).
      const premiumBack = undiscounted.workers_premium - sum(afterPart.filter((e) => e.account === "workers_premium"));
      expect(Math.abs(premiumBack - undiscounted.workers_premium / 3)).toBeLessThanOrEqual(2);
      await db.$transaction((tx) => writeReversalEntries(tx, order.id));
      const end = await entriesOf(order.id);
      for (const account of ["workshop", "workers_premium", "village", "platform", "host"])
        expect(sum(end.filter((e) => e.account === account))).toBe(0);
    });
  }
});
