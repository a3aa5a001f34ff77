// A workshop in the home page's grid: cover, name, where it is, what it sells and its 共富价 premium.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import type { WorkshopCard as WorkshopCardData } from "~/domain/catalogue/catalogue.server";
import { Badge } from "./badge";

export function WorkshopCard({ workshop }: { workshop: WorkshopCardData }) {
  const { t } = useTranslation("store");
  return (
    <Link
      to={`/workshops/${workshop.slug}`}
      className="group flex h-full gap-3 overflow-hidden rounded-2xl bg-white p-2 shadow-sm ring-1 ring-stone-200 transition hover:ring-brand-600"
    >
      <img
        src={workshop.coverImage}
        alt={t("workshop.coverAlt", { name: workshop.name })}
        width={400}
        height={300}
        loading="lazy"
        decoding="async"
        className="aspect-[4/3] w-28 shrink-0 self-start rounded-xl bg-stone-100 object-cover sm:w-32"
      />
      <div className="flex min-w-0 flex-1 flex-col gap-1 py-1 pr-1">
        <h3 className="font-semibold leading-snug group-hover:text-brand-700">{workshop.name}</h3>
        <p className="text-sm text-stone-600">
          {t("workshop.location", { village: workshop.village, district: workshop.district })}
        </p>
        <div className="mt-auto flex flex-wrap items-center gap-2 pt-1 text-xs text-stone-700">
          <span>{t("workshop.products", { count: workshop.productCount })}</span>
          {workshop.premiumPercent > 0 ? (
            <Badge tone="leaf">{t("workshop.premiumBadge", { percent: workshop.premiumPercent })}</Badge>
          ) : null}
        </div>
      </div>
    </Link>
  );
}
