// One line of a cart, checkout summary or order: what, how many, the price paid and the 共富价 premium in it.
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { AlcoholNotice } from "~/components/alcohol-notice";
import { formatMoney } from "~/lib/money";
import { formatDate } from "~/lib/shanghai-time";

export type LineItemView = {
  titleZh: string;
  titleEn: string;
  variantNameZh: string;
  variantNameEn: string;
  image: string | null;
  quantity: number;
  unitPriceFen: number;
  listPriceFen: number;
  /** What is paid for the line (after its part of a coupon, if any). */
  lineTotalFen: number;
  /** The coupon's part of this line. */
  discountFen?: number;
  premiumFen: number;
  customisationNote?: string | null;
  isDeal?: boolean;
  perishable?: boolean;
  alcohol?: boolean;
  batch?: { nameZh: string; nameEn: string; readyDate: Date | string } | null;
  problem?: string | null;
};

export function LineItem({ line, children }: { line: LineItemView; children?: ReactNode }) {
  const { t, i18n } = useTranslation("checkout");
  const en = i18n.language === "en";
  const money = (fen: number) => formatMoney(fen, i18n.language);
  return (
    <li className="flex gap-3 py-3">
      {line.image ? (
        <img
          src={line.image}
          alt=""
          width={64}
          height={64}
          className="h-16 w-16 flex-none rounded-lg border border-stone-200 bg-stone-100 object-cover"
        />
      ) : null}
      <div className="min-w-0 flex-1">
        <p className="font-medium leading-snug">{en ? line.titleEn : line.titleZh}</p>
        <p className="text-sm text-stone-600">
          {en ? line.variantNameEn : line.variantNameZh} × {line.quantity}
        </p>
        <p className="mt-1 text-sm">
          {line.isDeal ? (
            <span className="mr-1 rounded bg-red-600 px-1.5 py-0.5 text-xs font-medium text-white">
              {t("line.dealPrice")}
            </span>
          ) : null}
          <span className="font-medium">{money(line.unitPriceFen)}</span>
          {line.unitPriceFen !== line.listPriceFen ? (
            <span className="ml-2 text-xs text-stone-500 line-through">
              {t("line.listPrice", { amount: money(line.listPriceFen) })}
            </span>
          ) : null}
        </p>
        {line.premiumFen > 0 ? (
          <p className="text-xs text-emerald-800">{t("line.premium", { amount: money(line.premiumFen) })}</p>
        ) : null}
        {line.discountFen ? (
          <p className="text-xs font-medium text-red-700" data-testid="line-discount">
            {t("line.coupon", { amount: money(line.discountFen) })}
          </p>
        ) : null}
        {line.batch ? (
          <p className="text-xs text-amber-800">
            {t("line.preorder", {
              batch: en ? line.batch.nameEn : line.batch.nameZh,
              date: formatDate(line.batch.readyDate, i18n.language),
            })}
          </p>
        ) : null}
        {line.perishable ? <p className="text-xs text-sky-800">{t("line.perishable")}</p> : null}
        {line.alcohol ? <AlcoholNotice compact /> : null}
        {line.customisationNote ? (
          <p className="text-xs text-stone-700">{t("line.note", { note: line.customisationNote })}</p>
        ) : null}
        {line.problem ? (
          <p role="alert" className="mt-1 text-sm font-medium text-red-700">
            {t(`line.${line.problem}`)}
          </p>
        ) : null}
        {children}
      </div>
      <p className="flex-none text-right font-semibold tabular-nums">{money(line.lineTotalFen)}</p>
    </li>
  );
}
