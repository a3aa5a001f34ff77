// The two parcel steps that need more than a tap: shipping (courier + tracking number, checked as typed and again
// on the server) and reporting a problem or cancelling (a reason, and a refund when the person asks for one).
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { FieldError, inputClass } from "~/components/ui/field";
import { COURIERS } from "~/domain/fulfilment/couriers";
import { CancelSchema, ExceptionSchema, ShipSchema } from "~/domain/fulfilment/forms";
import type { TrackingReuse } from "~/domain/fulfilment/tracking-reuse.server";

type Result = SubmissionResult<string[]> | undefined;

type ShipProps = { parcelId: string; lastResult: Result; reuse?: TrackingReuse };

export function ShipForm({ parcelId, lastResult, reuse }: ShipProps) {
  const { t, i18n } = useTranslation("fulfil");
  const en = i18n.language === "en";
  const [form, fields] = useForm({
    id: `ship-${parcelId}`,
    lastResult,
    constraint: getZodConstraint(ShipSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ShipSchema }),
  });
  return (
    <>
      <Form
        method="post"
        preventScrollReset
        {...getFormProps(form)}
        className="flex w-full flex-wrap items-start gap-2 sm:w-auto"
      >
        <input type="hidden" name="intent" value="ship" />
        <input type="hidden" name="id" value={parcelId} />
        <div>
          <label htmlFor={fields.courier.id} className="sr-only">
            {t("ship.courier")}
          </label>
          <select
            {...getSelectProps(fields.courier)}
            key={fields.courier.key}
            className={`${inputClass} mt-0 min-h-11`}
            defaultValue={fields.courier.initialValue ?? "sf"}
          >
            {COURIERS.map((courier) => (
              <option key={courier.id} value={courier.id}>
                {en ? courier.nameEn : courier.nameZh}
              </option>
            ))}
          </select>
          <FieldError id={fields.courier.errorId} errors={fields.courier.errors} />
        </div>
        <div className="min-w-44 flex-1">
          <label htmlFor={fields.trackingNumber.id} className="sr-only">
            {t("ship.tracking")}
          </label>
          <input
            {...getInputProps(fields.trackingNumber, { type: "text" })}
            key={fields.trackingNumber.key}
            placeholder={t("ship.tracking")}
            autoComplete="off"
            autoCapitalize="characters"
            className={`${inputClass} mt-0 min-h-11 font-mono`}
          />
          <FieldError id={fields.trackingNumber.errorId} errors={fields.trackingNumber.errors} />
        </div>
        <button
          type="submit"
          className="min-h-11 rounded-full bg-leaf-600 px-4 font-medium text-white hover:bg-leaf-700"
        >
          {t("action.ship")}
        </button>
      </Form>
      {reuse ? (
        <ReuseWarning parcelId={parcelId} reuse={reuse} courier={String(fields.courier.initialValue ?? "sf")} />
      ) : null}
    </>
  );
}

/** The number is on another parcel already: say so, and let the person save it anyway (a form of its own). */
function ReuseWarning({ parcelId, reuse, courier }: { parcelId: string; reuse: TrackingReuse; courier: string }) {
  const { t } = useTranslation("fulfil");
  return (
    <div role="alert" className="w-full rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p>
        {reuse.orderNumber
          ? t("ship.reused", { number: reuse.trackingNumber, order: reuse.orderNumber })
          : t("ship.reusedElsewhere", { number: reuse.trackingNumber })}
      </p>
      <p className="mt-1">{t("ship.reusedHint")}</p>
      {/* Its own form beside the ship form (forms cannot nest): the same parcel, courier and number. */}
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="ship" />
        <input type="hidden" name="id" value={parcelId} />
        <input type="hidden" name="courier" value={courier} />
        <input type="hidden" name="trackingNumber" value={reuse.trackingNumber} />
        <input type="hidden" name="reuseTracking" value="yes" />
        <button
          type="submit"
          className="mt-2 min-h-11 rounded-full border border-amber-700 px-4 font-medium text-amber-900 hover:bg-amber-100"
        >
          {t("ship.saveAnyway")}
        </button>
      </Form>
    </div>
  );
}

type ProblemProps = { kind: "exception" | "cancel"; parcelId: string; lastResult: Result };

export function ProblemForm({ kind, parcelId, lastResult }: ProblemProps) {
  const { t } = useTranslation("fulfil");
  const schema = kind === "exception" ? ExceptionSchema : CancelSchema;
  const [form, fields] = useForm({
    id: `${kind}-${parcelId}`,
    lastResult,
    constraint: getZodConstraint(schema),
    // Checked on the server only: conform's client check of this textarea kept refusing a corrected reason after a
    // first empty submit. The server's answer (400, the message beside the field) is just as clear.
  });
  return (
    <details open className="min-w-64 flex-1 rounded-lg">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-full border border-stone-300 px-4 text-sm hover:bg-stone-100">
        {t(`action.${kind}`)}
      </summary>
      <Form
        method="post"
        preventScrollReset
        {...getFormProps(form)}
        className="mt-2 space-y-2 rounded-lg bg-stone-50 p-3"
      >
        <input type="hidden" name="intent" value={kind} />
        <input type="hidden" name="id" value={parcelId} />
        <label htmlFor={fields.reason.id} className="block text-sm font-medium">
          {t(kind === "exception" ? "problem.reason" : "problem.cancelReason")}
        </label>
        <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={2} className={inputClass} />
        <FieldError id={fields.reason.errorId} errors={fields.reason.errors} />
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name={fields.refund.name} className="h-5 w-5" />
          {t("problem.refund")}
        </label>
        <FieldError id={form.errorId} errors={form.errors} />
        <button type="submit" className="min-h-11 rounded-full bg-red-700 px-4 font-medium text-white hover:bg-red-800">
          {t(kind === "exception" ? "problem.submit" : "problem.cancelSubmit")}
        </button>
      </Form>
    </details>
  );
}
