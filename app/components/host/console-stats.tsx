// The host's live figures: viewers now and at peak, orders and sales from this show.
import { useTranslation } from "~/lib/i18n-react";
import { formatMoney } from "~/lib/money";

type Props = { viewers: number; peak: number; orders: number; salesFen: number; locale: string };

export function ConsoleStats({ viewers, peak, orders, salesFen, locale }: Props) {
  const { t } = useTranslation("live");
  const tiles = [
    { label: t("stats.viewers"), value: viewers.toLocaleString(locale), testId: "stat-viewers" },
    { label: t("stats.peak"), value: peak.toLocaleString(locale), testId: "stat-peak" },
    { label: t("stats.orders"), value: orders.toLocaleString(locale), testId: "stat-orders" },
    { label: t("stats.sales"), value: formatMoney(salesFen, locale), testId: "stat-sales" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {tiles.map((tile) => (
        <div key={tile.label} className="rounded-2xl bg-white p-3 shadow-sm ring-1 ring-stone-200">
          <dt className="text-xs text-stone-600">{tile.label}</dt>
          <dd className="text-xl font-bold tabular-nums" data-testid={tile.testId}>
            {tile.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
