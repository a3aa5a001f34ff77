// The bottom line of a checkout or order: goods, shipping, total, and how much of it is the workers' premium.
import { useTranslation } from "~/lib/i18n-react";
import { formatMoney } from "~/lib/money";

export function Totals({
  subtotalFen,
  shippingFen,
  totalFen,
  premiumFen,
  discountFen = 0,
  paid = false,
}: {
  subtotalFen: number;
  /** A coupon's discount on the goods. */
  discountFen?: number;
  shippingFen: number;
  totalFen: number;
  premiumFen: number;
  /** On a paid order the total is what was paid, and says so. */
  paid?: boolean;
}) {
  const { t, i18n } = useTranslation("checkout");
  const money = (fen: number) => formatMoney(fen, i18n.language);
  return (
    <div className="space-y-1 rounded-xl border border-stone-200 bg-white p-3 text-sm sm:p-4">
      <dl className="space-y-1">
        <div className="flex justify-between">
          <dt>{t("checkout.subtotal")}</dt>
          <dd className="tabular-nums">{money(subtotalFen)}</dd>
        </div>
        {discountFen > 0 ? (
          <div className="flex justify-between text-red-700">
            <dt>{t("checkout.couponTotal")}</dt>
            <dd className="tabular-nums" data-testid="order-discount">
              −{money(discountFen)}
            </dd>
          </div>
        ) : null}
        <div className="flex justify-between">
          <dt>{t("checkout.shippingTotal")}</dt>
          <dd className="tabular-nums">{money(shippingFen)}</dd>
        </div>
        <div className="flex justify-between border-t border-stone-100 pt-2 text-base font-semibold">
          <dt>{paid ? t("order.totalPaid") : t("checkout.total")}</dt>
          <dd className="tabular-nums text-brand-700" data-testid="order-total">
            {money(totalFen)}
          </dd>
        </div>
      </dl>
      {premiumFen > 0 ? (
        <p className="pt-1 text-xs text-emerald-800">
          {t("checkout.premiumTotal", { amount: money(premiumFen) })}{" "}
          <span className="text-stone-600">{t("checkout.premiumExplain")}</span>
        </p>
      ) : null}
    </div>
  );
}
