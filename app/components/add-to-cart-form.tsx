// The add-to-cart form, posted to /cart (the checkout area's action) per the cart contract. The server prices
// everything; this form only says which variant, how many, and the shopper's customisation note.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ProductDetail } from "~/domain/catalogue/catalogue.server";
import { inputClass } from "./ui/field";
import { StockLine } from "./product-facts";
import { VariantPicker } from "./variant-picker";

export const CUSTOMISATION_NOTE_MAX = 200;
const QUANTITY_MAX = 99;

export function AddToCartForm({
  product,
  selected,
  onSelect,
  redirectTo,
}: {
  product: ProductDetail;
  selected: ProductDetail["variants"][number] | null;
  onSelect: (variantId: string) => void;
  redirectTo: string;
}) {
  const { t } = useTranslation("store");
  const soldOut = !selected || selected.stock <= 0;
  return (
    <Form method="post" action="/cart" className="space-y-4">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <VariantPicker variants={product.variants} selectedId={selected?.id} onSelect={onSelect} />
      {selected ? <StockLine stock={selected.stock} /> : null}
      {product.customisable ? (
        <div>
          <label htmlFor="customisationNote" className="block text-sm font-medium text-stone-800">
            {t("product.customisationLabel")}
          </label>
          {product.customisationPrompt ? (
            <p id="customisation-prompt" className="mt-0.5 text-sm text-stone-600">
              {product.customisationPrompt}
            </p>
          ) : null}
          <textarea
            id="customisationNote"
            name="customisationNote"
            rows={3}
            maxLength={CUSTOMISATION_NOTE_MAX}
            aria-describedby={product.customisationPrompt ? "customisation-prompt" : undefined}
            className={inputClass}
          />
        </div>
      ) : null}
      <div className="flex items-end gap-3">
        <div className="w-24">
          <label htmlFor="quantity" className="block text-sm font-medium text-stone-800">
            {t("product.quantity")}
          </label>
          <input
            id="quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, Math.min(QUANTITY_MAX, selected?.stock ?? 1))}
            defaultValue={1}
            required
            className={`${inputClass} min-h-11`}
          />
        </div>
        <button
          type="submit"
          disabled={soldOut}
          className="inline-flex min-h-12 flex-1 items-center justify-center rounded-full bg-brand-600 px-5 py-2 text-base font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-stone-400"
        >
          {soldOut ? t("product.soldOut") : t("product.addToCart")}
        </button>
      </div>
    </Form>
  );
}
