// The product editor's attributes (e.g. net weight 净含量, fill weight 充绒量): label/value rows in Chinese and
// English, added and removed with conform's list buttons.
import { getInputProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { useTranslation } from "~/lib/i18n-react";
import { StudioButton, TextInput } from "./controls";
import type { ProductFormValue } from "./product-schema";

type Props = {
  form: FormMetadata<ProductFormValue, string[]>;
  attributes: FieldMetadata<ProductFormValue["attributes"], ProductFormValue, string[]>;
};

export function AttributeRows({ form, attributes }: Props) {
  const { t } = useTranslation("studio");
  const list = attributes.getFieldList();
  return (
    <div className="space-y-3">
      {list.length === 0 ? <p className="text-sm text-stone-600">{t("attribute.none")}</p> : null}
      {list.map((attribute, index) => {
        const f = attribute.getFieldset();
        return (
          <fieldset
            key={attribute.key ?? attribute.name}
            className="rounded-xl border border-stone-200 bg-stone-50 p-3"
          >
            <legend className="px-1 text-sm font-semibold text-stone-900">
              {t("attribute.row", { n: index + 1 })}
            </legend>
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
              <TextInput
                label={t("attribute.labelZh")}
                placeholder={t("attribute.labelPlaceholder")}
                errors={f.labelZh.errors}
                {...getInputProps(f.labelZh, { type: "text" })}
                lang="zh-CN"
                key={f.labelZh.key}
                id={f.labelZh.id}
              />
              <TextInput
                label={t("attribute.valueZh")}
                placeholder={t("attribute.valuePlaceholder")}
                errors={f.valueZh.errors}
                {...getInputProps(f.valueZh, { type: "text" })}
                lang="zh-CN"
                key={f.valueZh.key}
                id={f.valueZh.id}
              />
              <TextInput
                label={t("attribute.labelEn")}
                errors={f.labelEn.errors}
                {...getInputProps(f.labelEn, { type: "text" })}
                lang="en"
                key={f.labelEn.key}
                id={f.labelEn.id}
              />
              <TextInput
                label={t("attribute.valueEn")}
                errors={f.valueEn.errors}
                {...getInputProps(f.valueEn, { type: "text" })}
                lang="en"
                key={f.valueEn.key}
                id={f.valueEn.id}
              />
              <div className="col-span-2 flex items-end lg:col-span-1">
                <StudioButton
                  tone="danger"
                  className="w-full"
                  {...form.remove.getButtonProps({ name: attributes.name, index })}
                >
                  {t("attribute.remove", { n: index + 1 })}
                </StudioButton>
              </div>
            </div>
          </fieldset>
        );
      })}
      <StudioButton
        tone="secondary"
        className="w-full sm:w-auto"
        {...form.insert.getButtonProps({ name: attributes.name })}
      >
        + {t("attribute.add")}
      </StudioButton>
    </div>
  );
}
