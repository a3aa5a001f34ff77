// Pricing rows as loadPricingRows reads them, for unit tests of the pure pricing and share-out rules: one active
// variant of an approved workshop, with whatever a test changes on top.
import type { PricingRow } from "~/domain/checkout/pricing.server";

export const NOW = new Date("2026-12-01T12:00:00Z");

export function pricingRow(overrides: Partial<PricingRow> = {}): PricingRow {
  return {
    ord: 0,
    variantId: "v-tea",
    variantNameZh: "一罐",
    variantNameEn: "One tin",
    priceFen: 6800,
    marketPriceFen: 5800,
    stock: 10,
    productId: "p-tea",
    productSlug: "longjing",
    titleZh: "龙井茶",
    titleEn: "Longjing tea",
    image: null,
    productStatus: "active",
    perishable: false,
    preorder: false,
    customisable: false,
    alcohol: false,
    customisationPromptZh: null,
    customisationPromptEn: null,
    workshopId: "w-tea",
    workshopSlug: "tea",
    workshopNameZh: "茶坊",
    workshopNameEn: "Tea workshop",
    workshopStatus: "approved",
    shipFromZh: "杭州",
    shipFromEn: "Hangzhou",
    shipWithinHours: 48,
    coldChain: false,
    premiumRateBp: 1000,
    villageFundRateBp: 200,
    dealId: null,
    dealShowId: null,
    dealPriceFen: null,
    dealCap: null,
    dealSold: null,
    dealStartsAt: null,
    dealEndsAt: null,
    dealStoppedAt: null,
    batchId: null,
    batchNameZh: null,
    batchNameEn: null,
    batchReadyDate: null,
    batchRemaining: null,
    ...overrides,
  };
}

/** A flash deal on the row's variant, running at NOW: `cap` units at `priceFen`, `sold` of them gone. */
export function withDeal(row: PricingRow, deal: { priceFen: number; cap: number; sold: number }): PricingRow {
  return {
    ...row,
    dealId: "d-flash",
    dealShowId: "s-live",
    dealPriceFen: deal.priceFen,
    dealCap: deal.cap,
    dealSold: deal.sold,
    dealStartsAt: new Date(NOW.getTime() - 60_000),
    dealEndsAt: new Date(NOW.getTime() + 60_000),
    dealStoppedAt: null,
  };
}
