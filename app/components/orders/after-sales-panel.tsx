// A parcel's after-sales on the order page: each request's state (kept current over the order's socket room)
// and the way in to a new request or to the return shipment. Mounted once per parcel.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { CLOSED_STATUSES } from "~/domain/after-sales/rules";
import type { AfterSalesView } from "~/domain/after-sales/views";
import { courierName } from "~/domain/fulfilment/couriers";
import { formatMoney } from "~/lib/money";
import { formatShanghai } from "~/lib/shanghai-time";

const OPENABLE_FROM = ["shipped", "delivered"];

export function AfterSalesCard({ request }: { request: AfterSalesView }) {
  const { t, i18n } = useTranslation("aftersales");
  const en = i18n.language === "en";
  const money = (fen: number) => formatMoney(fen, i18n.language);
  const when = (iso: string) => formatShanghai(iso, i18n.language);
  const tone =
    request.status === "refunded"
      ? "bg-emerald-100 text-emerald-900"
      : request.status === "refused"
        ? "bg-stone-200 text-stone-800"
        : "bg-amber-100 text-amber-900";
  return (
    <article
      className="space-y-1 rounded-lg border border-stone-200 bg-stone-50 p-3 text-sm"
      data-testid="after-sales-request"
      data-status={request.status}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>{t(`status.${request.status}`)}</span>
        <span className="text-stone-700">
          {t(`kind.${request.kind}`)} · {t(`reason.${request.reason}`)}
        </span>
      </div>
      <ul className="text-stone-700">
        {request.lines.map((line) => (
          <li key={line.id}>
            {en ? line.titleEn : line.titleZh} · {en ? line.variantNameEn : line.variantNameZh} × {line.quantity}
          </li>
        ))}
      </ul>
      <p>{t("panel.asked", { amount: money(request.askedFen) })}</p>
      {request.approvedFen !== null && request.status !== "refunded" ? (
        <p>{t("panel.approved", { amount: money(request.approvedFen) })}</p>
      ) : null}
      {request.status === "refunded" ? (
        <p className="font-medium text-emerald-800" data-testid="after-sales-refunded">
          {t("panel.refunded", { amount: money(request.refundedFen) })}
        </p>
      ) : null}
      {request.status === "requested" || request.status === "returned" ? (
        <p className="text-stone-600">{t("panel.answerBy", { time: when(request.answerBy) })}</p>
      ) : null}
      {request.status === "awaiting_return" ? (
        <p className="text-amber-900">{t("panel.returnBy", { time: when(request.answerBy) })}</p>
      ) : null}
      {request.status === "escalated" ? <p className="text-amber-900">{t("panel.escalated")}</p> : null}
      {request.refusalReason ? (
        <p>
          {t("panel.refusal", { reason: "" })}
          <span data-as-written>{request.refusalReason}</span>
        </p>
      ) : null}
      {request.returnTracking ? (
        <p>
          {t("panel.returnTracking", {
            courier: courierName(request.returnCourier, i18n.language),
            number: request.returnTracking,
          })}
        </p>
      ) : null}
      {request.photos.length ? (
        <ul className="flex gap-2" aria-label={t("panel.photos")}>
          {request.photos.map((src, i) => (
            <li key={src}>
              <a href={src}>
                <img src={src} alt={t("panel.photo", { n: i + 1 })} className="h-16 w-16 rounded object-cover" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

export function AfterSalesPanel({
  orderId,
  token,
  parcel,
  requests,
}: {
  orderId: string;
  token: string;
  parcel: { id: string; status: string };
  requests: AfterSalesView[];
}) {
  const { t } = useTranslation("aftersales");
  const mine = requests.filter((r) => r.fulfilmentOrderId === parcel.id);
  if (!OPENABLE_FROM.includes(parcel.status) && mine.length === 0) return null;
  const open = mine.find((r) => !CLOSED_STATUSES.includes(r.status));
  const href = `/orders/${orderId}/after-sales?${new URLSearchParams({ parcel: parcel.id, token })}`;
  return (
    <section
      id={`after-sales-${parcel.id}`}
      aria-labelledby={`after-sales-${parcel.id}-title`}
      className="mt-2 space-y-2 border-t border-stone-100 pt-2"
      data-testid="after-sales-panel"
    >
      <h4 id={`after-sales-${parcel.id}-title`} className="text-sm font-semibold">
        {t("panel.title")}
      </h4>
      {mine.map((request) => (
        <AfterSalesCard key={request.id} request={request} />
      ))}
      {open?.status === "awaiting_return" ? (
        <Link to={href} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
          {t("return.title")}
        </Link>
      ) : !open && OPENABLE_FROM.includes(parcel.status) ? (
        <p className="text-sm text-stone-600">
          {mine.length ? t("panel.closedNew") : t("panel.none")}{" "}
          <Link to={href} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("panel.open")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
