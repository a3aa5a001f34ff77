// The queue itself: one card per parcel in packing order, checkboxes for bulk accept / print / ship, and pages.
import { Pager } from "~/components/ui/pager";
import { useTranslation } from "~/lib/i18n-react";
import type { ConsoleParcel } from "./parcel-card";
import { ParcelCard, type ConsoleActionResult } from "./parcel-card";
import { queueQuery } from "./queue-query";

type Props = {
  slug: string;
  now: Date;
  filters: { status: string; show?: string; product?: string; batch?: string; page: number };
  problemId: string | null;
  queue: { parcels: ConsoleParcel[]; total: number; page: number; pages: number };
  actionData: ConsoleActionResult;
};

export function ParcelList({ slug, now, filters, problemId, queue, actionData }: Props) {
  const { t } = useTranslation("fulfil");
  const base = `/studio/${slug}/fulfilment`;
  const button = "min-h-11 rounded-full border border-stone-300 bg-white px-3 text-sm font-medium hover:bg-stone-100";
  return (
    <section aria-labelledby="queue-title" className="mt-4">
      <h2 id="queue-title" className="sr-only">
        {t("queue.title")}
      </h2>
      {/* A plain form: printing opens a new tab, which a client-side submission would not do. */}
      <form
        id="bulk"
        method="post"
        className="sticky top-14 z-10 flex flex-wrap items-center gap-2 rounded-xl border border-stone-200 bg-stone-50/95 p-2 backdrop-blur"
      >
        <input type="hidden" name="selection" value="1" />
        <span className="text-sm text-stone-700">{t("bulk.label")}</span>
        <button type="submit" name="intent" value="bulk-accept" className={button}>
          {t("bulk.accept")}
        </button>
        <button type="submit" formMethod="get" formAction={`${base}/slips`} formTarget="_blank" className={button}>
          {t("bulk.print")}
        </button>
        <button type="submit" formMethod="get" formAction={base} name="view" value="ship" className={button}>
          {t("bulk.ship")}
        </button>
        <span className="ml-auto text-sm text-stone-600">{t("queue.total", { count: queue.total })}</span>
      </form>
      {actionData && "intent" in actionData && actionData.intent === "bulk-accept" && "result" in actionData ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {t("error.noneSelected")}
        </p>
      ) : null}
      {queue.parcels.length === 0 ? (
        <p className="mt-6 rounded-xl bg-white p-6 text-center text-stone-700">{t("queue.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {queue.parcels.map((parcel) => (
            <li key={parcel.id}>
              <ParcelCard
                parcel={parcel}
                problemOpen={problemId === parcel.id}
                problemHref={`${base}${queueQuery(filters, {}, { problem: parcel.id })}#parcel-${parcel.id}`}
                now={now}
                slug={slug}
                actionData={actionData}
              />
            </li>
          ))}
        </ol>
      )}
      <Pager
        label={t("queue.pages")}
        prev={
          queue.page > 1
            ? { href: `${base}${queueQuery(filters, { page: queue.page - 1 })}`, text: t("queue.prev") }
            : null
        }
        next={
          queue.page < queue.pages
            ? { href: `${base}${queueQuery(filters, { page: queue.page + 1 })}`, text: t("queue.next") }
            : null
        }
        position={t("queue.page", { page: queue.page, pages: queue.pages })}
      />
    </section>
  );
}
