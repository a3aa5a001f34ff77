// The product editor's variants: one card per variant (name, SKU, price in yuan, stock, weight), added and
// removed with conform's list buttons, which work without JavaScript too.
import { getInputProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { useTranslation } from "~/lib/i18n-react";
import { StudioButton, TextInput } from "./controls";
import type { ProductFormValue } from "./product-schema";

type Props = {
  form: FormMetadata<ProductFormValue, string[]>;
  variants: FieldMetadata<ProductFormValue["variants"], ProductFormValue, string[]>;
};

export function VariantRows({ form, variants }: Props) {
  const { t } = useTranslation("studio");
  const list = variants.getFieldList();
  return (
    <div className="space-y-4">
      {list.map((variant, index) => {
        const f = variant.getFieldset();
        return (
          <fieldset
            key={variant.key ?? variant.name}
            className="rounded-xl border border-stone-200 bg-stone-50 p-3 sm:p-4"
          >
            <legend className="px-1 text-base font-semibold text-stone-900">
              {t("variant.row", { n: index + 1 })}
              {f.nameZh.initialValue ? <span lang="zh-CN"> · {f.nameZh.initialValue}</span> : null}
            </legend>
            <input {...getInputProps(f.id, { type: "hidden" })} key={f.id.key} />
            <input {...getInputProps(f.stockWas, { type: "hidden" })} key={f.stockWas.key} />
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
              <TextInput
                className="col-span-2 lg:col-span-1"
                label={t("variant.nameZh")}
                errors={f.nameZh.errors}
                {...getInputProps(f.nameZh, { type: "text" })}
                lang="zh-CN"
                key={f.nameZh.key}
                id={f.nameZh.id}
              />
              <TextInput
                className="col-span-2 lg:col-span-1"
                label={t("variant.nameEn")}
                hint={t("product.enHint")}
                errors={f.nameEn.errors}
                {...getInputProps(f.nameEn, { type: "text" })}
                lang="en"
                key={f.nameEn.key}
                id={f.nameEn.id}
              />
              <TextInput
                className="col-span-2 lg:col-span-1"
                label={t("variant.sku")}
                autoCapitalize="characters"
                spellCheck={false}
                errors={f.sku.errors}
                {...getInputProps(f.sku, { type: "text" })}
                key={f.sku.key}
                id={f.sku.id}
              />
              <TextInput
                label={t("variant.price")}
                inputMode="decimal"
                placeholder="12.80"
                errors={f.price.errors}
                {...getInputProps(f.price, { type: "text" })}
                key={f.price.key}
                id={f.price.id}
              />
              <TextInput
                label={t("variant.marketPrice")}
                inputMode="decimal"
                errors={f.marketPrice.errors}
                {...getInputProps(f.marketPrice, { type: "text" })}
                key={f.marketPrice.key}
                id={f.marketPrice.id}
              />
              <TextInput
                label={t("variant.stock")}
                inputMode="numeric"
                errors={f.stock.errors}
                {...getInputProps(f.stock, { type: "number" })}
                key={f.stock.key}
                id={f.stock.id}
              />
              <TextInput
                label={t("variant.weight")}
                inputMode="numeric"
                errors={f.weightGrams.errors}
                {...getInputProps(f.weightGrams, { type: "number" })}
                key={f.weightGrams.key}
                id={f.weightGrams.id}
              />
              {list.length > 1 ? (
                <div className="col-span-2 flex items-end lg:col-span-1">
                  <StudioButton
                    tone="danger"
                    className="w-full"
                    {...form.remove.getButtonProps({ name: variants.name, index })}
                  >
                    {t("variant.remove", { n: index + 1 })}
                  </StudioButton>
                </div>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      <StudioButton
        tone="secondary"
        className="w-full sm:w-auto"
        {...form.insert.getButtonProps({ name: variants.name, defaultValue: { stock: 0, weightGrams: 0 } })}
      >
        + {t("variant.add")}
      </StudioButton>
    </div>
  );
}
