// Shipping several packed parcels at once: one courier, a tracking number typed (or scanned) for each parcel.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { FieldError, inputClass } from "~/components/ui/field";
import { COURIERS } from "~/domain/fulfilment/couriers";
import { trackingField } from "~/domain/fulfilment/forms";
import type { Parcel } from "~/domain/fulfilment/queue.server";
import type { ConsoleActionResult } from "./parcel-card";
import { StatusBadge } from "./status-badge";

export function BulkShipForm({ parcels, actionData }: { parcels: Parcel[]; actionData: ConsoleActionResult }) {
  const { t, i18n } = useTranslation("fulfil");
  const en = i18n.language === "en";
  const errors = actionData?.intent === "bulk-ship" ? (actionData.bulkErrors ?? {}) : {};
  const shippable = parcels.filter((parcel) => parcel.status === "packed");
  const others = parcels.filter((parcel) => parcel.status !== "packed");
  return (
    <section aria-labelledby="bulk-ship-title" className="mt-4 rounded-xl border border-stone-200 bg-white p-3">
      <h2 id="bulk-ship-title" className="text-lg font-semibold">
        {t("bulkShip.title", { count: shippable.length })}
      </h2>
      {parcels.length === 0 ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {t("error.noneSelected")}
        </p>
      ) : null}
      {others.length ? (
        <p className="mt-1 text-sm text-amber-900">{t("bulkShip.skipped", { count: others.length })}</p>
      ) : null}
      <Form method="post" className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="bulk-ship" />
        <label className="block max-w-xs text-sm font-medium">
          {t("ship.courier")}
          <select
            name="courier"
            defaultValue="sf"
            className={inputClass}
            aria-invalid={Boolean(errors.courier) || undefined}
          >
            {COURIERS.map((courier) => (
              <option key={courier.id} value={courier.id}>
                {en ? courier.nameEn : courier.nameZh}
              </option>
            ))}
          </select>
        </label>
        <FieldError id="bulk-courier-error" errors={errors.courier} />
        <ol className="space-y-2">
          {shippable.map((parcel) => {
            const field = trackingField(parcel.id);
            return (
              <li key={parcel.id} className="rounded-lg bg-stone-50 p-2">
                <input type="hidden" name="ids" value={parcel.id} />
                <label htmlFor={field} className="block text-sm font-medium">
                  <span className="font-mono">{parcel.order.number}</span> ·{" "}
                  {parcel.order.lines
                    .map((line) => `${en ? line.titleEn : line.titleZh} × ${line.quantity}`)
                    .join("，")}
                </label>
                <input
                  id={field}
                  name={field}
                  autoComplete="off"
                  placeholder={t("ship.tracking")}
                  aria-invalid={Boolean(errors[field]) || undefined}
                  aria-describedby={errors[field] ? `${field}-error` : undefined}
                  className={`${inputClass} font-mono`}
                />
                <FieldError id={`${field}-error`} errors={errors[field]} />
              </li>
            );
          })}
        </ol>
        {others.length ? (
          <ul className="space-y-1 text-sm text-stone-700">
            {others.map((parcel) => (
              <li key={parcel.id}>
                <span className="font-mono">{parcel.order.number}</span> <StatusBadge status={parcel.status} />
              </li>
            ))}
          </ul>
        ) : null}
        <FieldError id="bulk-ids-error" errors={errors.ids} />
        <div className="flex flex-wrap gap-2">
          {shippable.length ? (
            <button
              type="submit"
              className="min-h-11 rounded-full bg-leaf-600 px-5 font-medium text-white hover:bg-leaf-700"
            >
              {t("bulkShip.submit", { count: shippable.length })}
            </button>
          ) : null}
          <Link to="." className="inline-flex min-h-11 items-center px-3 text-stone-700 underline">
            {t("bulkShip.back")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
