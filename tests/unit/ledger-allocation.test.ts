import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateLine, PLATFORM_RATE_BP } from "~/domain/ledger/ledger.server";

const rate = fc.integer({ min: 0, max: 10_000 });
const line = fc.record({
  unitPriceFen: fc.integer({ min: 0, max: 5_000_000 }),
  quantity: fc.integer({ min: 1, max: 99 }),
  premiumRateBp: rate,
  villageFundRateBp: rate,
  hostCommissionBp: fc.option(rate, { nil: null }),
});

describe("the ledger's allocation of a line", () => {
  it("for any prices, quantities and rates, the entries sum exactly to the line total and none is negative", () => {
    fc.assert(
      fc.property(line, ({ unitPriceFen, quantity, ...rates }) => {
        const lineTotalFen = unitPriceFen * quantity;
        const shares = allocateLine({ lineTotalFen, ...rates });
        const amounts = Object.values(shares);
        expect(amounts.reduce((sum, fen) => sum + fen, 0)).toBe(lineTotalFen);
        for (const fen of amounts) {
          expect(Number.isInteger(fen)).toBe(true);
          expect(fen).toBeGreaterThanOrEqual(0);
        }
        if (rates.hostCommissionBp === null) expect(shares.host).toBe(0);
      }),
      { numRuns: 20_000 },
    );
  });

  it("with rates a real workshop has, each share is its rate rounded down once and the workshop keeps the remainder", () => {
    const realistic = fc.record({
      lineTotalFen: fc.integer({ min: 0, max: 50_000_000 }),
      premiumRateBp: fc.integer({ min: 0, max: 3_000 }),
      villageFundRateBp: fc.integer({ min: 0, max: 1_000 }),
      hostCommissionBp: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(realistic, (input) => {
        const shares = allocateLine(input);
        const t = input.lineTotalFen;
        expect(shares.workers_premium).toBe(Math.floor((t * input.premiumRateBp) / (10_000 + input.premiumRateBp)));
        expect(shares.village).toBe(Math.floor((t * input.villageFundRateBp) / 10_000));
        expect(shares.host).toBe(Math.floor((t * (input.hostCommissionBp ?? 0)) / 10_000));
        expect(shares.platform).toBe(Math.floor((t * PLATFORM_RATE_BP) / 10_000));
        const rounding = t - shares.workers_premium - shares.village - shares.host - shares.platform;
        expect(shares.workshop).toBe(rounding);
      }),
      { numRuns: 20_000 },
    );
  });

  it("splits a ¥59 umbrella at the 22 % 共富价 with a host's 10 % commission", () => {
    expect(
      allocateLine({ lineTotalFen: 5900, premiumRateBp: 2200, villageFundRateBp: 250, hostCommissionBp: 1000 }),
    ).toEqual({
      workers_premium: 1063,
      village: 147,
      host: 590,
      platform: 295,
      workshop: 3805,
    });
  });

  it("refuses amounts that are not whole non-negative fen", () => {
    expect(() =>
      allocateLine({ lineTotalFen: 10.5, premiumRateBp: 0, villageFundRateBp: 0, hostCommissionBp: null }),
    ).toThrow(RangeError);
    expect(() =>
      allocateLine({ lineTotalFen: -100, premiumRateBp: 0, villageFundRateBp: 0, hostCommissionBp: null }),
    ).toThrow(RangeError);
  });
});
