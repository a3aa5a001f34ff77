// The one place that prices a cart or a buy-now: list price, a flash deal's price while its cap lasts,
// shipping per workshop (with a cold-chain charge for perishables) and totals, all in integer fen.
import { createHash } from "node:crypto";
import { MAX_QUANTITY } from "~/domain/checkout/checkout-schema";
import { db } from "~/lib/db.server";
import { InvalidInput } from "../errors.server";
import { usableClaims } from "../promotions/coupon-wallet.server";
import { linePremiumFen } from "../ledger/allocation";
import { chooseCoupon, type ClaimedCoupon, type CouponChoice } from "../promotions/coupon-choice";

export { MAX_QUANTITY };
export const MAX_LINES = 30;
/** Standard parcel per workshop, waived from FREE_SHIPPING_FROM_FEN of that workshop's goods. */
export const SHIPPING_FEN = 800;
export const FREE_SHIPPING_FROM_FEN = 9900;
/** Perishables from a cold-chain workshop travel chilled; this is never waived. */
export const COLD_CHAIN_FEN = 1500;

export type PricingItem = {
  variantId: string;
  quantity: number;
  flashDealId?: string | null;
  showId?: string | null;
  pinId?: string | null;
  customisationNote?: string | null;
};

export type LineProblem = "unavailable" | "soldOut" | "dealEnded" | "dealSoldOut" | "batchFull";

/** Everything pricing needs about one wanted item, read in one query (a flash sale reads this for every buyer). */
export type PricingRow = {
  ord: number;
  variantId: string;
  variantNameZh: string;
  variantNameEn: string;
  priceFen: number;
  marketPriceFen: number | null;
  stock: number;
  productId: string;
  productSlug: string;
  titleZh: string;
  titleEn: string;
  image: string | null;
  productStatus: string;
  perishable: boolean;
  preorder: boolean;
  customisable: boolean;
  alcohol: boolean;
  customisationPromptZh: string | null;
  customisationPromptEn: string | null;
  workshopId: string;
  workshopSlug: string;
  workshopNameZh: string;
  workshopNameEn: string;
  workshopStatus: string;
  shipFromZh: string;
  shipFromEn: string;
  shipWithinHours: number | null;
  coldChain: boolean;
  premiumRateBp: number;
  villageFundRateBp: number;
  dealId: string | null;
  dealShowId: string | null;
  dealPriceFen: number | null;
  dealCap: number | null;
  dealSold: number | null;
  dealStartsAt: Date | null;
  dealEndsAt: Date | null;
  dealStoppedAt: Date | null;
  batchId: string | null;
  batchNameZh: string | null;
  batchNameEn: string | null;
  batchReadyDate: Date | null;
  batchRemaining: number | null;
};

/** What pricing reads for these items: it depends only on their variants, quantities and deals. */
export async function loadPricingRows(items: PricingItem[]): Promise<PricingRow[]> {
  const wanted = JSON.stringify(
    items.map((item, ord) => ({
      ord,
      variant_id: item.variantId,
      quantity: item.quantity,
      deal_id: item.flashDealId ?? null,
    })),
  );
  return db.$queryRaw<PricingRow[]>`
    SELECT i.ord,
      v."id" AS "variantId", v."nameZh" AS "variantNameZh", v."nameEn" AS "variantNameEn", v."priceFen", v."marketPriceFen", v."stock",
      p."id" AS "productId", p."slug" AS "productSlug", p."titleZh", p."titleEn", p."images"[1] AS "image", p."status"::text AS "productStatus",
      p."perishable", p."preorder", p."customisable", p."customisationPromptZh", p."customisationPromptEn", c."alcohol",
      w."id" AS "workshopId", w."slug" AS "workshopSlug", w."nameZh" AS "workshopNameZh", w."nameEn" AS "workshopNameEn",
      w."status"::text AS "workshopStatus", w."shipFromZh", w."shipFromEn", w."shipWithinHours", w."coldChain", w."premiumRateBp", w."villageFundRateBp",
      d."id" AS "dealId", d."showId" AS "dealShowId", d."priceFen" AS "dealPriceFen", d."quantityCap" AS "dealCap", d."sold" AS "dealSold",
      d."startsAt" AS "dealStartsAt", d."endsAt" AS "dealEndsAt", d."stoppedAt" AS "dealStoppedAt",
      b."id" AS "batchId", b."nameZh" AS "batchNameZh", b."nameEn" AS "batchNameEn", b."readyDate" AS "batchReadyDate", b."remaining" AS "batchRemaining"
    FROM jsonb_to_recordset(${wanted}::jsonb) AS i(ord int, variant_id text, quantity int, deal_id text)
    JOIN "Variant" v ON v."id" = i.variant_id
    JOIN "Product" p ON p."id" = v."productId"
    JOIN "Category" c ON c."id" = p."categoryId"
    JOIN "Workshop" w ON w."id" = p."workshopId"
    LEFT JOIN "FlashDeal" d ON d."id" = i.deal_id AND d."variantId" = v."id"
    LEFT JOIN LATERAL (
      SELECT bb."id", bb."nameZh", bb."nameEn", bb."readyDate", bb."capacity" - bb."reserved" AS "remaining" FROM "Batch" bb
      WHERE p."preorder" AND bb."productId" = p."id" AND bb."status" = 'open' AND bb."capacity" - bb."reserved" >= i.quantity
      ORDER BY bb."readyDate" LIMIT 1
    ) b ON true
    ORDER BY i.ord`;
}

