// An approved host's income: each show's peak viewers, orders, conversion, sales and commission, from the ledger.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { BarChart } from "~/components/charts/bar-chart";
import { chartMoney } from "~/components/charts/money-axis";
import { StatTile } from "~/components/charts/stat-tile";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { hostDashboard } from "~/domain/ledger/dashboards.server";
import { hostAudience } from "~/domain/notices/audience.server";
import { forbidden, requireViewer } from "~/web/auth.server";
import { formatMoney } from "~/lib/money";
import { formatDateTime } from "~/lib/shanghai-time";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["dashboard", "fulfil"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (viewer.host?.status !== "approved") forbidden();
  const [dashboard, audience] = await Promise.all([hostDashboard(viewer.host.id), hostAudience(viewer.host.id)]);
  return {
    ...dashboard,
    audience,
    pageTitle: await pageTitle(request, (t) => t("dashboard:host.title")),
  };
}

export default function HostDashboard() {
  const { t, i18n } = useTranslation("dashboard");
  const locale = i18n.language;
  const { shows, totals, audience } = useLoaderData<typeof loader>();
  const cameOf = (showId: string) => audience.byShow[showId] ?? { reminders: 0, came: 0 };
  const money = (fen: number) => formatMoney(fen, locale);
  const rows = shows.slice(0, 12).map((show) => ({ key: show.id, label: show.title, value: show.salesFen }));
  const top = [...rows].sort((a, b) => b.value - a.value)[0];
  return (
    <main id="main" className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
      <h1 className="text-2xl font-semibold">{t("host.title")}</h1>
      <p className="text-sm text-stone-600">{t("host.intro")}</p>
      <dl className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-3">
        <StatTile label={t("host.stat.orders")} value={String(totals.orders)} />
        <StatTile label={t("host.stat.sales")} value={money(totals.salesFen)} />
        <StatTile label={t("host.stat.commission")} value={money(totals.commissionFen)} tone="good" />
      </dl>
      <dl className="mt-2 grid grid-cols-3 gap-2" data-testid="host-audience">
        <StatTile label={t("host.stat.followers")} value={String(audience.followers)} />
        <StatTile label={t("host.stat.reminders")} value={String(audience.reminders)} />
        <StatTile label={t("host.stat.remindedCame")} value={String(audience.came)} />
      </dl>
      <div className="mt-4">
        <BarChart
          title={t("host.chart.sales")}
          description={top ? t("chart.topDesc", { top: top.label, value: money(top.value) }) : t("chart.empty")}
          tableLabel={t("chart.table")}
          columns={[t("host.col.show"), t("host.col.sales")]}
          rows={rows}
          format={(fen) => chartMoney(fen, locale)}
          empty={t("chart.empty")}
        />
      </div>
      <section aria-labelledby="shows-title" className="mt-4 rounded-xl border border-stone-200 bg-white p-3">
        <h2 id="shows-title" className="text-base font-semibold">
          {t("host.table")}
        </h2>
        {shows.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("host.none")}</p>
        ) : (
          <>
            <ul className="mt-2 space-y-2 sm:hidden">
              {shows.map((show) => (
                <li key={show.id} className="rounded-lg bg-stone-50 p-2 text-sm">
                  <p className="font-medium" data-as-written>
                    {show.title}
                  </p>
                  <p className="text-stone-600">{formatDateTime(show.scheduledAt, locale)}</p>
                  <dl className="mt-1 grid grid-cols-3 gap-1">
                    {[
                      ["peak", String(show.peakViewers)],
                      ["orders", String(show.orders)],
                      ["conversion", show.conversion === null ? "—" : `${(show.conversion * 100).toFixed(1)}%`],
                      ["sales", money(show.salesFen)],
                      ["commission", money(show.commissionFen)],
                      ["reminders", String(cameOf(show.id).reminders)],
                      ["came", String(cameOf(show.id).came)],
                    ].map(([column, value]) => (
                      <div key={column}>
                        <dt className="text-xs text-stone-600">{t(`host.col.${column}`)}</dt>
                        <dd className="font-semibold tabular-nums">{value}</dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ul>
            <div className="mt-2 hidden overflow-x-auto sm:block">
              <table className="w-full min-w-[40rem] text-left text-sm">
                <thead>
                  <tr className="border-b border-stone-200 text-stone-600">
                    {["show", "date", "peak", "orders", "conversion", "sales", "commission", "reminders", "came"].map(
                      (column) => (
                        <th
                          key={column}
                          scope="col"
                          className={`py-2 pr-2 font-medium ${column === "show" || column === "date" ? "" : "text-right"}`}
                        >
                          {t(`host.col.${column}`)}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {shows.map((show) => (
                    <tr key={show.id} className="border-b border-stone-100" data-testid="host-show">
                      <th scope="row" className="py-2 pr-2 font-normal" data-as-written>
                        {show.title}
                      </th>
                      <td className="py-2 pr-2 whitespace-nowrap">{formatDateTime(show.scheduledAt, locale)}</td>
                      <td className="py-2 pr-2 text-right tabular-nums">{show.peakViewers}</td>
                      <td className="py-2 pr-2 text-right tabular-nums">{show.orders}</td>
                      <td className="py-2 pr-2 text-right tabular-nums">
                        {show.conversion === null ? "—" : `${(show.conversion * 100).toFixed(1)}%`}
                      </td>
                      <td className="py-2 pr-2 text-right tabular-nums">{money(show.salesFen)}</td>
                      <td className="py-2 pr-2 text-right tabular-nums">{money(show.commissionFen)}</td>
                      <td className="py-2 pr-2 text-right tabular-nums">{cameOf(show.id).reminders}</td>
                      <td className="py-2 text-right tabular-nums">{cameOf(show.id).came}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
