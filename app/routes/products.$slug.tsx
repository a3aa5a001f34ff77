// A product's page: pictures, the chosen variant's price (and its 共富价 premium), what to know before
// buying, the add-to-cart form, its details and the shows it appears in.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { AddToCartForm } from "~/components/add-to-cart-form";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { PageSection } from "~/components/page-section";
import { Price } from "~/components/price";
import { AlcoholNotice } from "~/components/alcohol-notice";
import { ProductFacts } from "~/components/product-facts";
import { ReturnPolicyNotice } from "~/components/orders/return-policy-notice";
import { ShowRows } from "~/components/show-card";
import { chooseVariant } from "~/components/variant-picker";
import { getProduct } from "~/domain/catalogue/catalogue.server";
import { productRating, productReviews } from "~/domain/reviews/reviews.server";
import { RatingSummary, ReviewList } from "~/components/reviews/review-list";
import { showsFeaturingProduct } from "~/domain/live/show-schedule.server";
import { invariantResponse } from "~/web/http.server";
import { openGraph } from "~/web/open-graph";
import { siteOrigin } from "~/web/site-origin.server";
import { getLocale, translator } from "~/lib/locale.server";
import { formatMoney } from "~/lib/money";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout", "notices", "reviews", "store"] };

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.pageTitle }, ...openGraph(data.preview)] : [{ title: "村播 Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const product = await getProduct(params.slug ?? "", locale);
  invariantResponse(product, t("store:product.notFound"));
  const now = new Date();
  const [shows, reviews, rating] = await Promise.all([
    showsFeaturingProduct(product.id, locale, now),
    productReviews(product.id),
    productRating(product.id),
  ]);
  const origin = siteOrigin(request);
  const lowest = Math.min(...product.variants.map((variant) => variant.priceFen));
  const preview = {
    type: "product",
    title: product.title,
    description: product.variants.length
      ? t("store:product.previewDescription", { workshop: product.workshop.name, price: formatMoney(lowest, locale) })
      : product.description.slice(0, 150),
    url: `${origin}/products/${product.slug}`,
    image: `${origin}/products/${product.slug}/poster`,
  };
  return {
    now,
    product,
    shows,
    reviews,
    rating,
    locale,
    preview,
    pageTitle: t("store:meta.page", { title: product.title }),
  };
}

// Choosing a variant only changes ?variant=; everything it needs is already on the page.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => (!formMethod && currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate);

export default function ProductPage() {
  const { t, i18n } = useTranslation("store");
  const { t: tn } = useTranslation("notices");
  const { now, product, shows, reviews, rating, locale } = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const selected = chooseVariant(product.variants, searchParams.get("variant"));
  const select = (variantId: string) =>
    setSearchParams(
      (params) => {
        params.set("variant", variantId);
        return params;
      },
      { replace: true, preventScrollReset: true },
    );
  const [cover, ...moreImages] = product.images;
  return (
    <main id="main" className="mx-auto max-w-6xl pb-36 sm:px-4 sm:pt-4 md:pb-16">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 md:gap-8">
        <div>
          {cover ? (
            <img
              src={cover}
              alt={product.title}
              width={400}
              height={300}
              className="aspect-[4/3] w-full bg-stone-100 object-cover sm:rounded-2xl"
            />
          ) : null}
          {moreImages.length ? (
            <ul className="mt-2 grid grid-cols-4 gap-2 px-3 sm:px-0">
              {moreImages.map((image, index) => (
                <li key={image}>
                  <img
                    src={image}
                    alt={t("product.imageAlt", { title: product.title, n: index + 2 })}
                    width={400}
                    height={300}
                    loading="lazy"
                    className="aspect-[4/3] w-full rounded-lg bg-stone-100 object-cover"
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </div>

        <div className="space-y-4 px-3 sm:px-0">
          <div>
            <h1 className="text-xl font-bold leading-snug sm:text-2xl">{product.title}</h1>
            <p className="mt-1 text-sm text-stone-600">
              {t("product.by")}{" "}
              <Link
                to={`/workshops/${product.workshop.slug}`}
                className="font-medium text-brand-700 underline underline-offset-4"
              >
                {product.workshop.name}
              </Link>{" "}
              · {product.workshop.village} ·{" "}
              <Link
                to={`/workshops/${product.workshop.slug}/impact`}
                className="text-leaf-700 underline underline-offset-4"
              >
                {t("workshop.impactLink")}
              </Link>
            </p>
            <a
              href={`/products/${product.slug}/poster`}
              className="mt-1 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
              data-testid="poster-link"
            >
              {tn("share.poster")}
            </a>
          </div>

          {selected ? (
            <div aria-live="polite">
              <Price fen={selected.priceFen} className="text-3xl font-bold text-brand-700" />
              {selected.premiumFen > 0 ? (
                <p className="mt-2 rounded-xl bg-leaf-700/10 px-3 py-2 text-sm font-medium text-leaf-700 ring-1 ring-leaf-700/20">
                  {t("product.premium", {
                    percent: selected.premiumPercent,
                    amount: formatMoney(selected.premiumFen, i18n.language),
                  })}
                </p>
              ) : null}
            </div>
          ) : null}

          {product.alcohol ? <AlcoholNotice /> : null}
          <ProductFacts product={product} now={now} />
          <ReturnPolicyNotice product={product} />

          <AddToCartForm
            product={product}
            selected={selected}
            onSelect={select}
            redirectTo={`${location.pathname}${location.search}`}
          />
        </div>
      </div>

      <div className="grid grid-cols-1 gap-x-8 px-3 sm:px-0 md:grid-cols-2">
        {product.attributes.length ? (
          <PageSection id="attributes" title={t("product.attributes")}>
            <table className="w-full overflow-hidden rounded-xl bg-white text-sm ring-1 ring-stone-200">
              <tbody>
                {product.attributes.map((attribute) => (
                  <tr key={attribute.label} className="border-b border-stone-100 last:border-0">
                    <th scope="row" className="w-28 bg-stone-50 px-3 py-2 text-left font-medium text-stone-700">
                      {attribute.label}
                    </th>
                    <td className="px-3 py-2 text-stone-900">{attribute.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </PageSection>
        ) : null}

        <PageSection id="description" title={t("product.description")}>
          <p className="leading-relaxed text-stone-800">{product.description}</p>
        </PageSection>
      </div>

      <PageSection id="reviews" title={t("reviews:list.title")} className="px-3 sm:px-0">
        <RatingSummary count={rating.count} starsSum={rating.starsSum} className="mb-3" />
        <ReviewList reviews={reviews} locale={locale} />
      </PageSection>

      {shows.length ? (
        <PageSection id="shows" title={t("product.inShows")} className="px-3 sm:px-0">
          <ShowRows shows={shows} now={now} />
        </PageSection>
      ) : null}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
