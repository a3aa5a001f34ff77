// The checkout's coupon choice: the shopper's usable claims, best first (the one applied is checked), another, or
// none. A plain GET form, so it works without JavaScript; with it, choosing re-prices at once.
import { Form, useSubmit } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import type { CouponOption } from "~/domain/promotions/coupon-choice";
import { formatMoney } from "~/lib/money";
import { CouponTermsText } from "../coupon-terms";

type Option = Omit<CouponOption, "expiresAt"> & { expiresAt: string | Date };

export function CouponPicker({
  options,
  applied,
  keep,
}: {
  options: Option[];
  /** The claim applied, or null for none. */
  applied: string | null;
  /** The query to keep (a buy-now's item, the sheet flag). */
  keep: Record<string, string>;
}) {
  const { t, i18n } = useTranslation("checkout");
  const submit = useSubmit();
  if (!options.length) return null;
  const money = (fen: number) => formatMoney(fen, i18n.language);
  return (
    <Form method="get" replace preventScrollReset onChange={(event) => submit(event.currentTarget, { replace: true })}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="space-y-2 rounded-xl border border-stone-200 bg-white p-3">
        <legend className="px-1 font-semibold">{t("coupon.title")}</legend>
        {options.map((option) => (
          <label key={option.claimId} className="flex min-h-11 items-start gap-2 text-sm">
            <input
              type="radio"
              name="coupon"
              value={option.claimId}
              defaultChecked={option.claimId === applied}
              disabled={option.problem !== null}
              className="mt-1 h-4 w-4"
            />
            <span>
              <CouponTermsText terms={option.terms} />
              {option.problem ? (
                <span className="block text-xs text-stone-600">{t(`coupon.problem.${option.problem}`)}</span>
              ) : (
                <span className="block text-xs text-red-700">
                  {t("coupon.saves", { amount: money(option.discountFen) })}
                </span>
              )}
            </span>
          </label>
        ))}
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="radio" name="coupon" value="none" defaultChecked={applied === null} className="h-4 w-4" />
          {t("coupon.none")}
        </label>
        <noscript>
          <button type="submit" className="min-h-11 rounded-full border border-brand-600 px-4 text-sm text-brand-700">
            {t("coupon.apply")}
          </button>
        </noscript>
      </fieldset>
    </Form>
  );
}
