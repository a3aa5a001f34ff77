// Pricing's rules on their own (priceRows is pure: rows and a clock in, fen out), beside the HTTP tests that
// show the same figures to a buyer.
import { describe, expect, it } from "vitest";
import {
  assertItemsShape,
  COLD_CHAIN_FEN,
  FREE_SHIPPING_FROM_FEN,
  MAX_LINES,
  MAX_QUANTITY,
  priceRows,
  SHIPPING_FEN,
  shippingFor,
  type PricingItem,
} from "~/domain/checkout/pricing.server";
import { InvalidInput } from "~/domain/errors.server";
import { NOW, pricingRow, withDeal } from "../helpers/pricing-rows";

const item = (quantity: number, extra: Partial<PricingItem> = {}): PricingItem => ({
  variantId: "v-tea",
  quantity,
  ...extra,
});

describe("a line's price", () => {
  it("is the list price times the quantity without a deal", () => {
    const { lines } = priceRows([item(3)], [pricingRow()], NOW);
    expect(lines[0]).toMatchObject({
      listPriceFen: 6800,
      marketPriceFen: 5800,
      unitPriceFen: 6800,
      lineTotalFen: 20_400,
      flashDealId: null,
      deal: null,
      problem: null,
    });
  });

  it("is the deal's price while the deal runs and its cap covers the quantity; the list price is kept beside it", () => {
    const row = withDeal(pricingRow(), { priceFen: 3900, cap: 10, sold: 8 });
    const { lines } = priceRows([item(2, { flashDealId: "d-flash" })], [row], NOW);
    expect(lines[0]).toMatchObject({
      listPriceFen: 6800,
      unitPriceFen: 3900,
      lineTotalFen: 7800,
      flashDealId: "d-flash",
    });
    expect(lines[0].deal).toMatchObject({ status: "active", remaining: 2, priceFen: 3900 });
  });

  it("falls back to the list price, with the deal's problem, when the cap cannot cover it or the deal is not running", () => {
    const deal = withDeal(pricingRow(), { priceFen: 3900, cap: 10, sold: 9 });
    const cases = [
      { row: deal, problem: "dealSoldOut", status: "soldOut" },
      { row: { ...deal, dealSold: 0, dealStoppedAt: NOW }, problem: "dealEnded", status: "ended" },
      { row: { ...deal, dealSold: 0, dealEndsAt: NOW }, problem: "dealEnded", status: "ended" },
      {
        row: { ...deal, dealSold: 0, dealStartsAt: new Date(NOW.getTime() + 1) },
        problem: "dealEnded",
        status: "ended",
      },
    ];
    for (const { row, problem, status } of cases) {
      const [line] = priceRows([item(2, { flashDealId: "d-flash" })], [row], NOW).lines;
      expect(line.unitPriceFen).toBe(6800);
      expect(line.problem).toBe(problem);
      expect(line.deal?.status).toBe(status);
    }
  });

  it("a deal sold past its cap counts as none left, never as negative", () => {
    const row = withDeal(pricingRow(), { priceFen: 3900, cap: 10, sold: 12 });
    expect(priceRows([item(1)], [row], NOW).lines[0].deal?.remaining).toBe(0);
  });

  it("names what is wrong, the product's availability first", () => {
    const problem = (row: ReturnType<typeof pricingRow>, quantity = 1) =>
      priceRows([item(quantity)], [row], NOW).lines[0].problem;
    expect(problem(pricingRow({ workshopStatus: "suspended", stock: 0 }))).toBe("unavailable");
    expect(problem(pricingRow({ productStatus: "archived" }))).toBe("unavailable");
    expect(problem(pricingRow({ stock: 2 }), 3)).toBe("soldOut");
    expect(problem(pricingRow({ preorder: true }))).toBe("batchFull");
    expect(problem(pricingRow({ stock: 3 }), 3)).toBeNull();
  });

  it("carries the 共富价 premium that reaches the workers: line × r / (1 + r), rounded down", () => {
    // 10 % premium: of 20,400 fen, 20,400 × 0.1 / 1.1 = 1,854.5… → 1,854.
    const { lines, premiumFen } = priceRows([item(3)], [pricingRow({ premiumRateBp: 1000 })], NOW);
    expect(lines[0].premiumFen).toBe(1854);
    expect(premiumFen).toBe(1854);
    expect(priceRows([item(1)], [pricingRow({ premiumRateBp: 0 })], NOW).premiumFen).toBe(0);
  });

  it("keeps a customisation note only for a customisable product", () => {
    const note = { customisationNote: "刻字：福" };
    expect(priceRows([item(1, note)], [pricingRow()], NOW).lines[0].customisationNote).toBeNull();
    expect(priceRows([item(1, note)], [pricingRow({ customisable: true })], NOW).lines[0].customisationNote).toBe(
      "刻字：福",
    );
  });

  it("refuses an item it has no row for", () => {
    expect(() => priceRows([item(1)], [], NOW)).toThrow(InvalidInput);
  });
});

