// The product editor's form schema: parsed on the server (conform + zod) and driving the browser's checks.
// Prices are typed in yuan and leave here as integer fen; the domain checks again what only it can (SKUs in use).
import * as z from "zod";
import { MAX_PRICE_FEN, MAX_STOCK } from "~/domain/catalogue/limits";
import type { ProductInput, VariantInput } from "~/domain/catalogue/products.server";
import { parseYuan, yuanInput } from "~/lib/money";

const required = (max: number, message: string) => z.string(message).trim().min(1, message).max(max, message);
const optional = (max: number, message: string) => z.string(message).trim().max(max, message).optional();

const yuan = (message: string) =>
  z.string(message).transform((value, ctx) => {
    const fen = parseYuan(value);
    if (fen === null || fen > MAX_PRICE_FEN) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return fen;
  });

const whole = (message: string, max: number) => z.number(message).int(message).min(0, message).max(max, message);

export const AttributeSchema = z.object({
  labelZh: optional(40, "studio:attribute.error.length"),
  labelEn: optional(60, "studio:attribute.error.length"),
  valueZh: optional(120, "studio:attribute.error.length"),
  valueEn: optional(200, "studio:attribute.error.length"),
});

export const VariantSchema = z.object({
  id: z.string().optional(),
  nameZh: required(40, "studio:variant.error.name"),
  nameEn: optional(60, "studio:variant.error.name"),
  sku: z
    .string("studio:variant.error.sku")
    .trim()
    .max(40, "studio:variant.error.sku")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "studio:variant.error.sku"),
  price: yuan("studio:variant.error.price"),
  marketPrice: yuan("studio:variant.error.marketPrice").optional(),
  stock: whole("studio:variant.error.stock", MAX_STOCK),
  stockWas: z.number().int().optional(),
  weightGrams: whole("studio:variant.error.weight", 1_000_000).optional(),
});

export const ProductSchema = z
  .object({
    titleZh: required(60, "studio:product.error.titleZh"),
    titleEn: optional(120, "studio:product.error.titleEn"),
    descriptionZh: required(4000, "studio:product.error.descriptionZh"),
    descriptionEn: optional(8000, "studio:product.error.descriptionEn"),
    categoryId: z.string("studio:product.error.category").min(1, "studio:product.error.category"),
    status: z.enum(["draft", "active", "archived"], "studio:product.error.status"),
    perishable: z.boolean().optional(),
    preorder: z.boolean().optional(),
    customisable: z.boolean().optional(),
    customisationPromptZh: optional(200, "studio:product.error.prompt"),
    customisationPromptEn: optional(300, "studio:product.error.prompt"),
    attributes: z.array(AttributeSchema).max(20, "studio:attribute.error.tooMany").optional(),
    variants: z
      .array(VariantSchema, "studio:product.error.noVariants")
      .min(1, "studio:product.error.noVariants")
      .max(30),
  })
  .superRefine((value, ctx) => {
    if (value.customisable && !value.customisationPromptZh) {
      ctx.addIssue({ code: "custom", path: ["customisationPromptZh"], message: "studio:product.error.prompt" });
    }
    value.attributes?.forEach((row, i) => {
      const any = row.labelZh || row.labelEn || row.valueZh || row.valueEn;
      if (any && !row.labelZh)
        ctx.addIssue({
          code: "custom",
          path: ["attributes", i, "labelZh"],
          message: "studio:attribute.error.incomplete",
        });
      if (any && !row.valueZh)
        ctx.addIssue({
          code: "custom",
          path: ["attributes", i, "valueZh"],
          message: "studio:attribute.error.incomplete",
        });
    });
    const seen = new Map<string, number>();
    value.variants.forEach((variant, i) => {
      const sku = variant.sku.toUpperCase();
      if (seen.has(sku))
        ctx.addIssue({ code: "custom", path: ["variants", i, "sku"], message: "studio:variant.error.skuRepeated" });
      else seen.set(sku, i);
    });
  });

export type ProductFormValue = z.infer<typeof ProductSchema>;

/** The parsed form as the domain's input: English left blank stays blank here (the domain falls back to Chinese). */
export function toProductInput(value: ProductFormValue): ProductInput {
  return {
    titleZh: value.titleZh,
    titleEn: value.titleEn ?? "",
    descriptionZh: value.descriptionZh,
    descriptionEn: value.descriptionEn ?? "",
    categoryId: value.categoryId,
    status: value.status,
    perishable: value.perishable ?? false,
    preorder: value.preorder ?? false,
    customisable: value.customisable ?? false,
    customisationPromptZh: value.customisationPromptZh ?? null,
    customisationPromptEn: value.customisationPromptEn ?? null,
    attributes: (value.attributes ?? []).map((a) => ({
      labelZh: a.labelZh ?? "",
      labelEn: a.labelEn ?? "",
      valueZh: a.valueZh ?? "",
      valueEn: a.valueEn ?? "",
    })),
    variants: value.variants.map((v) => ({
      id: v.id,
      nameZh: v.nameZh,
      nameEn: v.nameEn ?? "",
      sku: v.sku,
      priceFen: v.price,
      marketPriceFen: v.marketPrice ?? null,
      stock: v.stock,
      stockWas: v.stockWas,
      weightGrams: v.weightGrams ?? 0,
    })),
  };
}

type EditableProduct = Omit<ProductInput, "variants"> & {
  variants: (Omit<VariantInput, "id" | "stockWas"> & { id: string })[];
};

/** A stored product as the editor's starting values: prices back in yuan, stock remembered as shown. */
export function productFormDefaults(product: EditableProduct) {
  return {
    ...product,
    customisationPromptZh: product.customisationPromptZh ?? "",
    customisationPromptEn: product.customisationPromptEn ?? "",
    variants: product.variants.map((v) => ({
      id: v.id,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      sku: v.sku,
      price: yuanInput(v.priceFen),
      marketPrice: v.marketPriceFen === null ? "" : yuanInput(v.marketPriceFen),
      stock: v.stock,
      stockWas: v.stock,
      weightGrams: v.weightGrams,
    })),
  };
}
