// The buyer's after-sales forms: a new request for lines of a parcel (with a photo, so a multipart post), and
// the return shipment once the workshop asks for the goods back. Both are plain posts that work without JS.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { Button, controlAria, Field, FieldError, FieldShell, inputClass } from "~/components/ui/field";
import { AFTER_SALES_KINDS, AFTER_SALES_REASONS } from "~/domain/after-sales/rules";
import type { RequestFormView } from "~/domain/after-sales/views";
import { COURIERS } from "~/domain/fulfilment/couriers";
import { formatMoney, yuanInput } from "~/lib/money";
import { formatShanghai } from "~/lib/shanghai-time";
import { ReturnPolicyNotice } from "./return-policy-notice";

type Errors = Record<string, string[] | null> | undefined;

const errorsOf = (errors: Errors, name: string) => errors?.[name] ?? undefined;

export function AfterSalesRequestForm({ form, errors }: { form: RequestFormView; errors: Errors }) {
  const { t, i18n } = useTranslation("aftersales");
  const en = i18n.language === "en";
  const money = (fen: number) => formatMoney(fen, i18n.language);
  const maxFen = form.lines.reduce((sum, line) => sum + line.leftFen, 0);
  const formError = errorsOf(errors, "");
  return (
    <section className="space-y-3 rounded-xl border border-stone-200 bg-white p-3 sm:p-4">
      <h2 className="text-lg font-semibold">{t("form.title")}</h2>
      <p className="text-sm text-stone-600">
        {form.deliveredAt
          ? t("form.deliveredAt", { time: formatShanghai(form.deliveredAt, i18n.language) })
          : t("form.notDelivered")}
      </p>
      {!form.openable ? (
        <p className="rounded-lg bg-stone-100 p-3 text-sm">{t("form.notOpenable")}</p>
      ) : (
        <Form method="post" encType="multipart/form-data" className="space-y-4" aria-label={t("form.title")}>
          {formError ? <FieldError id="after-sales-error" errors={formError} /> : null}
          <fieldset className="space-y-2">
            <legend className="font-medium">{t("form.parcel")}</legend>
            {form.lines.map((line, i) => (
              <div key={line.id} className="rounded-lg border border-stone-200 p-2">
                <p className="text-sm font-medium">
                  {en ? line.titleEn : line.titleZh} · {en ? line.variantNameEn : line.variantNameZh}
                </p>
                <ReturnPolicyNotice policy={line.policy} compact />
                <p className="text-xs text-stone-600">{t("form.lineLeft", { amount: money(line.leftFen) })}</p>
                <input type="hidden" name={`lines[${i}].id`} value={line.id} />
                <Field
                  id={`line-${line.id}-quantity`}
                  name={`lines[${i}].quantity`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={line.quantity}
                  defaultValue={line.leftFen > 0 ? line.quantity : 0}
                  label={t("form.quantity", { max: line.quantity })}
                  errors={errorsOf(errors, `lines[${i}].quantity`)}
                />
              </div>
            ))}
            <FieldError id="lines-error" errors={errorsOf(errors, "lines")} />
          </fieldset>
          <fieldset aria-describedby={errorsOf(errors, "kind") ? "kind-error" : undefined}>
            <legend className="font-medium">{t("form.kind")}</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {AFTER_SALES_KINDS.map((kind, i) => (
                <label key={kind} className="inline-flex min-h-11 items-center gap-2">
                  <input type="radio" name="kind" value={kind} defaultChecked={i === 0} />
                  {t(`form.kind.${kind}`)}
                </label>
              ))}
            </div>
            <FieldError id="kind-error" errors={errorsOf(errors, "kind")} />
          </fieldset>
          <FieldShell id="reason" label={t("form.reason")} errors={errorsOf(errors, "reason")}>
            <select
              name="reason"
              {...controlAria("reason", errorsOf(errors, "reason"))}
              className={inputClass}
              defaultValue="damaged"
            >
              {AFTER_SALES_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`reason.${reason}`)}
                </option>
              ))}
            </select>
          </FieldShell>
          <Field
            id="amount"
            name="amount"
            inputMode="decimal"
            defaultValue={yuanInput(maxFen)}
            label={t("form.amount", { max: money(maxFen) })}
            errors={errorsOf(errors, "amount")}
          />
          <Field
            id="photo"
            name="photo"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            label={t("form.photo")}
            hint={t("form.photoHint")}
            errors={errorsOf(errors, "photo")}
          />
          <FieldShell id="note" label={t("form.note")} errors={errorsOf(errors, "note")}>
            <textarea
              name="note"
              maxLength={500}
              rows={3}
              {...controlAria("note", errorsOf(errors, "note"))}
              className={inputClass}
            />
          </FieldShell>
          <Button type="submit" className="w-full">
            {t("form.submit")}
          </Button>
        </Form>
      )}
    </section>
  );
}

export function ReturnShipmentForm({ requestId, errors }: { requestId: string; errors: Errors }) {
  const { t, i18n } = useTranslation("aftersales");
  return (
    <Form
      method="post"
      className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-3 sm:p-4"
      aria-labelledby="return-title"
    >
      <h2 id="return-title" className="font-semibold">
        {t("return.title")}
      </h2>
      <input type="hidden" name="intent" value="return" />
      <input type="hidden" name="requestId" value={requestId} />
      <FieldError id="return-error" errors={errorsOf(errors, "")} />
      <FieldShell id="return-courier" label={t("return.courier")} errors={errorsOf(errors, "courier")}>
        <select
          name="courier"
          {...controlAria("return-courier", errorsOf(errors, "courier"))}
          className={inputClass}
          defaultValue="sf"
        >
          {COURIERS.map((courier) => (
            <option key={courier.id} value={courier.id}>
              {i18n.language === "en" ? courier.nameEn : courier.nameZh}
            </option>
          ))}
        </select>
      </FieldShell>
      <Field
        id="return-tracking"
        name="trackingNumber"
        label={t("return.tracking")}
        autoComplete="off"
        errors={errorsOf(errors, "trackingNumber")}
      />
      <Button type="submit" className="w-full">
        {t("return.submit")}
      </Button>
    </Form>
  );
}
