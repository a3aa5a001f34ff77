// Search the catalogue by words (titles, descriptions, workshop names; either language) and by category.
// A plain GET form, so it works without JavaScript and every result page has its own link.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { ProductGrid } from "~/components/product-card";
import { inputClass } from "~/components/ui/field";
import { Pager } from "~/components/ui/pager";
import { listCategories, searchProducts } from "~/domain/catalogue/catalogue.server";
import { getLocale, translator } from "~/lib/locale.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "store"] };

// Odd input is tidied rather than refused: a search box should never answer with an error.
const SearchParamsSchema = z.object({
  q: z
    .string()
    .transform((q) => q.trim().slice(0, 100))
    .catch(""),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "村播 Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const url = new URL(request.url);
  const query = SearchParamsSchema.parse({
    q: url.searchParams.get("q") ?? "",
    category: url.searchParams.get("category") || undefined,
    page: url.searchParams.get("page") ?? 1,
  });
  const [results, categories] = await Promise.all([searchProducts(query, locale), listCategories(locale)]);
  const title = query.q ? t("store:meta.searchFor", { q: query.q }) : t("store:meta.search");
  return { query, results, categories, pageTitle: t("store:meta.page", { title }) };
}

function pageLink(query: { q: string; category?: string }, page: number) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.category) params.set("category", query.category);
  if (page > 1) params.set("page", String(page));
  return `/search?${params}`;
}

export default function SearchPage() {
  const { t } = useTranslation("store");
  const { query, results, categories } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-6xl px-3 pb-16 pt-4 sm:px-4">
      <h1 className="text-xl font-bold sm:text-2xl">{t("search.heading")}</h1>
      <Form
        method="get"
        action="/search"
        role="search"
        className="mt-3 grid gap-2 sm:grid-cols-[1fr_14rem_auto] sm:items-end"
      >
        <div>
          <label htmlFor="q" className="sr-only">
            {t("search.label")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q}
            key={query.q}
            maxLength={100}
            placeholder={t("search.placeholder")}
            enterKeyHint="search"
            className={`${inputClass} min-h-11`}
          />
        </div>
        <div className="flex gap-2 sm:contents">
          <div className="flex-1">
            <label htmlFor="category" className="sr-only">
              {t("search.category")}
            </label>
            <select
              id="category"
              name="category"
              defaultValue={query.category ?? ""}
              key={query.category ?? ""}
              className={`${inputClass} min-h-11`}
            >
              <option value="">{t("search.allCategories")}</option>
              {categories.map((category) => (
                <option key={category.slug} value={category.slug}>
                  {category.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="inline-flex min-h-11 items-center justify-center rounded-full bg-brand-600 px-6 font-medium text-white hover:bg-brand-700"
          >
            {t("search.submit")}
          </button>
        </div>
      </Form>

      {/* The count heads the results, so the product cards' headings sit under it. */}
      <div role="status">
        <h2 className="mt-5 text-sm font-normal text-stone-700">
          {query.q
            ? t("search.resultsFor", { q: query.q, count: results.total })
            : t("search.results", { count: results.total })}
        </h2>
      </div>

      {results.items.length ? (
        <div className="mt-3">
          <ProductGrid products={results.items} eagerCount={4} />
        </div>
      ) : (
        <div className="mt-6 rounded-2xl bg-white p-6 text-center ring-1 ring-stone-200">
          <p className="text-lg font-semibold">{t("search.empty")}</p>
          <p className="mt-1 text-stone-700">{t("search.emptyHint")}</p>
          <Link
            to="/search"
            className="mt-4 inline-flex min-h-11 items-center rounded-full px-4 font-medium text-brand-700 underline"
          >
            {t("search.allCategories")}
          </Link>
        </div>
      )}

      <Pager
        label={t("search.pagination")}
        prev={results.page > 1 ? { href: pageLink(query, results.page - 1), text: t("search.prev") } : null}
        next={
          results.page < results.pageCount ? { href: pageLink(query, results.page + 1), text: t("search.next") } : null
        }
        position={t("search.page", { page: results.page, pages: results.pageCount })}
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
