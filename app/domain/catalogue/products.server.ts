// A workshop's own catalogue as its staff manage it: products (drafts too) with their variants. Every function
// takes the workshop id explicitly and treats a product of another workshop as not found.
import { randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { ProductStatus } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { LOW_STOCK, MAX_PRICE_FEN, MAX_STOCK } from "~/domain/catalogue/limits";
import { InvalidFields, NotFound } from "../errors.server";

export type AttributeInput = { labelZh: string; labelEn: string; valueZh: string; valueEn: string };

export type VariantInput = {
  /** An existing variant of this product; absent for a new one. */
  id?: string;
  nameZh: string;
  nameEn: string;
  sku: string;
  priceFen: number;
  marketPriceFen: number | null;
  stock: number;
  /** The stock the editor was shown: an unchanged figure is not written back, so sales made meanwhile stand. */
  stockWas?: number;
  weightGrams: number;
};

export type ProductInput = {
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  categoryId: string;
  status: ProductStatus;
  perishable: boolean;
  preorder: boolean;
  customisable: boolean;
  customisationPromptZh: string | null;
  customisationPromptEn: string | null;
  attributes: AttributeInput[];
  variants: VariantInput[];
};

type Tx = Prisma.TransactionClient;

export function listCategories() {
  return db.category.findMany({ orderBy: { position: "asc" }, select: { id: true, nameZh: true, nameEn: true } });
}

/** The studio's product list: every status, with stock totals and a flag for what is running low. */
export async function listStudioProducts(workshopId: string) {
  const products = await db.product.findMany({
    where: { workshopId },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      status: true,
      images: true,
      preorder: true,
      perishable: true,
      category: { select: { nameZh: true, nameEn: true } },
      variants: {
        orderBy: { position: "asc" },
        select: { id: true, nameZh: true, nameEn: true, priceFen: true, stock: true },
      },
    },
  });
  return products.map(({ variants, images, ...product }) => {
    const prices = variants.map((v) => v.priceFen);
    const totalStock = variants.reduce((sum, v) => sum + v.stock, 0);
    return {
      ...product,
      image: images[0] ?? null,
      variants,
      totalStock,
      minPriceFen: prices.length ? Math.min(...prices) : null,
      maxPriceFen: prices.length ? Math.max(...prices) : null,
      soldOut: variants.length > 0 && totalStock === 0,
      lowStock: variants.some((v) => v.stock > 0 && v.stock <= LOW_STOCK),
    };
  });
}

export async function getProductForEditing(workshopId: string, productId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, workshopId },
    include: { variants: { orderBy: { position: "asc" } } },
  });
  if (!product) throw new NotFound();
  return { ...product, attributes: readAttributes(product.attributes) };
}

export async function createProduct(workshopId: string, input: ProductInput) {
  const clean = normalise(input);
  await checkCategory(clean.categoryId);
  return withSkuRaceAsFieldError(clean, undefined, () =>
    db.$transaction(async (tx) => {
      await checkSkus(tx, clean.variants, undefined);
      return tx.product.create({
        data: {
          ...productData(clean),
          workshopId,
          slug: newSlug(clean.titleEn),
          images: [],
          variants: { create: clean.variants.map((variant, position) => variantData(variant, position)) },
        },
      });
    }),
  );
}

export async function updateProduct(workshopId: string, productId: string, input: ProductInput) {
  const clean = normalise(input);
  await checkCategory(clean.categoryId);
  return withSkuRaceAsFieldError(clean, productId, () =>
    db.$transaction(async (tx) => {
      const product = await tx.product.findFirst({
        where: { id: productId, workshopId },
        select: { id: true, variants: { select: { id: true } } },
      });
      if (!product) throw new NotFound();
      const existing = new Set(product.variants.map((v) => v.id));
      // A variant id from another product (even of this workshop) is not this product's to edit.
      if (clean.variants.some((v) => v.id && !existing.has(v.id))) throw new NotFound();
      await checkSkus(tx, clean.variants, productId);

      const kept = new Set(clean.variants.flatMap((v) => (v.id ? [v.id] : [])));
      const removed = [...existing].filter((id) => !kept.has(id));
      await removeVariants(tx, removed);

      for (const [position, variant] of clean.variants.entries()) {
        const data = variantData(variant, position);
        if (!variant.id) {
          await tx.variant.create({ data: { ...data, productId } });
          continue;
        }
        const { stock, ...rest } = data;
        const stockChanged = variant.stockWas === undefined || variant.stockWas !== stock;
        await tx.variant.update({ where: { id: variant.id }, data: stockChanged ? data : rest });
      }
      return tx.product.update({ where: { id: productId }, data: productData(clean) });
    }),
  );
}

/** The attribute rows stored as JSON, read back defensively (seeded and edited rows alike). */
export function readAttributes(value: Prisma.JsonValue): AttributeInput[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    if (!row || typeof row !== "object" || Array.isArray(row)) return [];
    const text = (key: string) => (typeof row[key] === "string" ? (row[key] as string) : "");
    return [{ labelZh: text("labelZh"), labelEn: text("labelEn"), valueZh: text("valueZh"), valueEn: text("valueEn") }];
  });
}

