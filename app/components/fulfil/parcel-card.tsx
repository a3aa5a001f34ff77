// One parcel in the packing room: what goes in it, where it goes, its deadline (red when overdue), the steps it can
// take next, and its log of who did what when.
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { courierName } from "~/domain/fulfilment/couriers";
import { readHistoryNote } from "~/domain/fulfilment/history-notes";
import { allowedActions } from "~/domain/fulfilment/steps";
import type { workshopQueuePage } from "~/domain/fulfilment/queue.server";
import type { TrackingReuse } from "~/domain/fulfilment/tracking-reuse.server";
import { formatDateTime, hoursUntil } from "~/lib/shanghai-time";
import { fixedLabel, systemNote } from "./labels";
import { ProblemForm, ShipForm } from "./parcel-forms";
import { StatusBadge } from "./status-badge";

export type ConsoleParcel = Awaited<ReturnType<typeof workshopQueuePage>>["parcels"][number];

export type ConsoleActionResult =
  | {
      intent: string;
      id?: string;
      error?: string;
      values?: Record<string, string | number>;
      result?: SubmissionResult<string[]>;
      bulkErrors?: Record<string, string[]>;
      reuse?: TrackingReuse;
    }
  | undefined;

type Props = {
  parcel: ConsoleParcel;
  /** Where the "problem / cancel" forms of this parcel open (they are drawn for one parcel at a time). */
  problemHref: string;
  problemOpen: boolean;
  now: Date;
  slug: string;
  actionData: ConsoleActionResult;
};

const STEP_BUTTONS = ["accept", "pack", "deliver", "requeue"] as const;

