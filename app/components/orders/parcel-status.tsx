// One workshop's parcel on the buyer's order page: where it stands (paid → packing → shipped → delivered), its
// courier with a link to the courier's tracking page, the parcel's timeline, and 确认收货 once it is on its way.
// `actions` is the place for further per-parcel entries (after-sales).
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { courierName } from "~/domain/fulfilment/couriers";
import { PARCEL_STEPS, type ParcelStage } from "~/domain/orders/order-stage";
import type { ReceiptNote } from "~/domain/fulfilment/receipt";
import { formatShanghai } from "~/lib/shanghai-time";

export type ParcelView = {
  id: string;
  stage: ParcelStage;
  shipBy: string;
  courier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  canConfirmReceipt: boolean;
  events: { id: string; status: string; at: string; receipt: ReceiptNote | null }[];
};

export function ParcelStatus({
  parcel,
  token,
  autoConfirmDays,
  actions,
  children,
}: {
  parcel: ParcelView;
  token: string;
  autoConfirmDays: number;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation("checkout");
  const when = (iso: string) => formatShanghai(iso, i18n.language);
  const reached = PARCEL_STEPS.indexOf(parcel.stage as (typeof PARCEL_STEPS)[number]);
  const courier = courierName(parcel.courier, i18n.language);
  return (
    <div
      className="mt-2 space-y-2 border-t border-stone-100 pt-2 text-sm"
      data-testid="fulfilment"
      data-stage={parcel.stage}
    >
      {reached < 0 ? (
        <p className="font-medium" data-testid="parcel-stage">
          {t(`parcel.stage.${parcel.stage}`)}
        </p>
      ) : (
        <ol className="grid grid-cols-4 gap-1 text-center text-xs" aria-label={t("parcel.progress")}>
          {PARCEL_STEPS.map((step, index) => (
            <li
              key={step}
              aria-current={index === reached ? "step" : undefined}
              className={`rounded-full px-1 py-1 ${index <= reached ? "bg-emerald-100 font-medium text-emerald-900" : "bg-stone-100 text-stone-600"}`}
            >
              {t(`parcel.stage.${step}`)}
            </li>
          ))}
        </ol>
      )}
      {parcel.stage === "paid" || parcel.stage === "packing" ? (
        <p className="text-stone-700">{t("order.shipBy", { time: when(parcel.shipBy) })}</p>
      ) : null}
      {parcel.trackingNumber ? (
        <p className="text-stone-700" data-testid="tracking">
          {t("order.tracking", { courier, number: parcel.trackingNumber })}
          {parcel.trackingUrl ? (
            <>
              <br />
              <a
                href={parcel.trackingUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
              >
                {t("parcel.track", { courier })}
              </a>
            </>
          ) : null}
        </p>
      ) : parcel.stage !== "cancelled" ? (
        <p className="text-stone-700">{t("order.noTracking")}</p>
      ) : null}
      {parcel.canConfirmReceipt ? (
        <Form method="post" className="space-y-1">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="fulfilmentOrderId" value={parcel.id} />
          <button
            type="submit"
            name="intent"
            value="confirm"
            className="min-h-11 w-full rounded-full bg-brand-600 px-5 font-medium text-white hover:bg-brand-700"
          >
            {t("parcel.confirm")}
          </button>
          <p className="text-center text-xs text-stone-600">{t("parcel.confirmHint", { days: autoConfirmDays })}</p>
        </Form>
      ) : null}
      {actions ? <div data-testid="parcel-actions">{actions}</div> : null}
      {parcel.events.length ? (
        <details className="rounded-lg bg-stone-50 px-3 py-2" open={parcel.stage !== "delivered"}>
          <summary className="min-h-11 cursor-pointer content-center font-medium">{t("parcel.timeline")}</summary>
          <ol className="mt-1 space-y-1.5 border-l-2 border-stone-200 pl-3" data-testid="parcel-timeline">
            {[...parcel.events].reverse().map((event) => (
              <li key={event.id} data-status={event.status}>
                <span className="block text-xs text-stone-600">{when(event.at)}</span>
                <span>
                  {event.receipt
                    ? t(`parcel.event.${event.receipt === "receipt:auto" ? "autoConfirmed" : "buyerConfirmed"}`)
                    : t(`fulfilment.status.${event.status}`)}
                  {event.status === "shipped" && parcel.trackingNumber
                    ? ` · ${t("order.tracking", { courier, number: parcel.trackingNumber })}`
                    : null}
                </span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {children}
    </div>
  );
}
