// A workshop's public impact page (/workshops/<slug>/impact): what its live streams brought its workers and its
// village, this month and in all, straight from the ledger. Named with "_" so it does not nest in the workshop page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { BarChart } from "~/components/charts/bar-chart";
import { chartMoney } from "~/components/charts/money-axis";
import { StatTile } from "~/components/charts/stat-tile";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { workshopImpact } from "~/domain/ledger/workshop-impact.server";
import { workersPaid } from "~/domain/payouts/worker-impact.server";
import { WorkersPaidPanel } from "~/components/payouts/workers-paid-panel";
import { invariantResponse } from "~/web/http.server";
import { formatMoney } from "~/lib/money";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["dashboard", "payouts"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const impact = await workshopImpact(params.slug ?? "");
  invariantResponse(impact, "Workshop not found");
  const { nameZh, nameEn } = impact.workshop;
  const paid = await workersPaid({ id: impact.workshop.id, villageZh: impact.workshop.villageZh });
  return {
    ...impact,
    paid,
    pageTitle: await pageTitle(request, (t, locale) =>
      t("dashboard:impact.title", { name: locale === "en" ? nameEn : nameZh }),
    ),
  };
}

export default function WorkshopImpactPage() {
  const { t, i18n } = useTranslation("dashboard");
  const locale = i18n.language;
  const en = locale === "en";
  const { workshop, month, allTime, series, parcelsShipped, paid } = useLoaderData<typeof loader>();
  const money = (fen: number) => formatMoney(fen, locale);
  const village = en ? workshop.villageEn : workshop.villageZh;
  const common = {
    tableLabel: t("chart.table"),
    format: (fen: number) => chartMoney(fen, locale),
    empty: t("chart.empty"),
  };
  const monthRows = (key: "premiumFen" | "villageFen") =>
    series.map((row) => ({ key: row.month, label: row.month, value: row[key] }));
  const total = (key: "premiumFen" | "villageFen") => money(series.reduce((sum, row) => sum + row[key], 0));
  const rate = (bp: number) => (bp / 100).toFixed(bp % 100 ? 1 : 0);
  return (
    <main id="main" className="mx-auto max-w-4xl px-3 py-6 sm:px-4">
      <h1 className="text-2xl font-semibold">{t("impact.title", { name: en ? workshop.nameEn : workshop.nameZh })}</h1>
      <p className="mt-1 text-sm text-stone-600">
        {village} · {en ? workshop.districtEn : workshop.districtZh}
        {workshop.workersCount ? ` · ${t("impact.workers", { count: workshop.workersCount })}` : null}
      </p>
      <p className="mt-3 text-stone-800">{t("impact.intro")}</p>
      {[
        { heading: t("impact.month"), figures: month },
        { heading: t("impact.allTime"), figures: allTime },
      ].map(({ heading, figures }) => (
        <section key={heading} aria-label={heading} className="mt-5">
          <h2 className="text-lg font-semibold">{heading}</h2>
          <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            <StatTile label={t("impact.premium")} value={money(figures.premiumFen)} tone="good" />
            <StatTile label={t("impact.village", { village })} value={money(figures.villageFen)} tone="good" />
            <StatTile label={t("impact.workshop")} value={money(figures.workshopFen)} />
            <StatTile
              label={t("impact.sales")}
              value={money(figures.salesFen)}
              note={`${t("impact.orders")} ${figures.orders}`}
            />
          </dl>
        </section>
      ))}
      <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-stone-700">
        {workshop.premiumRateBp ? <li>{t("impact.premiumRule", { rate: rate(workshop.premiumRateBp) })}</li> : null}
        <li>{t("impact.villageRule", { rate: rate(workshop.villageFundRateBp) })}</li>
        <li>
          {t("impact.parcels")}: {parcelsShipped}
        </li>
      </ul>
      <div className="mt-5 grid gap-3 md:grid-cols-2">
        <BarChart
          {...common}
          title={t("impact.chart.premium")}
          description={t("impact.last12", { total: total("premiumFen") })}
          columns={[t("col.month"), t("col.premium")]}
          rows={monthRows("premiumFen")}
          color="#15803d"
        />
        <BarChart
          {...common}
          title={t("impact.chart.village")}
          description={t("impact.last12", { total: total("villageFen") })}
          columns={[t("col.month"), t("col.villageFund")]}
          rows={monthRows("villageFen")}
          color="#b45309"
        />
      </div>
      <WorkersPaidPanel paid={paid} village={village} />
      <p className="mt-6">
        <Link to={`/workshops/${workshop.slug}`} className="text-brand-700 underline">
          {t("impact.back")}
        </Link>
      </p>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