export function ParcelCard({ parcel, problemHref, problemOpen, now, slug, actionData }: Props) {
  const { t, i18n } = useTranslation("fulfil");
  const locale = i18n.language;
  const en = locale === "en";
  const label = (key: string) => fixedLabel(t, locale, key);
  const historyNoteText = (note: string, toStatus: string) => {
    const read = readHistoryNote(note, toStatus);
    if (read.kind === "key") return t(read.key, { value: read.value });
    if (read.kind === "shipped")
      return t("log.shipped", { courier: courierName(read.courier, locale), number: read.trackingNumber });
    // Notes written before history notes became keys ("paid", "batch released …"), else a person's own words.
    return systemNote(t, read.text) ?? <span data-as-written>{read.text}</span>;
  };
  const mine = actionData?.id === parcel.id ? actionData : undefined;
  const actions = parcel.held ? [] : allowedActions(parcel.status);
  const hours = hoursUntil(parcel.shipBy, now);
  const { order } = parcel;
  return (
    <article
      aria-labelledby={`parcel-${parcel.id}`}
      data-testid="parcel"
      data-overdue={parcel.overdue || undefined}
      className={`rounded-xl border bg-white p-3 shadow-sm ${parcel.overdue ? "border-red-300 border-l-8 border-l-red-600" : "border-stone-200"}`}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <input
          type="checkbox"
          form="bulk"
          name="ids"
          value={parcel.id}
          aria-label={t("bulk.select", { number: order.number })}
          className="h-6 w-6 accent-brand-600"
        />
        <h3 id={`parcel-${parcel.id}`} className="font-mono text-base font-semibold">
          {order.number}
        </h3>
        <StatusBadge status={parcel.held ? "waiting" : parcel.status} />
        <p className={`text-sm ${parcel.overdue ? "font-semibold text-red-700" : "text-stone-700"}`}>
          {t("parcel.shipBy", { time: formatDateTime(parcel.shipBy, locale) })}
          {" · "}
          {parcel.overdue
            ? t("parcel.overdue", { hours: Math.max(1, -hours) })
            : parcel.held || !["queued", "accepted", "packed", "exception"].includes(parcel.status)
              ? null
              : t("parcel.left", { hours })}
        </p>
      </header>
      <ul className="mt-2 space-y-1">
        {order.lines.map((line) => (
          <li key={line.id} className="text-base">
            <span className="font-medium">{en ? line.titleEn : line.titleZh}</span>
            <span className="text-stone-600"> · {en ? line.variantNameEn : line.variantNameZh}</span>
            <span className="ml-1 font-semibold">× {line.quantity}</span>
            {line.customisationNote ? (
              <p className="mt-1 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900">
                {t("parcel.note", { note: line.customisationNote })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-stone-700" lang="zh-CN">
        {order.contactName} · {order.phone} · {order.province}
        {order.city}
        {order.district}
      </p>
      {parcel.trackingNumber ? (
        <p className="mt-1 text-sm" data-testid="tracking">
          {courierName(parcel.courier, locale)} <span className="font-mono">{parcel.trackingNumber}</span>
        </p>
      ) : null}
      {parcel.exceptionReason ? (
        <p className="mt-1 text-sm text-red-800">{t("parcel.exceptionReason", { reason: parcel.exceptionReason })}</p>
      ) : null}
      {parcel.held ? <p className="mt-1 text-sm text-stone-600">{t("parcel.waitingBatch")}</p> : null}
      {mine?.error ? (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-2 py-1 text-sm text-red-800">
          {t(mine.error, { ...mine.values, status: mine.values?.status ? t(`status.${mine.values.status}`) : "" })}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-start gap-2">
        {STEP_BUTTONS.filter((step) => actions.includes(step)).map((step) => (
          <Form method="post" preventScrollReset key={step}>
            <input type="hidden" name="id" value={parcel.id} />
            <button
              type="submit"
              name="intent"
              value={step}
              className="min-h-11 rounded-full bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
            >
              {label(`action.${step}`)}
            </button>
          </Form>
        ))}
        {actions.includes("ship") ? (
          <ShipForm
            parcelId={parcel.id}
            lastResult={mine?.intent === "ship" ? mine.result : undefined}
            reuse={mine?.intent === "ship" ? mine.reuse : undefined}
          />
        ) : null}
        <a
          href={`/studio/${slug}/fulfilment/slips?ids=${parcel.id}`}
          target="_blank"
          rel="noreferrer"
          className="inline-flex min-h-11 items-center rounded-full border border-stone-300 px-4 text-sm hover:bg-stone-100"
        >
          {label("action.print")}
        </a>
        {actions.includes("exception") || actions.includes("cancel") ? (
          problemOpen || mine?.intent === "exception" || mine?.intent === "cancel" ? (
            <div className="flex w-full flex-wrap gap-2">
              {actions.includes("exception") ? (
                <ProblemForm
                  kind="exception"
                  parcelId={parcel.id}
                  lastResult={mine?.intent === "exception" ? mine.result : undefined}
                />
              ) : null}
              {actions.includes("cancel") ? (
                <ProblemForm
                  kind="cancel"
                  parcelId={parcel.id}
                  lastResult={mine?.intent === "cancel" ? mine.result : undefined}
                />
              ) : null}
            </div>
          ) : (
            <Link
              to={problemHref}
              preventScrollReset
              className="inline-flex min-h-11 items-center rounded-full border border-stone-300 px-4 text-sm hover:bg-stone-100"
            >
              {label("action.problem")}
            </Link>
          )
        ) : null}
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-stone-700">{t("log.title", { count: parcel.events.length })}</summary>
        <ol className="mt-1 space-y-1 border-l-2 border-stone-200 pl-3">
          {parcel.events.map((event) => (
            <li key={event.id}>
              <time dateTime={new Date(event.createdAt).toISOString()} className="text-stone-600">
                {formatDateTime(event.createdAt, locale)}
              </time>{" "}
              {event.fromStatus ? `${label(`status.${event.fromStatus}`)} → ` : null}
              {label(`status.${event.toStatus}`)}
              {" · "}
              {event.actorName ?? label("log.system")}
              {event.note ? (
                <span className="text-stone-600"> · {historyNoteText(event.note, event.toStatus)}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}
