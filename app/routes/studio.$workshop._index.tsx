// One workshop's products in the studio, drafts and archived ones too, with stock per variant and what runs low.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { StudioHeader } from "~/components/studio/studio-header";
import { listStudioProducts } from "~/domain/catalogue/products.server";
import { requireWorkshopMember } from "~/web/auth.server";
import { LOW_STOCK } from "~/domain/catalogue/limits";
import { formatMoney } from "~/lib/money";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["checkout", "studio"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const products = await listStudioProducts(workshop.id);
  return {
    workshop: { slug: workshop.slug, nameZh: workshop.nameZh, nameEn: workshop.nameEn, status: workshop.status },
    pageTitle: await pageTitle(request, (t) => `${t("studio:nav.products")} · ${t("studio:index.title")}`),
    products,
  };
}

const statusTone = {
  active: "bg-leaf-600/10 text-leaf-700",
  draft: "bg-stone-200 text-stone-800",
  archived: "bg-stone-100 text-stone-600 line-through",
} as const;

export default function StudioProducts() {
  const { t, i18n } = useTranslation("studio");
  const { workshop, products } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const lowCount = products.filter((p) => p.status !== "archived" && (p.lowStock || p.soldOut)).length;
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-6">
      <StudioHeader workshop={workshop} />
      <p className="text-stone-700">
        {t("products.count", { count: products.length })}
        {lowCount ? (
          <span className="ml-2 font-medium text-red-700">
            {t("products.lowCount", { count: lowCount, low: LOW_STOCK })}
          </span>
        ) : null}
      </p>
      {products.length === 0 ? (
        <p className="mt-6 rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">
          {t("products.empty")}
        </p>
      ) : null}
      <ul className="mt-4 grid gap-3 md:grid-cols-2">
        {products.map((p) => (
          <li key={p.id} className="rounded-2xl border border-stone-200 bg-white p-3 shadow-sm">
            <Link to={`/studio/${workshop.slug}/products/${p.id}`} className="flex gap-3 rounded-xl hover:bg-stone-50">
              {p.image ? (
                <img
                  src={p.image}
                  alt=""
                  className="size-20 shrink-0 rounded-lg bg-stone-100 object-cover"
                  loading="lazy"
                />
              ) : (
                <span aria-hidden className="size-20 shrink-0 rounded-lg bg-stone-100" />
              )}
              <span className="min-w-0 flex-1">
                <span className="block font-semibold text-stone-900">{en ? p.titleEn : p.titleZh}</span>
                <span className="mt-1 flex flex-wrap gap-1 text-xs">
                  <span className={`rounded-full px-2 py-0.5 ${statusTone[p.status]}`}>{t(`status.${p.status}`)}</span>
                  {p.preorder ? (
                    <span className="rounded-full bg-sky-100 px-2 py-0.5 text-sky-900">{t("flag.preorder")}</span>
                  ) : null}
                  {p.perishable ? (
                    <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-emerald-900">
                      {t("flag.perishable")}
                    </span>
                  ) : null}
                  {p.soldOut ? (
                    <span className="rounded-full bg-red-100 px-2 py-0.5 font-medium text-red-800">
                      {t("products.soldOut")}
                    </span>
                  ) : p.lowStock ? (
                    <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
                      {t("products.lowStock")}
                    </span>
                  ) : null}
                </span>
                <span className="mt-1 block text-sm text-stone-700">
                  {t("products.totalStock", { count: p.totalStock })}
                </span>
              </span>
              <span className="self-center px-2 text-sm font-medium text-brand-700">{t("products.edit")}</span>
            </Link>
            <ul className="mt-2 divide-y divide-stone-100 border-t border-stone-100 text-sm">
              {p.variants.map((v) => (
                <li key={v.id} className="flex items-center justify-between gap-2 py-1.5">
                  <span className="min-w-0 truncate text-stone-800">{en ? v.nameEn : v.nameZh}</span>
                  <span className="shrink-0 tabular-nums">
                    <span className="font-medium text-stone-900">{formatMoney(v.priceFen, i18n.language)}</span>
                    <span
                      className={`ml-3 ${v.stock === 0 ? "font-semibold text-red-700" : v.stock <= LOW_STOCK ? "font-semibold text-amber-800" : "text-stone-600"}`}
                    >
                      {t("products.stock", { count: v.stock })}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
