// The workshop's income: sales per day, per show and per product, the premium its workers got, shipping on time,
// and the parcels still to do. Drawn on the server as SVG, so the page needs no chart library.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { AreaChart } from "~/components/charts/area-chart";
import { BarChart } from "~/components/charts/bar-chart";
import { chartMoney } from "~/components/charts/money-axis";
import { StatTile } from "~/components/charts/stat-tile";
import { ConsoleNav } from "~/components/fulfil/console-nav";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { StudioReplays } from "~/components/studio/studio-replays";
import { workshopDashboard } from "~/domain/ledger/dashboards.server";
import { replaysThatSold } from "~/domain/live/recordings.server";
import { requireWorkshopMember } from "~/web/auth.server";
import { formatMoney } from "~/lib/money";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["aftersales", "dashboard", "fulfil", "luckybag"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const [figures, replays] = await Promise.all([workshopDashboard(workshop.id), replaysThatSold(workshop.id)]);
  return {
    workshop: { slug: workshop.slug, nameZh: workshop.nameZh, nameEn: workshop.nameEn },
    figures,
    replays: replays.map((replay) => ({ ...replay, endedAt: replay.endedAt?.toISOString() ?? null })),
    pageTitle: await pageTitle(request, (t) => t("dashboard:workshop.title")),
  };
}

export default function WorkshopDashboard() {
  const { t, i18n } = useTranslation("dashboard");
  const locale = i18n.language;
  const en = locale === "en";
  const { workshop, figures, replays } = useLoaderData<typeof loader>();
  const money = (fen: number) => formatMoney(fen, locale);
  const short = (fen: number) => chartMoney(fen, locale);
  const best = figures.salesByDay.reduce((top, day) => (day.fen > top.fen ? day : top), figures.salesByDay[0]);
  const named = (rows: typeof figures.salesByShow) =>
    rows.map((row) => ({ key: row.id, label: en ? row.labelEn : row.labelZh, value: row.fen }));
  const topDesc = (rows: ReturnType<typeof named>) =>
    rows[0] ? t("chart.topDesc", { top: rows[0].label, value: money(rows[0].value) }) : t("chart.empty");
  const shows = named(figures.salesByShow);
  const products = named(figures.salesByProduct);
  const { shipping, parcels, totals } = figures;
  const common = { tableLabel: t("chart.table"), format: short, empty: t("chart.empty") };
  return (
    <main id="main" className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
      <ConsoleNav slug={workshop.slug} current="dashboard" />
      <h1 className="mt-2 text-2xl font-semibold">
        {t("workshop.title")} · {en ? workshop.nameEn : workshop.nameZh}
      </h1>
      <p className="text-sm text-stone-600">{t("workshop.intro")}</p>
      <dl className="mt-4 grid grid-cols-2 gap-2 lg:grid-cols-5">
        <StatTile
          label={t("stat.sales")}
          value={money(figures.periodSalesFen)}
          note={`${t("stat.salesAll")} ${money(totals.sales)}`}
        />
        <StatTile
          label={t("stat.net")}
          value={money(totals.periodWorkshop)}
          note={`${t("stat.netAll")} ${money(totals.workshop)}`}
          tone="good"
        />
        <StatTile
          label={t("stat.premium")}
          value={money(totals.periodPremium)}
          note={`${t("stat.premiumAll")} ${money(totals.premium)}`}
          tone="good"
        />
        <StatTile
          label={t("stat.onTime")}
          value={shipping.rate === null ? "—" : `${Math.round(shipping.rate * 100)}%`}
          note={shipping.rate === null ? t("stat.onTimeNone") : t("stat.onTimeNote", shipping)}
          tone={shipping.rate !== null && shipping.rate < 0.9 ? "alarm" : "plain"}
        />
        <StatTile
          label={t("stat.open")}
          value={String(parcels.open)}
          note={`${t("stat.overdue")} ${parcels.overdue} · ${t("stat.waiting", { count: parcels.waiting })}`}
          tone={parcels.overdue > 0 ? "alarm" : "plain"}
        />
      </dl>
      <p className="mt-2 text-sm">
        <Link to={`/studio/${workshop.slug}/fulfilment?status=overdue`} className="text-brand-700 underline">
          {t("link.queue")}
        </Link>
        {" · "}
        {t("stat.village")} {money(totals.village)}
      </p>
      <div className="mt-4 grid gap-3 lg:grid-cols-3">
        <div>
          <AreaChart
            {...common}
            title={t("chart.salesByDay")}
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
          title={t("chart.byShow")}
          description={topDesc(shows)}
          columns={[t("col.show"), t("col.sales")]}
          rows={shows}
        />
        <BarChart
          {...common}
          title={t("chart.byProduct")}
          description={topDesc(products)}
          columns={[t("col.product"), t("col.sales")]}
          rows={products}
          color="#15803d"
        />
      </div>
      <StudioReplays replays={replays} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
