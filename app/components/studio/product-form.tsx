// The product editor shared by "new product" and "edit product": basics, kind, variants and attributes, with a
// save bar that stays in reach at the bottom of a phone's screen.
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type DefaultValue,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { FieldError } from "~/components/ui/field";
import { AttributeRows } from "./attribute-rows";
import { Checkbox, Select, StudioButton, TextArea, TextInput } from "./controls";
import { ProductSchema, type ProductFormValue } from "./product-schema";
import { VariantRows } from "./variant-rows";

export type CategoryOption = { id: string; nameZh: string; nameEn: string };

type Props = {
  id: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: DefaultValue<ProductFormValue>;
  categories: CategoryOption[];
  submitLabel: string;
  status?: ReactNode;
};

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 className="text-lg font-semibold text-stone-900">{title}</h2>
      {hint ? <p className="mt-1 text-sm text-stone-600">{hint}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

// Said once at the top after a refused save, so a person on a phone knows to scroll to the marked fields.
function hasErrors(result: Props["lastResult"]) {
  return Boolean(result?.status === "error" && Object.values(result.error ?? {}).some((errors) => errors?.length));
}

export function ProductForm({ id, lastResult, defaultValue, categories, submitLabel, status }: Props) {
  const { t, i18n } = useTranslation("studio");
  const [form, fields] = useForm<ProductFormValue>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(ProductSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProductSchema }),
  });
  const en = i18n.language === "en";
  return (
    <Form method="post" className="space-y-5" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <FieldError id={`${form.id}-summary`} errors={hasErrors(lastResult) ? [t("form.fixErrors")] : undefined} />

      <Section title={t("product.section.basics")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput
            label={t("product.titleZh")}
            errors={fields.titleZh.errors}
            {...getInputProps(fields.titleZh, { type: "text" })}
            lang="zh-CN"
            id={fields.titleZh.id}
          />
          <TextInput
            label={t("product.titleEn")}
            hint={t("product.enHint")}
            errors={fields.titleEn.errors}
            {...getInputProps(fields.titleEn, { type: "text" })}
            lang="en"
            id={fields.titleEn.id}
          />
          <Select
            label={t("product.category")}
            errors={fields.categoryId.errors}
            {...getSelectProps(fields.categoryId)}
            id={fields.categoryId.id}
          >
            <option value="">{t("product.categoryChoose")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {en ? c.nameEn : c.nameZh}
              </option>
            ))}
          </Select>
          <Select
            label={t("product.status")}
            hint={t("product.statusHint")}
            errors={fields.status.errors}
            {...getSelectProps(fields.status)}
            id={fields.status.id}
          >
            {(["active", "draft", "archived"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
          <TextArea
            label={t("product.descriptionZh")}
            errors={fields.descriptionZh.errors}
            {...getTextareaProps(fields.descriptionZh)}
            lang="zh-CN"
            id={fields.descriptionZh.id}
          />
          <TextArea
            label={t("product.descriptionEn")}
            hint={t("product.enHint")}
            errors={fields.descriptionEn.errors}
            {...getTextareaProps(fields.descriptionEn)}
            lang="en"
            id={fields.descriptionEn.id}
          />
        </div>
      </Section>

      <Section title={t("product.section.kind")}>
        <div className="grid gap-3 sm:grid-cols-3">
          <Checkbox
            label={t("product.perishable")}
            hint={t("product.perishableHint")}
            {...getInputProps(fields.perishable, { type: "checkbox" })}
            id={fields.perishable.id}
          />
          <Checkbox
            label={t("product.preorder")}
            hint={t("product.preorderHint")}
            {...getInputProps(fields.preorder, { type: "checkbox" })}
            id={fields.preorder.id}
          />
          <Checkbox
            label={t("product.customisable")}
            hint={t("product.customisableHint")}
            {...getInputProps(fields.customisable, { type: "checkbox" })}
            id={fields.customisable.id}
          />
        </div>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <TextInput
            label={t("product.promptZh")}
            placeholder={t("product.promptPlaceholder")}
            errors={fields.customisationPromptZh.errors}
            {...getInputProps(fields.customisationPromptZh, { type: "text" })}
            lang="zh-CN"
            id={fields.customisationPromptZh.id}
          />
          <TextInput
            label={t("product.promptEn")}
            hint={t("product.enHint")}
            errors={fields.customisationPromptEn.errors}
            {...getInputProps(fields.customisationPromptEn, { type: "text" })}
            lang="en"
            id={fields.customisationPromptEn.id}
          />
        </div>
      </Section>

      <Section title={t("product.section.variants")} hint={t("product.variantsHint")}>
        <FieldError id={fields.variants.errorId} errors={fields.variants.errors} />
        <VariantRows form={form} variants={fields.variants} />
      </Section>

      <Section title={t("product.section.attributes")} hint={t("product.attributesHint")}>
        <AttributeRows form={form} attributes={fields.attributes} />
      </Section>

      <div className="sticky bottom-0 z-10 -mx-4 border-t border-stone-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-2xl sm:border">
        <FieldError id={form.errorId} errors={form.errors} />
        <div className="flex flex-wrap items-center gap-3">
          <StudioButton type="submit" className="min-w-40 flex-1 sm:flex-none">
            {submitLabel}
          </StudioButton>
          {status}
        </div>
      </div>
    </Form>
  );
}
