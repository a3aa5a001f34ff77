// The impact page's "paid to the workers" figures: from payouts made, not from what the ledger promises.
import { useTranslation } from "~/lib/i18n-react";
import { StatTile } from "~/components/charts/stat-tile";
import { formatMoney } from "~/lib/money";

export type WorkersPaidView = {
  workersPaidThisMonth: number;
  perWorkerMonth: { medianFen: number; minFen: number; maxFen: number; months: number } | null;
  premiumPaidFen: number;
  villagePaidFen: number;
};

export function WorkersPaidPanel({ paid, village }: { paid: WorkersPaidView; village: string }) {
  const { t, i18n } = useTranslation("payouts");
  const money = (fen: number) => formatMoney(fen, i18n.language);
  return (
    <section aria-labelledby="workers-paid" className="mt-6">
      <h2 id="workers-paid" className="text-lg font-semibold">
        {t("impact.title")}
      </h2>
      <p className="text-sm text-stone-700">{t("impact.intro")}</p>
      <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <StatTile label={t("impact.workersThisMonth")} value={String(paid.workersPaidThisMonth)} tone="good" />
        <StatTile
          label={t("impact.perWorkerMonth")}
          value={paid.perWorkerMonth ? money(paid.perWorkerMonth.medianFen) : "—"}
          note={
            paid.perWorkerMonth
              ? t("impact.range", { min: money(paid.perWorkerMonth.minFen), max: money(paid.perWorkerMonth.maxFen) })
              : t("impact.noneYet")
          }
        />
        <StatTile label={t("impact.premiumPaid")} value={money(paid.premiumPaidFen)} tone="good" />
        <StatTile label={t("impact.villagePaid", { village })} value={money(paid.villagePaidFen)} tone="good" />
      </dl>
    </section>
  );
}