function dealFor(item: PricingItem, row: PricingRow, now: Date) {
  if (!row.dealId) return null;
  const remaining = Math.max(0, row.dealCap! - row.dealSold!);
  const running = !row.dealStoppedAt && row.dealStartsAt! <= now && now < row.dealEndsAt!;
  const status = !running ? "ended" : remaining < item.quantity ? "soldOut" : "active";
  return {
    id: row.dealId,
    showId: row.dealShowId!,
    priceFen: row.dealPriceFen!,
    remaining,
    endsAt: row.dealEndsAt!,
    status,
  } as const;
}

function priceLine(item: PricingItem, row: PricingRow | undefined, now: Date) {
  if (!row) throw new InvalidInput("checkout:error.unknownVariant");
  const deal = dealFor(item, row, now);
  const unitPriceFen = deal?.status === "active" ? deal.priceFen : row.priceFen;
  const lineTotalFen = unitPriceFen * item.quantity;
  let problem: LineProblem | null = null;
  if (row.productStatus !== "active" || row.workshopStatus !== "approved") problem = "unavailable";
  else if (row.stock < item.quantity) problem = "soldOut";
  else if (row.preorder && !row.batchId) problem = "batchFull";
  else if (deal?.status === "ended") problem = "dealEnded";
  else if (deal?.status === "soldOut") problem = "dealSoldOut";
  return {
    variantId: row.variantId,
    productId: row.productId,
    productSlug: row.productSlug,
    workshopId: row.workshopId,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    variantNameZh: row.variantNameZh,
    variantNameEn: row.variantNameEn,
    image: row.image,
    quantity: item.quantity,
    stock: row.stock,
    listPriceFen: row.priceFen,
    marketPriceFen: row.marketPriceFen,
    unitPriceFen,
    lineTotalFen,
    premiumRateBp: row.premiumRateBp,
    villageFundRateBp: row.villageFundRateBp,
    // What of this line is the 共富价 premium that reaches the workers: the ledger's own arithmetic.
    premiumFen: linePremiumFen({ unitPriceFen, quantity: item.quantity, premiumRateBp: row.premiumRateBp }),
    flashDealId: deal ? deal.id : null,
    deal,
    batch: row.batchId
      ? {
          id: row.batchId,
          nameZh: row.batchNameZh!,
          nameEn: row.batchNameEn!,
          readyDate: row.batchReadyDate!,
          remaining: row.batchRemaining!,
        }
      : null,
    perishable: row.perishable,
    preorder: row.preorder,
    customisable: row.customisable,
    alcohol: row.alcohol,
    customisationPromptZh: row.customisationPromptZh,
    customisationPromptEn: row.customisationPromptEn,
    customisationNote: row.customisable ? (item.customisationNote ?? null) : null,
    showId: item.showId ?? null,
    pinId: item.pinId ?? null,
    problem,
  };
}

/** One workshop's parcel: standard shipping unless the goods reach the free threshold, plus cold chain when needed. */
export function shippingFor(subtotalFen: number, coldChainNeeded: boolean) {
  const baseShippingFen = subtotalFen >= FREE_SHIPPING_FROM_FEN ? 0 : SHIPPING_FEN;
  const coldChainFen = coldChainNeeded ? COLD_CHAIN_FEN : 0;
  return { baseShippingFen, coldChainFen, shippingFen: baseShippingFen + coldChainFen };
}