describe("shipping and totals", () => {
  it("charges a standard parcel below the free threshold and none from it; cold chain is never waived", () => {
    expect(shippingFor(FREE_SHIPPING_FROM_FEN - 1, false)).toEqual({
      baseShippingFen: SHIPPING_FEN,
      coldChainFen: 0,
      shippingFen: SHIPPING_FEN,
    });
    expect(shippingFor(FREE_SHIPPING_FROM_FEN, false).shippingFen).toBe(0);
    expect(shippingFor(FREE_SHIPPING_FROM_FEN, true).shippingFen).toBe(COLD_CHAIN_FEN);
    expect(shippingFor(100, true).shippingFen).toBe(SHIPPING_FEN + COLD_CHAIN_FEN);
  });

  it("sends perishables chilled only from a cold-chain workshop", () => {
    const chilled = priceRows([item(1)], [pricingRow({ perishable: true, coldChain: true })], NOW);
    expect(chilled.groups[0].coldChainFen).toBe(COLD_CHAIN_FEN);
    expect(priceRows([item(1)], [pricingRow({ perishable: true })], NOW).groups[0].coldChainFen).toBe(0);
    expect(priceRows([item(1)], [pricingRow({ coldChain: true })], NOW).groups[0].coldChainFen).toBe(0);
  });

  it("charges shipping per workshop, and the total is goods plus shipping", () => {
    const items = [item(1), item(2, { variantId: "v-rice" }), item(1, { variantId: "v-cake" })];
    const rows = [
      pricingRow(),
      pricingRow({ ord: 1, variantId: "v-rice", priceFen: 5000, workshopId: "w-rice", premiumRateBp: 500 }),
      pricingRow({ ord: 2, variantId: "v-cake", priceFen: 1200, workshopId: "w-rice", premiumRateBp: 500 }),
    ];
    const priced = priceRows(items, rows, NOW);
    expect(priced.groups.map((g) => [g.workshopId, g.subtotalFen, g.shippingFen])).toEqual([
      ["w-tea", 6800, SHIPPING_FEN],
      ["w-rice", 11_200, 0],
    ]);
    expect(priced.subtotalFen).toBe(18_000);
    expect(priced.shippingFen).toBe(SHIPPING_FEN);
    expect(priced.totalFen).toBe(18_800);
    // 6,800 × 0.1/1.1 → 618; 10,000 × 0.05/1.05 → 476; 1,200 × 0.05/1.05 → 57.
    expect(priced.groups.map((g) => g.premiumFen)).toEqual([618, 533]);
    expect(priced.premiumFen).toBe(1151);
    expect(priced.hasProblems).toBe(false);
  });

  it("fingerprints what the buyer is shown: the same prices give the same quote, a changed price another", () => {
    const quote = (priceFen: number) => priceRows([item(1)], [pricingRow({ priceFen })], NOW).quote;
    expect(quote(6800)).toBe(quote(6800));
    expect(quote(6800)).not.toBe(quote(6900));
    expect(quote(6800)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("what may be priced at all", () => {
  it("refuses no items, too many lines, a quantity out of range and the same variant twice", () => {
    const refused = (items: PricingItem[]) => {
      try {
        assertItemsShape(items);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInput);
        return (error as InvalidInput).messageKey;
      }
    };
    const many = (n: number) => Array.from({ length: n }, (_, i) => item(1, { variantId: `v-${i}` }));
    expect(refused([])).toBe("checkout:error.empty");
    expect(refused(many(MAX_LINES + 1))).toBe("checkout:error.tooManyLines");
    expect(refused(many(MAX_LINES))).toBeNull();
    expect(refused([item(0)])).toBe("checkout:error.quantity");
    expect(refused([item(MAX_QUANTITY + 1)])).toBe("checkout:error.quantity");
    expect(refused([item(1.5)])).toBe("checkout:error.quantity");
    expect(refused([item(MAX_QUANTITY)])).toBeNull();
    expect(refused([item(1), item(2)])).toBe("checkout:error.duplicateLine");
  });
});
