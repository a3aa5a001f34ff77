// A statement as the payee reads it: the balances in order, then the settled entries and the deductions, with the
// files to download. Used by the studio, the host's pages and the admin's.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { formatMoney } from "~/lib/money";
import { formatDate, formatDateTime } from "~/lib/shanghai-time";

export type StatementEntryView = {
  id: string;
  number: string;
  titleZh: string;
  titleEn: string;
  amountFen: number;
  deduction: boolean;
  at: string;
};

export type StatementViewData = {
  id: string;
  payeeName: string;
  payeeKind: string;
  periodFrom: string;
  periodTo: string;
  openingFen: number;
  entriesFen: number;
  deductionsFen: number;
  payoutFen: number;
  closingFen: number;
  payoutStatus: string | null;
  entries: StatementEntryView[];
  entryCount: number;
};

export function StatementView({ statement, backTo }: { statement: StatementViewData; backTo: string }) {
  const { t, i18n } = useTranslation("payouts");
  const locale = i18n.language;
  const money = (fen: number) => formatMoney(fen, locale);
  const rows: [string, number][] = [
    [t("statement.opening"), statement.openingFen],
    [t("statement.entries"), statement.entriesFen],
    [t("statement.deductions"), statement.deductionsFen],
    [t("statement.payout"), statement.payoutFen],
    [t("statement.closing"), statement.closingFen],
  ];
  const sales = statement.entries.filter((e) => !e.deduction);
  const deductions = statement.entries.filter((e) => e.deduction);
  return (
    <article className="space-y-4" aria-labelledby="statement-title">
      <p>
        <Link to={backTo} className="text-brand-700 underline">
          {t("statement.back")}
        </Link>
      </p>
      <h2 id="statement-title" className="text-xl font-semibold">
        {t("statement.title")} ·{" "}
        <span lang="zh-CN" translate="no" data-as-written="">
          {statement.payeeName}
        </span>
      </h2>
      <p className="text-sm text-stone-700">
        {t(`payee.${statement.payeeKind}`)} ·{" "}
        {t("statement.period", {
          from: formatDate(statement.periodFrom, locale),
          to: formatDate(statement.periodTo, locale),
        })}
      </p>
      <dl className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
        {rows.map(([label, fen]) => (
          <div key={label} className="flex items-baseline justify-between gap-3 px-4 py-2">
            <dt className="text-stone-700">{label}</dt>
            <dd className="font-semibold tabular-nums">{money(fen)}</dd>
          </div>
        ))}
      </dl>
      {statement.payoutStatus ? (
        <p className="text-sm text-stone-700">{t(`payoutStatus.${statement.payoutStatus}`)}</p>
      ) : null}
      <p className="flex flex-wrap gap-3">
        <a
          href={`/statement-file/${statement.id}?format=pdf`}
          download
          className="inline-flex min-h-11 items-center rounded-full bg-brand-600 px-4 font-medium text-white"
        >
          {t("statement.pdf")}
        </a>
        <a
          href={`/statement-file/${statement.id}?format=csv`}
          download
          className="inline-flex min-h-11 items-center rounded-full border border-stone-300 bg-white px-4 font-medium"
        >
          {t("statement.csv")}
        </a>
      </p>
      <EntryList title={t("statement.entryList", { count: sales.length })} entries={sales} />
      {deductions.length ? (
        <EntryList title={t("statement.deductionList", { count: deductions.length })} entries={deductions} />
      ) : null}
      {statement.entryCount > statement.entries.length ? (
        <p className="text-sm text-stone-600">
          {t("statement.more", { shown: statement.entries.length, count: statement.entryCount })}
        </p>
      ) : null}
    </article>
  );
}

function EntryList({ title, entries }: { title: string; entries: StatementEntryView[] }) {
  const { i18n } = useTranslation("payouts");
  const locale = i18n.language;
  return (
    <section>
      <h3 className="font-semibold">{title}</h3>
      <ul className="mt-2 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
        {entries.map((e) => (
          <li key={e.id} className="flex items-baseline justify-between gap-3 px-4 py-2 text-sm">
            <span className="min-w-0">
              <span className="font-mono">{e.number}</span>{" "}
              <span lang="zh-CN" translate="no" data-as-written="" className="break-words">
                {e.titleZh}
              </span>
              <span className="block text-xs text-stone-600">{formatDateTime(e.at, locale)}</span>
            </span>
            <span className={`tabular-nums ${e.amountFen < 0 ? "text-red-800" : ""}`}>
              {formatMoney(e.amountFen, locale)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export type StatementRow = {
  id: string;
  payeeName: string;
  payeeKind: string;
  periodTo: string;
  payoutFen: number;
  closingFen: number;
};

export function StatementList({ statements }: { statements: StatementRow[] }) {
  const { t, i18n } = useTranslation("payouts");
  if (statements.length === 0) return <p className="text-stone-600">{t("statement.none")}</p>;
  return (
    <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
      {statements.map((s) => (
        <li key={s.id}>
          <Link
            to={`?id=${s.id}`}
            className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-stone-50"
          >
            <span>
              <span className="font-medium">{t(`payee.${s.payeeKind}`)}</span>{" "}
              <span lang="zh-CN" translate="no" data-as-written="">
                {s.payeeName}
              </span>
              <span className="block text-sm text-stone-600">
                {t("statement.until", { date: formatDate(s.periodTo, i18n.language) })}
              </span>
            </span>
            <span className="text-sm tabular-nums">
              {t("statement.rowPayout", { amount: formatMoney(s.payoutFen, i18n.language) })}
              {s.closingFen < 0 ? (
                <span className="block text-red-800">
                  {t("statement.rowCarried", { amount: formatMoney(s.closingFen, i18n.language) })}
                </span>
              ) : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
