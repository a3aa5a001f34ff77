// A workshop's part of a checkout or order: its lines, where it ships from, and its shipping.
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { formatMoney } from "~/lib/money";

export type WorkshopGroupView = {
  nameZh: string;
  nameEn: string;
  shipFromZh?: string;
  shipFromEn?: string;
  shipWithinHours?: number | null;
  subtotalFen?: number;
  baseShippingFen?: number;
  coldChainFen?: number;
};

export function WorkshopGroup({
  group,
  children,
  footer,
}: {
  group: WorkshopGroupView;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { t, i18n } = useTranslation("checkout");
  const en = i18n.language === "en";
  const money = (fen: number) => formatMoney(fen, i18n.language);
  return (
    <section className="rounded-xl border border-stone-200 bg-white p-3 sm:p-4">
      <h2 className="font-semibold">{en ? group.nameEn : group.nameZh}</h2>
      {group.shipFromZh ? (
        <p className="text-xs text-stone-600">
          {t("checkout.shipFrom", { place: en ? group.shipFromEn : group.shipFromZh })}
          {group.shipWithinHours ? ` · ${t("checkout.shipWithin", { hours: group.shipWithinHours })}` : null}
        </p>
      ) : null}
      <ul className="divide-y divide-stone-100">{children}</ul>
      {group.subtotalFen !== undefined ? (
        <dl className="mt-1 space-y-1 border-t border-stone-100 pt-2 text-sm">
          <div className="flex justify-between">
            <dt>{t("checkout.shipping")}</dt>
            <dd className="tabular-nums">
              {group.baseShippingFen ? money(group.baseShippingFen) : t("checkout.shippingFree")}
            </dd>
          </div>
          {group.coldChainFen ? (
            <div className="flex justify-between">
              <dt>{t("checkout.coldChain")}</dt>
              <dd className="tabular-nums">{money(group.coldChainFen)}</dd>
            </div>
          ) : null}
          <div className="flex justify-between font-medium">
            <dt>{t("checkout.workshopSubtotal")}</dt>
            <dd className="tabular-nums">
              {money(group.subtotalFen + (group.baseShippingFen ?? 0) + (group.coldChainFen ?? 0))}
            </dd>
          </div>
        </dl>
      ) : null}
      {footer}
    </section>
  );
}
