// The one place that prices a cart or a buy-now: list price, a flash deal's price while its cap lasts,
// shipping per workshop (with a cold-chain charge for perishables) and totals, all in integer fen.
import { createHash } from "node:crypto";
import { MAX_QUANTITY } from "~/lib/checkout-schema";
import { db } from "~/lib/db.server";
import { InvalidInput } from "./errors.server";
import { allocateLine } from "./ledger.server";

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

const variantInclude = { product: { include: { workshop: true } } } as const;

async function loadRows(items: PricingItem[]) {
  const variantIds = items.map((item) => item.variantId);
  const dealIds = items.flatMap((item) => (item.flashDealId ? [item.flashDealId] : []));
  const [variants, deals] = await Promise.all([
    db.variant.findMany({ where: { id: { in: variantIds } }, include: variantInclude }),
    dealIds.length ? db.flashDeal.findMany({ where: { id: { in: dealIds } } }) : Promise.resolve([]),
  ]);
  const preorderProducts = variants.filter((v) => v.product.preorder).map((v) => v.productId);
  const batches = preorderProducts.length
    ? await db.batch.findMany({ where: { productId: { in: preorderProducts }, status: "open" }, orderBy: { readyDate: "asc" } })
    : [];
  return { variants, deals, batches };
}

type Rows = Awaited<ReturnType<typeof loadRows>>;

function dealFor(item: PricingItem, rows: Rows, now: Date) {
  const deal = rows.deals.find((d) => d.id === item.flashDealId && d.variantId === item.variantId);
  if (!deal) return null;
  const remaining = Math.max(0, deal.quantityCap - deal.sold);
  const running = !deal.stoppedAt && deal.startsAt <= now && now < deal.endsAt;
  const status = !running ? "ended" : remaining < item.quantity ? "soldOut" : "active";
  return { id: deal.id, showId: deal.showId, priceFen: deal.priceFen, remaining, endsAt: deal.endsAt, status } as const;
}

function priceLine(item: PricingItem, rows: Rows, now: Date) {
  const variant = rows.variants.find((v) => v.id === item.variantId);
  if (!variant) throw new InvalidInput("checkout:error.unknownVariant");
  const { product } = variant;
  const { workshop } = product;
  const deal = dealFor(item, rows, now);
  const unitPriceFen = deal?.status === "active" ? deal.priceFen : variant.priceFen;
  const lineTotalFen = unitPriceFen * item.quantity;
  const batch = product.preorder ? (rows.batches.find((b) => b.productId === product.id && b.capacity - b.reserved >= item.quantity) ?? null) : null;
  let problem: LineProblem | null = null;
  if (product.status !== "active" || workshop.status !== "approved") problem = "unavailable";
  else if (variant.stock < item.quantity) problem = "soldOut";
  else if (product.preorder && !batch) problem = "batchFull";
  else if (deal?.status === "ended") problem = "dealEnded";
  else if (deal?.status === "soldOut") problem = "dealSoldOut";
  return {
    variantId: variant.id,
    productId: product.id,
    productSlug: product.slug,
    workshopId: workshop.id,
    titleZh: product.titleZh,
    titleEn: product.titleEn,
    variantNameZh: variant.nameZh,
    variantNameEn: variant.nameEn,
    image: product.images[0] ?? null,
    quantity: item.quantity,
    stock: variant.stock,
    listPriceFen: variant.priceFen,
    marketPriceFen: variant.marketPriceFen,
    unitPriceFen,
    lineTotalFen,
    premiumRateBp: workshop.premiumRateBp,
    villageFundRateBp: workshop.villageFundRateBp,
    // What of this line is the 共富价 premium that reaches the workers: the ledger's own arithmetic.
    premiumFen: allocateLine({ lineTotalFen, premiumRateBp: workshop.premiumRateBp, villageFundRateBp: 0, hostCommissionBp: null })
      .workers_premium,
    flashDealId: deal ? deal.id : null,
    deal,
    batch: batch && { id: batch.id, nameZh: batch.nameZh, nameEn: batch.nameEn, readyDate: batch.readyDate },
    perishable: product.perishable,
    preorder: product.preorder,
    customisable: product.customisable,
    customisationPromptZh: product.customisationPromptZh,
    customisationPromptEn: product.customisationPromptEn,
    customisationNote: product.customisable ? (item.customisationNote ?? null) : null,
    showId: item.showId ?? null,
    pinId: item.pinId ?? null,
    problem,
  };
}

export type PricedLine = ReturnType<typeof priceLine>;

function workshopOf(rows: Rows, workshopId: string) {
  return rows.variants.find((v) => v.product.workshopId === workshopId)!.product.workshop;
}

/** One workshop's parcel: standard shipping unless the goods reach the free threshold, plus cold chain when needed. */
export function shippingFor(subtotalFen: number, coldChainNeeded: boolean) {
  const baseShippingFen = subtotalFen >= FREE_SHIPPING_FROM_FEN ? 0 : SHIPPING_FEN;
  const coldChainFen = coldChainNeeded ? COLD_CHAIN_FEN : 0;
  return { baseShippingFen, coldChainFen, shippingFen: baseShippingFen + coldChainFen };
}

/** Prices loaded rows. Pure: the same rows and clock always give the same fen. */
export function priceRows(items: PricingItem[], rows: Rows, now: Date) {
  const lines = items.map((item) => priceLine(item, rows, now));
  const groups = [...new Set(lines.map((line) => line.workshopId))].map((workshopId) => {
    const workshop = workshopOf(rows, workshopId);
    const groupLines = lines.filter((line) => line.workshopId === workshopId);
    const subtotalFen = groupLines.reduce((sum, line) => sum + line.lineTotalFen, 0);
    const { baseShippingFen, coldChainFen } = shippingFor(subtotalFen, workshop.coldChain && groupLines.some((l) => l.perishable));
    return {
      workshopId,
      slug: workshop.slug,
      nameZh: workshop.nameZh,
      nameEn: workshop.nameEn,
      shipFromZh: workshop.shipFromZh,
      shipFromEn: workshop.shipFromEn,
      shipWithinHours: workshop.shipWithinHours,
      lines: groupLines,
      subtotalFen,
      baseShippingFen,
      coldChainFen,
      shippingFen: baseShippingFen + coldChainFen,
      premiumFen: groupLines.reduce((sum, line) => sum + line.premiumFen, 0),
    };
  });
  const subtotalFen = groups.reduce((sum, g) => sum + g.subtotalFen, 0);
  const shippingFen = groups.reduce((sum, g) => sum + g.shippingFen, 0);
  const totalFen = subtotalFen + shippingFen;
  // A fingerprint of what the buyer was shown, so an order is never placed at prices they did not see.
  const quote = createHash("sha256")
    .update(JSON.stringify([lines.map((l) => [l.variantId, l.quantity, l.unitPriceFen, l.flashDealId]), shippingFen, totalFen]))
    .digest("hex")
    .slice(0, 16);
  return {
    lines,
    groups,
    subtotalFen,
    shippingFen,
    totalFen,
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

/** Prices what a visitor wants to buy, from today's catalogue, stock and deals. */
export async function priceItems(items: PricingItem[], now = new Date()): Promise<PricedCheckout> {
  assertItemsShape(items);
  const rows = await loadRows(items);
  return priceRows(items, rows, now);
}
