import { describe, expect, it } from "vitest";
import { allocateLine, linePremiumFen } from "~/domain/ledger/allocation";

describe("linePremiumFen", () => {
  it("is the ledger's workers' premium share of price × quantity, whatever the other rates", () => {
    for (let i = 0; i < 2000; i += 1) {
      const unitPriceFen = 1 + Math.floor(Math.random() * 200_000);
      const quantity = 1 + Math.floor(Math.random() * 99);
      const premiumRateBp = Math.floor(Math.random() * 5000);
      const shares = allocateLine({
        lineTotalFen: unitPriceFen * quantity,
        premiumRateBp,
        villageFundRateBp: Math.floor(Math.random() * 1000),
        hostCommissionBp: Math.random() < 0.5 ? null : Math.floor(Math.random() * 2000),
      });
      expect(linePremiumFen({ unitPriceFen, quantity, premiumRateBp })).toBe(shares.workers_premium);
    }
  });

  it("gives the issue's deal line its ledger figure: ¥80.10 at 15 % is ¥10.44, not price − market value", () => {
    expect(linePremiumFen({ unitPriceFen: 8010, quantity: 1, premiumRateBp: 1500 })).toBe(1044);
  });

  it("rounds the line once, not each unit", () => {
    // 3 × 33.33 at 15 %: the line's share is 13.04, three rounded units would be 13.02.
    expect(linePremiumFen({ unitPriceFen: 3333, quantity: 3, premiumRateBp: 1500 })).toBe(1304);
    expect(3 * linePremiumFen({ unitPriceFen: 3333, quantity: 1, premiumRateBp: 1500 })).toBe(1302);
  });

  it("is nothing for a workshop without a premium", () => {
    expect(linePremiumFen({ unitPriceFen: 9900, quantity: 2, premiumRateBp: 0 })).toBe(0);
  });
});
