// The form that makes a coupon (a workshop's in the studio, the market's in the admin pages): kind, amounts in
// yuan, what it applies to, how many and for how long. Errors beside each field; works without JavaScript.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { Button, Field, FieldError, FieldShell, inputClass, controlAria } from "~/components/ui/field";
import { CouponSchema } from "~/domain/promotions/coupon-schema";

type Choice = { id: string; label: string };

export function CouponForm({
  lastResult,
  products,
  shows,
  workshops,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  products: Choice[];
  shows: Choice[];
  /** The market's form chooses a workshop; a workshop's coupon is always its own. */
  workshops?: Choice[];
}) {
  const { t } = useTranslation("promotions");
  const [form, fields] = useForm({
    id: "coupon",
    lastResult,
    constraint: getZodConstraint(CouponSchema),
    shouldValidate: "onBlur",
    defaultValue: {
      kind: "amount_off",
      scope: "workshop",
      threshold: "0",
      total: "100",
      perShopperLimit: "1",
      claimDays: "7",
      validHours: "72",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CouponSchema }),
  });
  const select = (
    name: "kind" | "scope" | "productId" | "showId" | "workshopId",
    options: Choice[],
    optional = false,
  ) => {
    const field = fields[name];
    return (
      <FieldShell
        id={field.id}
        label={t(
          `form.${name === "productId" ? "product" : name === "showId" ? "show" : name === "workshopId" ? "workshop" : name}`,
        )}
        errors={field.errors}
      >
        <select {...getSelectProps(field)} {...controlAria(field.id, field.errors)} className={inputClass}>
          {optional ? <option value="">{t("form.choose")}</option> : null}
          {options.map((option) => (
            <option key={option.id} value={option.id} data-as-written="">
              {option.label}
            </option>
          ))}
        </select>
      </FieldShell>
    );
  };
  const number = (
    name: "threshold" | "amountOff" | "percentOff" | "cap" | "total" | "perShopperLimit" | "claimDays" | "validHours",
  ) => (
    <Field
      label={t(`form.${name}`)}
      errors={fields[name].errors}
      inputMode="decimal"
      {...getInputProps(fields[name], { type: "text" })}
      id={fields[name].id}
    />
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 rounded-2xl bg-white p-4 ring-1 ring-stone-200">
      <h2 className="text-lg font-semibold">{t("page.create")}</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        {select("kind", [
          { id: "amount_off", label: t("form.kind.amount_off") },
          { id: "percent_off", label: t("form.kind.percent_off") },
        ])}
        {select("scope", [
          { id: "workshop", label: t("form.scope.workshop") },
          { id: "product", label: t("form.scope.product") },
          { id: "show", label: t("form.scope.show") },
        ])}
        {workshops ? select("workshopId", workshops, true) : null}
        {select("productId", products, true)}
        {select("showId", shows, true)}
        {number("threshold")}
        {number("amountOff")}
        {number("percentOff")}
        {number("cap")}
        {number("total")}
        {number("perShopperLimit")}
        {number("claimDays")}
        {number("validHours")}
      </div>
      <FieldError id={form.errorId} errors={form.errors} />
      <Button type="submit">{t("form.submit")}</Button>
    </Form>
  );
}
