// One pre-order batch's form (new or existing): names, ready date, capacity and status.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { FieldError } from "~/components/ui/field";
import { MAX_BATCH_CAPACITY } from "~/domain/catalogue/limits";
import { Select, StudioButton, TextInput } from "./controls";

export const BatchSchema = z.object({
  batchId: z.string().optional(),
  productId: z.string().optional(),
  nameZh: z
    .string("studio:batch.error.name")
    .trim()
    .min(1, "studio:batch.error.name")
    .max(40, "studio:batch.error.name"),
  nameEn: z.string().trim().max(80, "studio:batch.error.name").optional(),
  readyDate: z.string("studio:batch.error.readyDate").regex(/^\d{4}-\d{2}-\d{2}$/, "studio:batch.error.readyDate"),
  capacity: z
    .number("studio:batch.error.capacity")
    .int("studio:batch.error.capacity")
    .min(1, "studio:batch.error.capacity")
    .max(MAX_BATCH_CAPACITY, "studio:batch.error.capacity"),
  status: z.enum(["open", "released", "closed"], "studio:batch.error.status"),
});

export type BatchFormValue = {
  productId?: string;
  nameZh: string;
  nameEn: string;
  readyDate: string;
  capacity: number;
  status: string;
};

type Props = {
  id: string;
  batchId?: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: Partial<BatchFormValue>;
  submitLabel: string;
  productPicker?: ReactNode;
};

export function BatchForm({ id, batchId, lastResult, defaultValue, submitLabel, productPicker }: Props) {
  const { t } = useTranslation("studio");
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(BatchSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BatchSchema }),
  });
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={batchId ? "update" : "create"} />
      {batchId ? <input type="hidden" name="batchId" value={batchId} /> : null}
      {productPicker ? (
        <Select
          label={t("batch.product")}
          errors={fields.productId.errors}
          {...getSelectProps(fields.productId)}
          id={fields.productId.id}
        >
          {productPicker}
        </Select>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextInput
          label={t("batch.nameZh")}
          errors={fields.nameZh.errors}
          {...getInputProps(fields.nameZh, { type: "text" })}
          lang="zh-CN"
          id={fields.nameZh.id}
        />
        <TextInput
          label={t("batch.nameEn")}
          hint={t("product.enHint")}
          errors={fields.nameEn.errors}
          {...getInputProps(fields.nameEn, { type: "text" })}
          lang="en"
          id={fields.nameEn.id}
        />
        <TextInput
          label={t("batch.readyDate")}
          errors={fields.readyDate.errors}
          {...getInputProps(fields.readyDate, { type: "date" })}
          id={fields.readyDate.id}
        />
        <TextInput
          label={t("batch.capacity")}
          hint={t("batch.capacityHint")}
          inputMode="numeric"
          errors={fields.capacity.errors}
          {...getInputProps(fields.capacity, { type: "number" })}
          id={fields.capacity.id}
        />
        <Select
          label={t("batch.status")}
          errors={fields.status.errors}
          {...getSelectProps(fields.status)}
          id={fields.status.id}
        >
          {(["open", "released", "closed"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`batch.status.${s}`)}
            </option>
          ))}
        </Select>
      </div>
      <FieldError id={form.errorId} errors={form.errors} />
      <StudioButton type="submit" className="w-full sm:w-auto">
        {submitLabel}
      </StudioButton>
    </Form>
  );
}
