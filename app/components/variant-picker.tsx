// The variant choice on a product page: real radio buttons (they work without JavaScript inside the
// add-to-cart form); with JavaScript the choice also goes into the URL (?variant=) so the price follows it.
import { useTranslation } from "~/lib/i18n-react";
import type { ProductVariant } from "~/domain/catalogue/catalogue.server";
import { Price } from "./price";

/** The variant asked for, if it belongs to this product; else the first in stock; else the first. */
export function chooseVariant<T extends { id: string; stock: number }>(variants: T[], requested: string | null) {
  return variants.find((v) => v.id === requested) ?? variants.find((v) => v.stock > 0) ?? variants[0] ?? null;
}

export function VariantPicker({
  variants,
  selectedId,
  onSelect,
}: {
  variants: ProductVariant[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation("store");
  const samePrice = variants.every((v) => v.priceFen === variants[0]?.priceFen);
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-stone-800">{t("product.variant")}</legend>
      <div className="flex flex-wrap gap-2">
        {variants.map((variant) => (
          <label
            key={variant.id}
            className="relative inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-xl border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 transition has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600 has-focus-visible:outline-3 has-focus-visible:outline-blue-600"
          >
            <input
              type="radio"
              name="variantId"
              value={variant.id}
              checked={variant.id === selectedId}
              onChange={() => onSelect(variant.id)}
              className="sr-only"
            />
            <span className={variant.stock > 0 ? "font-medium" : "font-medium text-stone-500 line-through"}>
              {variant.name}
            </span>
            {variant.stock <= 0 ? (
              <span className="text-xs text-stone-600">{t("product.soldOut")}</span>
            ) : samePrice ? null : (
              <Price fen={variant.priceFen} className="text-xs text-stone-600" />
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