// English may be left blank by a Chinese-speaking workshop: the Chinese then shows in both languages.
function normalise(input: ProductInput): ProductInput {
  const en = (value: string, zh: string) => value.trim() || zh.trim();
  const variants = input.variants.map((v) => ({
    ...v,
    sku: v.sku.trim().toUpperCase(),
    nameEn: en(v.nameEn, v.nameZh),
  }));
  const problems: Record<string, string[]> = {};
  variants.forEach((v, i) => {
    const bad = (field: string, key: string) => (problems[`variants[${i}].${field}`] = [key]);
    if (!Number.isInteger(v.priceFen) || v.priceFen < 0 || v.priceFen > MAX_PRICE_FEN)
      bad("price", "studio:variant.error.price");
    if (
      v.marketPriceFen !== null &&
      (!Number.isInteger(v.marketPriceFen) || v.marketPriceFen < 0 || v.marketPriceFen > MAX_PRICE_FEN)
    ) {
      bad("marketPrice", "studio:variant.error.marketPrice");
    }
    if (!Number.isInteger(v.stock) || v.stock < 0 || v.stock > MAX_STOCK) bad("stock", "studio:variant.error.stock");
    if (!Number.isInteger(v.weightGrams) || v.weightGrams < 0) bad("weightGrams", "studio:variant.error.weight");
    if (variants.findIndex((other) => other.sku === v.sku) < i) bad("sku", "studio:variant.error.skuRepeated");
  });
  if (!variants.length) problems.variants = ["studio:product.error.noVariants"];
  if (Object.keys(problems).length) throw new InvalidFields(problems);
  return {
    ...input,
    titleEn: en(input.titleEn, input.titleZh),
    descriptionEn: en(input.descriptionEn, input.descriptionZh),
    customisationPromptZh: input.customisable ? input.customisationPromptZh?.trim() || null : null,
    customisationPromptEn: input.customisable
      ? input.customisationPromptEn?.trim() || input.customisationPromptZh?.trim() || null
      : null,
    attributes: input.attributes
      .filter((a) => a.labelZh.trim() && a.valueZh.trim())
      .map((a) => ({
        labelZh: a.labelZh.trim(),
        labelEn: en(a.labelEn, a.labelZh),
        valueZh: a.valueZh.trim(),
        valueEn: en(a.valueEn, a.valueZh),
      })),
    variants,
  };
}

function productData(input: ProductInput) {
  return {
    titleZh: input.titleZh,
    titleEn: input.titleEn,
    descriptionZh: input.descriptionZh,
    descriptionEn: input.descriptionEn,
    categoryId: input.categoryId,
    status: input.status,
    perishable: input.perishable,
    preorder: input.preorder,
    customisable: input.customisable,
    customisationPromptZh: input.customisationPromptZh,
    customisationPromptEn: input.customisationPromptEn,
    attributes: input.attributes,
  };
}

function variantData(variant: VariantInput, position: number) {
  return {
    nameZh: variant.nameZh,
    nameEn: variant.nameEn,
    sku: variant.sku,
    priceFen: variant.priceFen,
    marketPriceFen: variant.marketPriceFen,
    stock: variant.stock,
    weightGrams: variant.weightGrams,
    position,
  };
}

async function checkCategory(categoryId: string) {
  const category = await db.category.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!category) throw new InvalidFields({ categoryId: ["studio:product.error.category"] });
}

/** SKUs are unique across the whole market: name the rows whose SKU another product already uses. */
async function checkSkus(tx: Tx, variants: VariantInput[], productId: string | undefined) {
  const taken = await tx.variant.findMany({
    where: { sku: { in: variants.map((v) => v.sku) }, ...(productId ? { NOT: { productId } } : {}) },
    select: { sku: true },
  });
  if (!taken.length) return;
  const clash = new Set(taken.map((t) => t.sku));
  const problems: Record<string, string[]> = {};
  variants.forEach((v, i) => {
    if (clash.has(v.sku)) problems[`variants[${i}].sku`] = ["studio:variant.error.skuTaken"];
  });
  throw new InvalidFields(problems);
}

// Two saves racing for one SKU: the database's unique index catches the loser, who gets the same field message
// (or, when the clash is gone by the time we look, a plain "someone else saved").
async function withSkuRaceAsFieldError<T>(input: ProductInput, productId: string | undefined, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      await checkSkus(db, input.variants, productId);
      throw new InvalidFields({ "": ["studio:product.error.conflict"] });
    }
    throw error;
  }
}

// A variant that has been sold, reserved or offered in a flash deal stays: history points at it.
async function removeVariants(tx: Tx, ids: string[]) {
  if (!ids.length) return;
  const used = await tx.variant.count({
    where: {
      id: { in: ids },
      OR: [{ orderLines: { some: {} } }, { reservations: { some: {} } }, { flashDeals: { some: {} } }],
    },
  });
  if (used) throw new InvalidFields({ "": ["studio:variant.error.removeUsed"] });
  await tx.variant.deleteMany({ where: { id: { in: ids } } });
}

function newSlug(titleEn: string): string {
  const base = titleEn
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `${base || "product"}-${randomBytes(3).toString("hex")}`;
}
