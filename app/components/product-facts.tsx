// What a shopper must know before buying: stock, perishable handling, the pre-order batch, where it ships from.
import { useTranslation } from "~/lib/i18n-react";
import type { ProductDetail } from "~/domain/catalogue/catalogue.server";
import { useShanghaiDates } from "./show-time";

const LOW_STOCK = 10;

export function StockLine({ stock }: { stock: number }) {
  const { t } = useTranslation("store");
  if (stock <= 0) return <p className="text-sm font-semibold text-red-700">{t("product.soldOut")}</p>;
  if (stock <= LOW_STOCK)
    return <p className="text-sm font-medium text-amber-800">{t("product.lowStock", { count: stock })}</p>;
  return <p className="text-sm text-stone-700">{t("product.stock", { count: stock })}</p>;
}

function Fact({ title, lines, tone }: { title: string; lines: string[]; tone: "fresh" | "brand" }) {
  const tones = {
    fresh: "bg-sky-50 ring-sky-200 text-sky-800",
    brand: "bg-brand-50 ring-brand-100 text-brand-700",
  };
  return (
    <div className={`rounded-xl px-3 py-2 ring-1 ${tones[tone]}`}>
      <p className="text-sm font-semibold">{title}</p>
      {lines.map((line) => (
        <p key={line} className="text-sm text-stone-800">
          {line}
        </p>
      ))}
    </div>
  );
}

export function ProductFacts({ product, now }: { product: ProductDetail; now: Date | string }) {
  const { t } = useTranslation("store");
  const { day } = useShanghaiDates(now);
  const { workshop, batch } = product;
  return (
    <div className="space-y-2">
      {product.perishable ? (
        <Fact
          tone="fresh"
          title={t("product.perishable")}
          lines={[
            workshop.shipWithinHours
              ? t("product.shipWithin", { hours: workshop.shipWithinHours })
              : t("product.shipSoon"),
            ...(workshop.coldChain ? [t("product.coldChain")] : []),
          ]}
        />
      ) : null}
      {product.preorder && batch ? (
        <Fact
          tone="brand"
          title={`${t("product.preorder")} · ${batch.name}`}
          lines={[
            t("product.readyDate", { date: day(batch.readyDate) }),
            batch.capacityLeft > 0 ? t("product.capacityLeft", { count: batch.capacityLeft }) : t("product.batchFull"),
          ]}
        />
      ) : null}
      <p className="text-sm text-stone-700">{t("product.shipFrom", { place: workshop.shipFrom })}</p>
    </div>
  );
}
