// The returns rule of a product, said before buying (product page, checkout) and again on the request form:
// 七天无理由退货, or the perishable (坏果包赔 within 48 hours) or made-to-order exemption.
import { useTranslation } from "~/lib/i18n-react";
import { returnPolicyOf, type ReturnPolicy } from "~/domain/after-sales/rules";

const TONE: Record<ReturnPolicy, string> = {
  seven_days: "border-emerald-200 bg-emerald-50 text-emerald-900",
  perishable: "border-sky-200 bg-sky-50 text-sky-900",
  custom: "border-amber-200 bg-amber-50 text-amber-900",
};

export function ReturnPolicyNotice({
  policy,
  product,
  compact = false,
}: {
  policy?: ReturnPolicy;
  product?: { perishable: boolean; customisable: boolean };
  compact?: boolean;
}) {
  const { t } = useTranslation("aftersales");
  const rule = policy ?? (product ? returnPolicyOf(product) : "seven_days");
  if (compact) {
    return (
      <p className="text-xs text-stone-700" data-testid="return-policy" data-policy={rule}>
        {t(`policy.${rule}`)}
      </p>
    );
  }
  return (
    <p className={`rounded-lg border p-2 text-sm ${TONE[rule]}`} data-testid="return-policy" data-policy={rule}>
      <span className="block font-medium">{t("policy.title")}</span>
      {t(`policy.${rule}`)}
    </p>
  );
}

/** Checkout's list: each item's returns rule, said before the order is placed. */
export function ReturnPolicyList({
  lines,
}: {
  lines: { variantId: string; titleZh: string; titleEn: string; perishable: boolean; customisable: boolean }[];
}) {
  const { t, i18n } = useTranslation("aftersales");
  const en = i18n.language === "en";
  return (
    <section
      className="space-y-1 rounded-lg border border-stone-200 bg-white p-3 text-sm"
      data-testid="return-policies"
    >
      <h3 className="font-medium">{t("policy.checkout")}</h3>
      <ul className="space-y-1">
        {lines.map((line) => (
          <li key={line.variantId}>
            <span className="block font-medium">{en ? line.titleEn : line.titleZh}</span>
            <span data-testid="return-policy" data-policy={returnPolicyOf(line)}>
              {t(`policy.${returnPolicyOf(line)}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
