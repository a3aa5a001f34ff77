// A coupon's terms in words: 满 ¥99 减 ¥10, or 9 折 up to ¥20, from its figures (never from text someone wrote).
import { useTranslation } from "~/lib/i18n-react";
import type { CouponTerms } from "~/domain/promotions/coupon-discount";
import { formatMoney } from "~/lib/money";

export function CouponTermsText({ terms }: { terms: CouponTerms }) {
  const { t, i18n } = useTranslation("common");
  const money = (fen: number) => formatMoney(fen, i18n.language);
  if (terms.kind === "amount_off")
    return (
      <span className="font-medium">
        {terms.thresholdFen > 0
          ? t("coupon.amountOver", { threshold: money(terms.thresholdFen), amount: money(terms.amountOffFen ?? 0) })
          : t("coupon.amount", { amount: money(terms.amountOffFen ?? 0) })}
      </span>
    );
  const percent = (terms.percentOffBp ?? 0) / 100;
  // 9 折 is 10 % off: what is paid, in tenths.
  const zhe = (10_000 - (terms.percentOffBp ?? 0)) / 1000;
  return (
    <span className="font-medium">
      {terms.thresholdFen > 0
        ? t("coupon.percentOver", { threshold: money(terms.thresholdFen), percent, zhe, cap: money(terms.capFen ?? 0) })
        : t("coupon.percent", { percent, zhe, cap: money(terms.capFen ?? 0) })}
    </span>
  );
}
