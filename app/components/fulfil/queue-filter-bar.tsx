// Which part of the queue is shown: status tabs with counts, and show / product / batch filters (a plain GET form,
// so it works without JavaScript), with the print and export of exactly what is filtered.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { inputClass } from "~/components/ui/field";
import { queueQuery } from "./queue-query";

const TABS = [
  "open",
  "overdue",
  "waiting",
  "queued",
  "accepted",
  "packed",
  "shipped",
  "delivered",
  "exception",
  "cancelled",
  "all",
] as const;

type Props = {
  slug: string;
  filters: { status: string; show?: string; product?: string; batch?: string; page: number };
  counts: Record<string, number>;
  options: {
    shows: { id: string; title: string }[];
    products: { id: string; titleZh: string; titleEn: string }[];
    batches: { id: string; nameZh: string; nameEn: string }[];
  };
};

export function QueueFilterBar({ slug, filters, counts, options }: Props) {
  const { t, i18n } = useTranslation("fulfil");
  const en = i18n.language === "en";
  const base = `/studio/${slug}/fulfilment`;
  const filtered = queueQuery({ ...filters, page: 1 });
  return (
    <section aria-label={t("filters.label")} className="mt-4">
      <nav aria-label={t("filters.tabs")} className="-mx-3 overflow-x-auto px-3">
        <ul className="flex gap-1 whitespace-nowrap">
          {TABS.map((tab) => {
            const active = filters.status === tab;
            const alarming = tab === "overdue" && counts.overdue > 0;
            return (
              <li key={tab}>
                <Link
                  to={`${base}${queueQuery(filters, { status: tab, page: 1 })}`}
                  aria-current={active ? "page" : undefined}
                  className={`inline-flex min-h-11 items-center gap-1 rounded-full px-3 text-sm ${
                    active ? "bg-stone-900 text-white" : alarming ? "bg-red-50 text-red-800" : "bg-white text-stone-800"
                  } border border-stone-200`}
                >
                  {t(`status.${tab}`)}
                  <span
                    className={`rounded-full px-1.5 text-xs ${active ? "bg-white/20" : "bg-stone-100 text-stone-700"}`}
                  >
                    {counts[tab] ?? 0}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <details open={Boolean(filters.show || filters.product || filters.batch)} className="mt-3">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-stone-800">
          {t("filters.more")}
        </summary>
        <Form method="get" action={base} className="mt-1 grid grid-cols-1 gap-2 sm:grid-cols-4 sm:items-end">
          <input type="hidden" name="status" value={filters.status} />
          <label className="text-sm font-medium text-stone-800">
            {t("filters.show")}
            <select name="show" defaultValue={filters.show ?? ""} className={inputClass}>
              <option value="">{t("filters.any")}</option>
              {options.shows.map((show) => (
                <option key={show.id} value={show.id} data-as-written>
                  {show.title}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-stone-800">
            {t("filters.product")}
            <select name="product" defaultValue={filters.product ?? ""} className={inputClass}>
              <option value="">{t("filters.any")}</option>
              {options.products.map((product) => (
                <option key={product.id} value={product.id}>
                  {en ? product.titleEn : product.titleZh}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-stone-800">
            {t("filters.batch")}
            <select name="batch" defaultValue={filters.batch ?? ""} className={inputClass}>
              <option value="">{t("filters.any")}</option>
              {options.batches.map((batch) => (
                <option key={batch.id} value={batch.id}>
                  {en ? batch.nameEn : batch.nameZh}
                </option>
              ))}
            </select>
          </label>
          <div className="flex gap-2">
            <button type="submit" className="min-h-11 flex-1 rounded-full bg-stone-900 px-4 font-medium text-white">
              {t("filters.apply")}
            </button>
            <Link
              to={`${base}${queueQuery({ status: filters.status, page: 1 })}`}
              className="inline-flex min-h-11 items-center px-2 text-sm text-stone-700 underline"
            >
              {t("filters.clear")}
            </Link>
          </div>
        </Form>
      </details>
      <div className="mt-2 flex flex-wrap gap-2 text-sm">
        <a
          href={`${base}/slips${filtered}`}
          target="_blank"
          rel="noreferrer"
          className="rounded-full border border-stone-300 bg-white px-3 py-2 hover:bg-stone-100"
        >
          {t("filters.printAll")}
        </a>
        <a
          href={`${base}/export${filtered}`}
          download
          className="rounded-full border border-stone-300 bg-white px-3 py-2 hover:bg-stone-100"
        >
          {t("filters.export")}
        </a>
      </div>
    </section>
  );
}
