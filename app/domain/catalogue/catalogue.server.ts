// What shoppers may see of the catalogue: approved workshops and their active products, in the visitor's
// language. Anything else (drafts, archived products, pending or rejected workshops) reads as not found (null).
import * as z from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n";
import { pick } from "~/lib/localized";
import { linePremiumFen } from "../ledger/allocation";

/** What a shopper may see: active products of approved workshops. */
export const visibleProduct = {
  status: "active",
  workshop: { status: "approved" },
} satisfies Prisma.ProductWhereInput;

/** What every product card reads of a product, whichever page it stands on. */
export const productCardFields = {
  id: true,
  slug: true,
  titleZh: true,
  titleEn: true,
  images: true,
  perishable: true,
  preorder: true,
  customisable: true,
  category: { select: { alcohol: true } },
} satisfies Prisma.ProductSelect;

const cardSelect = {
  ...productCardFields,
  workshop: { select: { slug: true, nameZh: true, nameEn: true } },
  variants: { select: { priceFen: true, stock: true } },
} satisfies Prisma.ProductSelect;

type CardRow = Prisma.ProductGetPayload<{ select: typeof cardSelect }>;

export type ProductCard = {
  id: string;
  slug: string;
  title: string;
  image: string | null;
  workshopSlug: string;
  workshopName: string;
  minPriceFen: number;
  maxPriceFen: number;
  soldOut: boolean;
  perishable: boolean;
  preorder: boolean;
  customisable: boolean;
  alcohol: boolean;
};

function toCard(row: CardRow, locale: Locale): ProductCard {
  const prices = row.variants.map((v) => v.priceFen);
  return {
    id: row.id,
    slug: row.slug,
    title: pick(locale, row.titleZh, row.titleEn),
    image: row.images[0] ?? null,
    workshopSlug: row.workshop.slug,
    workshopName: pick(locale, row.workshop.nameZh, row.workshop.nameEn),
    minPriceFen: prices.length ? Math.min(...prices) : 0,
    maxPriceFen: prices.length ? Math.max(...prices) : 0,
    soldOut: row.variants.every((v) => v.stock <= 0),
    perishable: row.perishable,
    preorder: row.preorder,
    customisable: row.customisable,
    alcohol: row.category.alcohol,
  };
}

// Seeded rows share one createdAt, so the id (a cuid, increasing within a process) keeps a stable order.
const catalogueOrder = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ProductOrderByWithRelationInput[];

/** A basis-point rate as a percentage for people: 2200 → 22, 1250 → 12.5. */
export function percentFromBp(bp: number): number {
  return Math.round(bp) / 100;
}

export type WorkshopCard = {
  slug: string;
  name: string;
  village: string;
  district: string;
  coverImage: string;
  productCount: number;
  workersCount: number;
  premiumPercent: number;
};

