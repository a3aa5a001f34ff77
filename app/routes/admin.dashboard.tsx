// The whole market at a glance for admins: sales, what reached workers and villages (per village), and who is
// waiting for approval.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { AreaChart } from "~/components/charts/area-chart";
import { BarChart } from "~/components/charts/bar-chart";
import { chartMoney } from "~/components/charts/money-axis";
import { StatTile } from "~/components/charts/stat-tile";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { adminDashboard } from "~/domain/ledger/dashboards.server";
import { requireAdmin } from "~/web/auth.server";
import { formatMoney } from "~/lib/money";
import { formatDate } from "~/lib/shanghai-time";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["dashboard", "fulfil"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { ...(await adminDashboard()), pageTitle: await pageTitle(request, (t) => t("dashboard:admin.title")) };
}

export default function AdminDashboard() {
  const { t, i18n } = useTranslation("dashboard");
  const locale = i18n.language;
  const en = locale === "en";
  const figures = useLoaderData<typeof loader>();
  const money = (fen: number) => formatMoney(fen, locale);
  const short = (fen: number) => chartMoney(fen, locale);
  const common = { tableLabel: t("chart.table"), format: short, empty: t("chart.empty") };
  const villages = figures.villages.map((v) => ({
    key: v.villageZh,
    label: en ? (v.villageEn ?? v.villageZh) : v.villageZh,
    value: v.fen,
  }));
  const workshops = figures.byWorkshop.map((w) => ({ key: w.id, label: en ? w.labelEn : w.labelZh, value: w.fen }));
  const top = (rows: typeof villages) =>
    rows[0] ? t("chart.topDesc", { top: rows[0].label, value: money(rows[0].value) }) : t("chart.empty");
  const best = figures.salesByDay.reduce((a, b) => (b.fen > a.fen ? b : a), figures.salesByDay[0]);
  return (
    <main id="main" className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
      <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
      <dl className="mt-4 grid grid-cols-2 gap-2 lg:grid-cols-4">
        <StatTile
          label={t("admin.stat.sales")}
          value={money(figures.totals.sales)}
          note={`${t("admin.stat.period")} ${money(figures.periodSalesFen)}`}
        />
        <StatTile label={t("admin.stat.premium")} value={money(figures.totals.premium)} tone="good" />
        <StatTile label={t("admin.stat.village")} value={money(figures.totals.village)} tone="good" />
        <StatTile label={t("admin.stat.platform")} value={money(figures.totals.platform)} />
      </dl>
      <div className="mt-4 grid gap-3 lg:grid-cols-3">
        <div>
          <AreaChart
            {...common}
            title={t("admin.chart.sales")}
            description={t("chart.salesByDayDesc", {
              total: money(figures.periodSalesFen),
              day: best.day,
              best: money(best.fen),
            })}
            columns={[t("col.day"), t("col.sales")]}
            rows={figures.salesByDay.map((day) => ({ key: day.day, label: day.day, value: day.fen }))}
            axisLabel={(row) => row.label.slice(5)}
          />
        </div>
        <BarChart
          {...common}
          title={t("admin.chart.villages")}
          description={top(villages)}
          columns={[t("col.village"), t("col.villageFund")]}
          rows={villages}
          color="#15803d"
        />
        <BarChart
          {...common}
          title={t("admin.chart.workshops")}
          description={top(workshops)}
          columns={[t("col.workshop"), t("col.sales")]}
          rows={workshops}
        />
      </div>
      <div className="mt-4 grid gap-3 md:grid-cols-2">
        <PendingList
          title={t("admin.pending.workshops")}
          items={figures.pendingWorkshops.map((w) => ({
            id: w.id,
            name: en ? w.nameEn : w.nameZh,
            place: en ? w.villageEn : w.villageZh,
            since: w.createdAt,
          }))}
        />
        <PendingList
          title={t("admin.pending.hosts")}
          items={figures.pendingHosts.map((h) => ({
            id: h.id,
            name: en ? h.displayNameEn : h.displayNameZh,
            place: en ? h.villageEn : h.villageZh,
            since: h.createdAt,
          }))}
        />
      </div>
    </main>
  );
}

function PendingList({
  title,
  items,
}: {
  title: string;
  items: { id: string; name: string; place: string; since: Date }[];
}) {
  const { t, i18n } = useTranslation("dashboard");
  return (
    <section className="rounded-xl border border-stone-200 bg-white p-3" aria-label={title}>
      <h2 className="flex items-center justify-between text-base font-semibold">
        {title} <span className="rounded-full bg-amber-100 px-2 text-sm text-amber-900">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t("admin.pending.none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-100">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{item.name}</span>{" "}
                <span className="text-sm text-stone-600">{item.place}</span>
              </span>
              <span className="text-xs text-stone-600">
                {t("admin.pending.since", { date: formatDate(item.since, i18n.language) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {items.length ? (
        <Link to="/admin" className="mt-2 inline-block text-sm text-brand-700 underline">
          {t("admin.pending.review")}
        </Link>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
