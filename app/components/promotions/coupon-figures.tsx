// Each coupon's figures for a dashboard: its terms, claimed of its total, used on paid orders, the sales those
// orders came to and the discount given.
import { useTranslation } from "~/lib/i18n-react";
import type { CouponFigures } from "~/domain/promotions/coupons.server";
import { formatMoney } from "~/lib/money";
import { CouponTermsText } from "../coupon-terms";

export function CouponFiguresTable({ coupons }: { coupons: CouponFigures[] }) {
  const { t, i18n } = useTranslation("promotions");
  const money = (fen: number) => formatMoney(fen, i18n.language);
  if (!coupons.length) return <p className="text-sm text-stone-600">{t("page.none")}</p>;
  return (
    // Focusable, so a keyboard can scroll the table on a phone.
    <div tabIndex={0} className="overflow-x-auto rounded-2xl bg-white ring-1 ring-stone-200">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="bg-stone-50 text-stone-700">
          <tr>
            <th className="px-3 py-2">{t("figures.terms")}</th>
            <th className="px-3 py-2">{t("figures.scope")}</th>
            <th className="px-3 py-2 text-right">{t("figures.given")}</th>
            <th className="px-3 py-2 text-right">{t("figures.used")}</th>
            <th className="px-3 py-2 text-right">{t("figures.sales")}</th>
            <th className="px-3 py-2 text-right">{t("figures.discount")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {coupons.map((coupon) => (
            <tr key={coupon.couponId}>
              <td className="px-3 py-2">
                <CouponTermsText terms={coupon} />
              </td>
              <td className="px-3 py-2">{t(`form.scope.${coupon.scope}`)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {coupon.total - coupon.remaining} / {coupon.total}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{coupon.used}</td>
              <td className="px-3 py-2 text-right tabular-nums">{money(coupon.salesFen)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{money(coupon.discountFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
