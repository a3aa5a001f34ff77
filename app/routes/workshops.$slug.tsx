// A workshop's page: its story, where it is, what it means for its workers, and what it sells.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { PageSection } from "~/components/page-section";
import { ProductGrid } from "~/components/product-card";
import { FollowButton } from "~/components/notices/follow-button";
import { getWorkshop } from "~/domain/catalogue/catalogue.server";
import { followerCount, isFollowing } from "~/domain/notices/audience.server";
import { getUserId } from "~/web/auth.server";
import { invariantResponse } from "~/web/http.server";
import { getLocale, translator } from "~/lib/locale.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["notices", "store"] };

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: data.pageTitle }, { name: "description", content: data.workshop.story.slice(0, 150) }]
    : [{ title: "村播 Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const workshop = await getWorkshop(params.slug ?? "", locale);
  invariantResponse(workshop, t("store:workshop.notFound"));
  const userId = await getUserId(request);
  const [following, followers] = await Promise.all([
    isFollowing(userId, { workshopId: workshop.id }),
    followerCount({ workshopId: workshop.id }),
  ]);
  return { workshop, following, followers, pageTitle: t("store:meta.page", { title: workshop.name }) };
}

export default function WorkshopPage() {
  const { t } = useTranslation("store");
  const { t: tn } = useTranslation("notices");
  const { workshop, following, followers } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-6xl pb-16 sm:px-4 sm:pt-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 md:gap-8">
        <img
          src={workshop.coverImage}
          alt={t("workshop.coverAlt", { name: workshop.name })}
          width={400}
          height={300}
          className="aspect-[4/3] w-full bg-stone-100 object-cover sm:rounded-2xl"
        />
        <div className="px-3 sm:px-0">
          <h1 className="text-2xl font-bold leading-tight sm:text-3xl">{workshop.name}</h1>
          <p className="mt-1 text-stone-600">
            {t("workshop.location", { village: workshop.village, district: workshop.district })}
          </p>
          <div className="mt-2 flex items-center gap-3">
            <FollowButton
              target={{ workshopId: workshop.id }}
              following={following}
              name={workshop.name}
              redirectTo={`/workshops/${workshop.slug}`}
            />
            <span className="text-sm text-stone-600">{tn("follow.followers", { count: followers })}</span>
          </div>
          {workshop.premiumPercent > 0 ? (
            <p className="mt-4 rounded-xl bg-leaf-700/10 px-3 py-2 text-sm font-medium text-leaf-700 ring-1 ring-leaf-700/20">
              {t("workshop.premium", { percent: workshop.premiumPercent })}
            </p>
          ) : null}
          <h2 className="sr-only">{t("workshop.story")}</h2>
          <p className="mt-4 leading-relaxed text-stone-800">{workshop.story}</p>
          <p className="mt-4 text-sm text-stone-700">
            {[
              t("workshop.shipFrom", { place: workshop.shipFrom }),
              workshop.shipWithinHours ? t("workshop.shipWithin", { hours: workshop.shipWithinHours }) : null,
              workshop.coldChain ? t("workshop.coldChain") : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <p className="mt-3">
            <Link
              to={`/workshops/${workshop.slug}/impact`}
              className="inline-flex min-h-11 items-center font-medium text-leaf-700 underline underline-offset-4"
            >
              {t("workshop.impactLink")}
            </Link>
          </p>
        </div>
      </div>

      <PageSection id="figures" title={t("workshop.figures")} className="px-3 sm:px-0">
        <ul className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          {workshop.workersCount > 0 ? (
            <li className="rounded-2xl bg-brand-600 p-4 text-white">
              <p className="text-3xl font-bold tabular-nums">{workshop.workersCount}</p>
              <p className="mt-1 text-sm">{t("workshop.workers")}</p>
            </li>
          ) : null}
          {workshop.facts.map((fact) => (
            <li key={fact} className="rounded-2xl bg-white p-4 text-sm font-medium leading-snug ring-1 ring-stone-200">
              {fact}
            </li>
          ))}
        </ul>
      </PageSection>

      <PageSection id="products" title={t("workshop.productsTitle")} className="px-3 sm:px-0">
        {workshop.products.length ? (
          <ProductGrid products={workshop.products} showWorkshop={false} />
        ) : (
          <p className="text-stone-700">{t("workshop.noProducts")}</p>
        )}
      </PageSection>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
