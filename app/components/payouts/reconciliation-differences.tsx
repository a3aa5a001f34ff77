// The differences between a provider's records and the ledger's payouts, one card each: what differs, the payee,
// the orders, both amounts and both references, so an admin can find the money.
import { useTranslation } from "~/lib/i18n-react";
import { formatMoney } from "~/lib/money";

export type DifferenceRow = {
  kind: string;
  payoutId: string | null;
  payeeKind: string | null;
  payeeId: string | null;
  accountRef: string | null;
  orderIds: string[];
  ledgerFen: number | null;
  providerFen: number | null;
  ledgerRef: string | null;
  providerRefs: string[];
  ledgerStatus: string | null;
};

export function ReconciliationDifferences({ differences }: { differences: DifferenceRow[] }) {
  const { t, i18n } = useTranslation("admin");
  const money = (fen: number | null) => (fen === null ? t("reconcile.none") : formatMoney(fen, i18n.language));
  return (
    <ul className="space-y-3">
      {differences.map((d, index) => (
        <li
          key={`${d.kind}-${d.payoutId ?? d.providerRefs.join()}-${index}`}
          className="rounded-2xl border border-amber-300 bg-white p-4 shadow-sm"
        >
          <p className="text-lg font-semibold">{t(`reconcile.kind.${d.kind}`)}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-stone-600">{t("reconcile.payee")}</dt>
            <dd className="break-all font-mono" translate="no">
              {d.payeeKind
                ? `${t(`reconcile.payeeKind.${d.payeeKind}`)} · ${d.payeeId}`
                : (d.accountRef ?? t("reconcile.none"))}
            </dd>
            <dt className="text-stone-600">{t("reconcile.orders")}</dt>
            <dd className="break-all font-mono" translate="no">
              {d.orderIds.length ? d.orderIds.join(", ") : t("reconcile.none")}
            </dd>
            <dt className="text-stone-600">{t("reconcile.payout")}</dt>
            <dd className="break-all font-mono" translate="no">
              {d.payoutId ?? t("reconcile.none")}
            </dd>
            <dt className="text-stone-600">{t("reconcile.ledger")}</dt>
            <dd>
              {money(d.ledgerFen)}
              {d.ledgerStatus ? ` · ${t(`reconcile.status.${d.ledgerStatus}`, { defaultValue: d.ledgerStatus })}` : ""}
            </dd>
            <dt className="text-stone-600">{t("reconcile.provider")}</dt>
            <dd>{money(d.providerFen)}</dd>
            <dt className="text-stone-600">{t("reconcile.refs")}</dt>
            <dd className="break-all font-mono" translate="no">
              {[d.ledgerRef ?? "—", d.providerRefs.join(", ") || "—"].join(" / ")}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