/** The shopper's claimed coupons, and which one they chose (undefined: the best; "none": none). */
export type PricingCoupons = { claims: ClaimedCoupon[]; choice?: CouponChoice };

/** Prices loaded rows. Pure: the same rows, coupons and clock always give the same fen. */
export function priceRows(items: PricingItem[], rows: PricingRow[], now: Date, coupons?: PricingCoupons) {
  const undiscounted = items.map((item, ord) =>
    priceLine(
      item,
      rows.find((row) => row.ord === ord),
      now,
    ),
  );
  const coupon = chooseCoupon(
    coupons?.claims ?? [],
    undiscounted.map((line) => ({ ...line, key: line.variantId })),
    coupons?.choice,
    now,
  );
  const lines = undiscounted.map((line) => {
    const discountFen = coupon.applied?.byLine.get(line.variantId) ?? 0;
    return { ...line, discountFen, paidFen: line.lineTotalFen - discountFen };
  });
  const groups = [...new Set(lines.map((line) => line.workshopId))].map((workshopId) => {
    const workshop = rows.find((row) => row.workshopId === workshopId)!;
    const groupLines = lines.filter((line) => line.workshopId === workshopId);
    const subtotalFen = groupLines.reduce((sum, line) => sum + line.lineTotalFen, 0);
    const { baseShippingFen, coldChainFen } = shippingFor(
      subtotalFen,
      workshop.coldChain && groupLines.some((l) => l.perishable),
    );
    return {
      workshopId,
      slug: workshop.workshopSlug,
      nameZh: workshop.workshopNameZh,
      nameEn: workshop.workshopNameEn,
      shipFromZh: workshop.shipFromZh,
      shipFromEn: workshop.shipFromEn,
      shipWithinHours: workshop.shipWithinHours,
      lines: groupLines,
      subtotalFen,
      discountFen: groupLines.reduce((sum, line) => sum + line.discountFen, 0),
      baseShippingFen,
      coldChainFen,
      shippingFen: baseShippingFen + coldChainFen,
      premiumFen: groupLines.reduce((sum, line) => sum + line.premiumFen, 0),
    };
  });
  const subtotalFen = groups.reduce((sum, g) => sum + g.subtotalFen, 0);
  const shippingFen = groups.reduce((sum, g) => sum + g.shippingFen, 0);
  const discountFen = coupon.applied?.discountFen ?? 0;
  const totalFen = subtotalFen - discountFen + shippingFen;
  // A fingerprint of what the buyer was shown, so an order is never placed at prices they did not see.
  const quote = createHash("sha256")
    .update(
      JSON.stringify([
        lines.map((l) => [l.variantId, l.quantity, l.unitPriceFen, l.flashDealId, l.discountFen]),
        coupon.applied?.claimId ?? null,
        shippingFen,
        totalFen,
      ]),
    )
    .digest("hex")
    .slice(0, 16);
  return {
    lines,
    groups,
    subtotalFen,
    shippingFen,
    discountFen,
    totalFen,
    coupon: coupon.applied,
    couponOptions: coupon.options,
    /** The shopper chose a coupon that cannot be used on these goods. */
    couponRefused: coupon.choiceRefused,
    premiumFen: groups.reduce((sum, g) => sum + g.premiumFen, 0),
    quote,
    hasProblems: lines.some((line) => line.problem),
  };
}

export type PricedCheckout = ReturnType<typeof priceRows>;

export function assertItemsShape(items: PricingItem[]) {
  if (items.length === 0) throw new InvalidInput("checkout:error.empty");
  if (items.length > MAX_LINES) throw new InvalidInput("checkout:error.tooManyLines", { max: MAX_LINES });
  const seen = new Set<string>();
  for (const item of items) {
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
      throw new InvalidInput("checkout:error.quantity", { max: MAX_QUANTITY });
    }
    if (seen.has(item.variantId)) throw new InvalidInput("checkout:error.duplicateLine");
    seen.add(item.variantId);
  }
}

/** Prices what a visitor wants to buy, from today's catalogue, stock and deals (and a shopper's coupons). */
export async function priceItems(
  items: PricingItem[],
  now = new Date(),
  shopper?: { userId: string | null; choice?: CouponChoice },
): Promise<PricedCheckout> {
  assertItemsShape(items);
  const [rows, claims] = await Promise.all([loadPricingRows(items), usableClaims(shopper?.userId ?? null, now)]);
  return priceRows(items, rows, now, { claims, choice: shopper?.choice });
}
