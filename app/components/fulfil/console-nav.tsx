// The workshop's packing-room and income pages, side by side, so staff move between them in one tap.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";

export function ConsoleNav({ slug, current }: { slug: string; current: "fulfilment" | "dashboard" | "after-sales" }) {
  const { t } = useTranslation(["fulfil", "aftersales"]);
  const links = [
    { key: "fulfilment", to: `/studio/${slug}/fulfilment`, label: t("nav.fulfilment") },
    { key: "after-sales", to: `/studio/${slug}/fulfilment/after-sales`, label: t("aftersales:desk.tab") },
    { key: "dashboard", to: `/studio/${slug}/dashboard`, label: t("nav.dashboard") },
    { key: "impact", to: `/workshops/${slug}/impact`, label: t("nav.impact") },
  ];
  return (
    <nav aria-label={t("nav.label")} className="flex flex-wrap gap-1 text-sm">
      <Link to={`/studio/${slug}`} className="rounded-full px-3 py-2 text-stone-700 hover:bg-stone-100">
        {t("nav.studio")}
      </Link>
      {links.map((link) => (
        <Link
          key={link.key}
          to={link.to}
          aria-current={link.key === current ? "page" : undefined}
          className={`rounded-full px-3 py-2 ${
            link.key === current ? "bg-brand-100 font-medium text-brand-700" : "text-stone-700 hover:bg-stone-100"
          }`}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
