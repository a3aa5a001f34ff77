// The top of every page of one workshop's studio: its name, whether shoppers can see it yet, and the tabs.
import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";

export type StudioWorkshop = {
  slug: string;
  nameZh: string;
  nameEn: string;
  status: "pending" | "approved" | "rejected";
};

export function StudioHeader({ workshop }: { workshop: StudioWorkshop }) {
  const { t, i18n } = useTranslation("studio");
  const base = `/studio/${workshop.slug}`;
  const tab = ({ isActive }: { isActive: boolean }) =>
    `inline-flex min-h-11 items-center rounded-full px-4 text-base font-medium ${
      isActive ? "bg-brand-600 text-white" : "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100"
    }`;
  return (
    <div className="mb-5">
      <p className="text-sm text-stone-600">
        <Link to="/studio" className="underline">
          {t("index.title")}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold text-stone-900">
        {i18n.language === "en" ? workshop.nameEn : workshop.nameZh}
      </h1>
      {workshop.status !== "approved" ? (
        <p role="note" className="mt-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t(`workshop.notice.${workshop.status}`)}
        </p>
      ) : null}
      <nav aria-label={t("nav.label")} className="mt-3 flex flex-wrap gap-2">
        <NavLink to={`${base}/fulfilment`} className={tab}>
          {t("nav.fulfilment")}
        </NavLink>
        <NavLink to={base} end className={tab}>
          {t("nav.products")}
        </NavLink>
        <NavLink to={`${base}/batches`} className={tab}>
          {t("nav.batches")}
        </NavLink>
        <NavLink to={`${base}/dashboard`} className={tab}>
          {t("nav.dashboard")}
        </NavLink>
        <NavLink to={`${base}/statements`} className={tab}>
          {t("nav.statements")}
        </NavLink>
        <NavLink to={`${base}/workers`} className={tab}>
          {t("nav.workers")}
        </NavLink>
        <NavLink to={`${base}/products/new`} className={tab}>
          + {t("nav.newProduct")}
        </NavLink>
      </nav>
    </div>
  );
}