export async function listWorkshops(locale: Locale): Promise<WorkshopCard[]> {
  const rows = await db.workshop.findMany({
    where: { status: "approved" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { _count: { select: { products: { where: { status: "active" } } } } },
  });
  return rows.map((w) => ({
    slug: w.slug,
    name: pick(locale, w.nameZh, w.nameEn),
    village: pick(locale, w.villageZh, w.villageEn),
    district: pick(locale, w.districtZh, w.districtEn),
    coverImage: w.coverImage,
    productCount: w._count.products,
    workersCount: w.workersCount,
    premiumPercent: percentFromBp(w.premiumRateBp),
  }));
}

export async function getWorkshop(slug: string, locale: Locale) {
  const w = await db.workshop.findFirst({
    where: { slug, status: "approved" },
    include: { products: { where: { status: "active" }, orderBy: catalogueOrder, select: cardSelect } },
  });
  if (!w) return null;
  return {
    id: w.id,
    slug: w.slug,
    name: pick(locale, w.nameZh, w.nameEn),
    village: pick(locale, w.villageZh, w.villageEn),
    district: pick(locale, w.districtZh, w.districtEn),
    story: pick(locale, w.storyZh, w.storyEn),
    coverImage: w.coverImage,
    shipFrom: pick(locale, w.shipFromZh, w.shipFromEn),
    shipWithinHours: w.shipWithinHours,
    coldChain: w.coldChain,
    premiumPercent: percentFromBp(w.premiumRateBp),
    workersCount: w.workersCount,
    facts: pick(locale, w.factsZh, w.factsEn),
    products: w.products.map((p) => toCard(p, locale)),
  };
}

const AttributesSchema = z.array(
  z.object({ labelZh: z.string(), labelEn: z.string(), valueZh: z.string(), valueEn: z.string() }),
);

export type ProductVariant = {
  id: string;
  name: string;
  priceFen: number;
  stock: number;
  /** What of one unit's price reaches the workers (the ledger's 共富价 share); 0 when there is no premium. */
  premiumFen: number;
  premiumPercent: number;
};

/** The 共富价 premium of one unit at its list price: the ledger's own figure (see ledger/allocation.ts). */
function premiumOf(priceFen: number, premiumRateBp: number) {
  return {
    premiumFen: linePremiumFen({ unitPriceFen: priceFen, quantity: 1, premiumRateBp }),
    premiumPercent: percentFromBp(premiumRateBp),
  };
}

export async function getProduct(slug: string, locale: Locale) {
  const p = await db.product.findFirst({
    where: { slug, ...visibleProduct },
    include: {
      workshop: true,
      category: true,
      variants: { orderBy: [{ position: "asc" }, { id: "asc" }] },
      batches: { where: { status: "open" }, orderBy: { readyDate: "asc" }, take: 1 },
    },
  });
  if (!p) return null;
  const attributes = AttributesSchema.safeParse(p.attributes);
  const batch = p.preorder ? p.batches[0] : undefined;
  const variants: ProductVariant[] = p.variants.map((v) => ({
    id: v.id,
    name: pick(locale, v.nameZh, v.nameEn),
    priceFen: v.priceFen,
    stock: Math.max(0, v.stock),
    ...premiumOf(v.priceFen, p.workshop.premiumRateBp),
  }));
  return {
    id: p.id,
    slug: p.slug,
    title: pick(locale, p.titleZh, p.titleEn),
    description: pick(locale, p.descriptionZh, p.descriptionEn),
    images: p.images,
    attributes: attributes.success
      ? attributes.data.map((a) => ({
          label: pick(locale, a.labelZh, a.labelEn),
          value: pick(locale, a.valueZh, a.valueEn),
        }))
      : [],
    perishable: p.perishable,
    preorder: p.preorder,
    customisable: p.customisable,
    alcohol: p.category.alcohol,
    customisationPrompt: p.customisable
      ? (pick(locale, p.customisationPromptZh, p.customisationPromptEn) ?? p.customisationPromptZh)
      : null,
    category: { slug: p.category.slug, name: pick(locale, p.category.nameZh, p.category.nameEn) },
    workshop: {
      slug: p.workshop.slug,
      name: pick(locale, p.workshop.nameZh, p.workshop.nameEn),
      village: pick(locale, p.workshop.villageZh, p.workshop.villageEn),
      district: pick(locale, p.workshop.districtZh, p.workshop.districtEn),
      shipFrom: pick(locale, p.workshop.shipFromZh, p.workshop.shipFromEn),
      shipWithinHours: p.workshop.shipWithinHours,
      coldChain: p.workshop.coldChain,
    },
    batch: batch
      ? {
          name: pick(locale, batch.nameZh, batch.nameEn),
          readyDate: batch.readyDate,
          capacityLeft: Math.max(0, batch.capacity - batch.reserved),
        }
      : null,
    variants,
  };
}

export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProduct>>>;

export type CategoryChip = { slug: string; name: string; productCount: number };

export async function listCategories(locale: Locale): Promise<CategoryChip[]> {
  const rows = await db.category.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    include: { _count: { select: { products: { where: visibleProduct } } } },
  });
  return rows.map((c) => ({ slug: c.slug, name: pick(locale, c.nameZh, c.nameEn), productCount: c._count.products }));
}

/** One product from each workshop, so the home page shows the range of the market. */
export async function featuredProducts(locale: Locale, limit = 8): Promise<ProductCard[]> {
  const rows = await db.product.findMany({
    where: visibleProduct,
    distinct: ["workshopId"],
    orderBy: catalogueOrder,
    take: limit,
    select: cardSelect,
  });
  return rows.map((row) => toCard(row, locale));
}

/** Cards for these products, in the order given, leaving out any a shopper may not see (e.g. a show's line-up). */
export async function getProductCards(ids: string[], locale: Locale): Promise<ProductCard[]> {
  if (!ids.length) return [];
  const rows = await db.product.findMany({ where: { id: { in: ids }, ...visibleProduct }, select: cardSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCard(row, locale)] : [];
  });
}

export const SEARCH_PAGE_SIZE = 12;

export type SearchInput = { q?: string; category?: string; page?: number };

function termFilter(term: string): Prisma.ProductWhereInput {
  const contains = { contains: term, mode: "insensitive" } as const;
  return {
    OR: [
      { titleZh: contains },
      { titleEn: contains },
      { descriptionZh: contains },
      { descriptionEn: contains },
      { workshop: { nameZh: contains } },
      { workshop: { nameEn: contains } },
    ],
  };
}

/** Every word must appear somewhere (title, description or workshop name, either language, any case). */
export async function searchProducts(input: SearchInput, locale: Locale) {
  const terms = (input.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const where: Prisma.ProductWhereInput = {
    AND: [
      visibleProduct,
      ...terms.map(termFilter),
      ...(input.category ? [{ category: { slug: input.category } }] : []),
    ],
  };
  const total = await db.product.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(input.page ?? 1)), pageCount);
  const rows = await db.product.findMany({
    where,
    orderBy: catalogueOrder,
    skip: (page - 1) * SEARCH_PAGE_SIZE,
    take: SEARCH_PAGE_SIZE,
    select: cardSelect,
  });
  return { items: rows.map((row) => toCard(row, locale)), total, page, pageCount };
}
