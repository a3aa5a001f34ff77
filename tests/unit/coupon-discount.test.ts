// The coupon arithmetic on its own: a discount spread to the fen, the best coupon chosen, and a discounted
// line's ledger entries (premium and village untouched, the funder carrying the discount) summing to what was paid.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseCoupon, type ClaimedCoupon } from "~/domain/promotions/coupon-choice";
import { couponValueFen, remainderLine, spreadDiscount } from "~/domain/promotions/coupon-discount";
import { allocateLine } from "~/domain/ledger/allocation";
import { saleEntryRows } from "~/domain/ledger/ledger.server";

const amounts = fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 30 });

describe("spreading a discount over lines", () => {
  it("for any lines and any discount within them, parts are whole fen within each line and sum exactly to it", () => {
    fc.assert(
      fc.property(amounts, fc.double({ min: 0, max: 1, noNaN: true }), (fens, share) => {
        const lines = fens.map((amountFen, i) => ({ key: `l${i}`, amountFen }));
        const total = fens.reduce((s, f) => s + f, 0);
        const discount = Math.floor(total * share);
        const parts = spreadDiscount(lines, discount, remainderLine(lines));
        let sum = 0;
        for (const line of lines) {
          const part = parts.get(line.key)!;
          expect(Number.isInteger(part)).toBe(true);
          expect(part).toBeGreaterThanOrEqual(0);
          expect(part).toBeLessThanOrEqual(line.amountFen);
          sum += part;
        }
        expect(sum).toBe(discount);
      }),
      { numRuns: 5_000 },
    );
  });

  it("the rounding's remainder goes to the named line", () => {
    const parts = spreadDiscount(
      [
        { key: "a", amountFen: 100 },
        { key: "b", amountFen: 100 },
        { key: "c", amountFen: 100 },
      ],
      100,
      "b",
    );
    expect([...parts.values()]).toEqual([33, 34, 33]);
  });

  it("满 ¥99 减 ¥10 needs ¥99 of goods; a percentage stops at its cap", () => {
    const full = {
      kind: "amount_off",
      thresholdFen: 9900,
      amountOffFen: 1000,
      percentOffBp: null,
      capFen: null,
    } as const;
    expect(couponValueFen(full, 9899)).toBe(0);
    expect(couponValueFen(full, 9900)).toBe(1000);
    const pct = { kind: "percent_off", thresholdFen: 0, amountOffFen: null, percentOffBp: 1000, capFen: 500 } as const;
    expect(couponValueFen(pct, 3000)).toBe(300);
    expect(couponValueFen(pct, 30000)).toBe(500);
  });
});

const claim = (
  id: string,
  amountOffFen: number,
  expiresInMs: number,
  scope: Partial<ClaimedCoupon> = {},
): ClaimedCoupon => ({
  claimId: id,
  couponId: `c-${id}`,
  funder: "market",
  scope: "workshop",
  workshopId: "w1",
  productId: null,
  showId: null,
  kind: "amount_off",
  thresholdFen: 0,
  amountOffFen,
  percentOffBp: null,
  capFen: null,
  expiresAt: new Date(Date.UTC(2026, 11, 1) + expiresInMs),
  ...scope,
});
const now = new Date(Date.UTC(2026, 11, 1));
const lines = [
  {
    key: "v1",
    workshopId: "w1",
    productId: "p1",
    showId: "s1",
    lineTotalFen: 5000,
    premiumRateBp: 1000,
    villageFundRateBp: 200,
  },
  {
    key: "v2",
    workshopId: "w2",
    productId: "p2",
    showId: null,
    lineTotalFen: 3000,
    premiumRateBp: 0,
    villageFundRateBp: 200,
  },
];

describe("choosing a coupon", () => {
  it("takes the largest discount, the sooner-expiring among equals; never an expired or inapplicable one", () => {
    const claims = [
      claim("small", 300, 60_000),
      claim("late", 800, 120_000),
      claim("soon", 800, 60_000),
      claim("expired", 2000, -1),
      claim("elsewhere", 1500, 60_000, { workshopId: "w3" }),
      claim("show", 1000, 60_000, { scope: "show", showId: "s2", workshopId: null }),
    ];
    const { applied, options } = chooseCoupon(claims, lines, undefined, now);
    expect(applied?.claimId).toBe("soon");
    expect(applied?.byLine.get("v1")).toBe(800);
    expect(applied?.byLine.get("v2") ?? 0).toBe(0);
    expect(options.find((o) => o.claimId === "expired")?.problem).toBe("expired");
    expect(options.find((o) => o.claimId === "elsewhere")?.problem).toBe("notApplicable");
    expect(options.find((o) => o.claimId === "show")?.problem).toBe("notApplicable");
    expect(chooseCoupon(claims, lines, "small", now).applied?.discountFen).toBe(300);
    expect(chooseCoupon(claims, lines, "none", now).applied).toBeNull();
    expect(chooseCoupon(claims, lines, "expired", now)).toMatchObject({ applied: null, choiceRefused: true });
  });
});

describe("a discounted line in the ledger", () => {
  const rate = fc.integer({ min: 0, max: 3_000 });
  it("for any line, discount and funder: premium and village as undiscounted, the funder carries it, entries sum to what was paid", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        rate,
        rate,
        fc.option(rate, { nil: null }),
        fc.constantFrom("workshop" as const, "market" as const),
        (undiscounted, share, premiumRateBp, villageFundRateBp, hostCommissionBp, funder) => {
          const discountFen = Math.floor(undiscounted * share);
          const line = {
            id: "l",
            workshopId: "w",
            lineTotalFen: undiscounted - discountFen,
            discountFen,
            discountFunder: funder,
            premiumRateBp,
            villageFundRateBp,
            hostCommissionBp: hostCommissionBp ?? 0,
            hostId: hostCommissionBp === null ? null : "h",
            villageZh: "村",
          };
          const rows = saleEntryRows("o", [line], new Map());
          const by = (account: string) =>
            rows.filter((r) => r.account === account).reduce((s, r) => s + r.amountFen, 0);
          const plain = allocateLine({
            lineTotalFen: undiscounted,
            premiumRateBp,
            villageFundRateBp,
            hostCommissionBp,
          });
          expect(rows.reduce((s, r) => s + r.amountFen, 0)).toBe(line.lineTotalFen);
          expect(by("workers_premium")).toBe(plain.workers_premium);
          expect(by("village")).toBe(plain.village);
          expect(by("host")).toBe(plain.host);
          const carrier = funder === "workshop" ? "workshop" : "platform";
          expect(by(carrier)).toBe(plain[carrier] - discountFen);
          expect(rows.filter((r) => r.kind === "discount")).toHaveLength(discountFen > 0 ? 1 : 0);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
