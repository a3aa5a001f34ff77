// The home page: who is live now, what is coming up, the workshops, categories and a few products.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { CategoryChips } from "~/components/category-chips";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { PageSection } from "~/components/page-section";
import { ProductGrid } from "~/components/product-card";
import { ShowCard, ShowRows } from "~/components/show-card";
import { WorkshopCard } from "~/components/workshop-card";
import { featuredProducts, listCategories, listWorkshops } from "~/domain/catalogue/catalogue.server";
import { homeSchedule } from "~/domain/live/show-schedule.server";
import { remindedShowIds } from "~/domain/notices/audience.server";
import { getUserId } from "~/web/auth.server";
import { getLocale, translator } from "~/lib/locale.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["notices", "store"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "村播 Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const now = new Date();
  const [schedule, workshops, categories, featured] = await Promise.all([
    homeSchedule(locale, now),
    listWorkshops(locale),
    listCategories(locale),
    featuredProducts(locale),
  ]);
  const reminded = await remindedShowIds(
    await getUserId(request),
    schedule.upcoming.map((show) => show.id),
  );
  return {
    now,
    schedule,
    workshops,
    categories,
    featured,
    reminded: [...reminded],
    pageTitle: translator(locale)("store:meta.home"),
  };
}

export default function Home() {
  const { t } = useTranslation("store");
  const { now, schedule, workshops, categories, featured, reminded } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-6xl px-3 pb-16 pt-4 sm:px-4">
      <div className="rounded-2xl bg-gradient-to-br from-brand-50 to-amber-50 px-4 py-4 ring-1 ring-brand-100">
        <h1 className="text-lg font-bold text-brand-700 sm:text-2xl">{t("home.heading")}</h1>
        <p className="mt-1 text-sm text-stone-700 sm:text-base">{t("home.intro")}</p>
      </div>

      <PageSection id="live-now" title={t("home.liveNow")} className="mt-6">
        {schedule.live.length ? (
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {schedule.live.map((show, index) => (
              <li key={show.id}>
                <ShowCard show={show} now={now} eager={index < 2} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="rounded-2xl bg-white p-4 text-stone-700 ring-1 ring-stone-200">{t("home.noLive")}</p>
        )}
      </PageSection>

      <PageSection id="upcoming" title={t("home.upcoming")}>
        {schedule.upcoming.length ? (
          <ShowRows shows={schedule.upcoming} now={now} remind={{ reminded, redirectTo: "/" }} />
        ) : (
          <p className="rounded-2xl bg-white p-4 text-stone-700 ring-1 ring-stone-200">{t("home.noUpcoming")}</p>
        )}
      </PageSection>

      <PageSection id="categories" title={t("home.categories")}>
        <CategoryChips categories={categories} />
      </PageSection>

      <PageSection id="workshops" title={t("home.workshops")}>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {workshops.map((workshop) => (
            <li key={workshop.slug}>
              <WorkshopCard workshop={workshop} />
            </li>
          ))}
        </ul>
      </PageSection>

      <PageSection id="featured" title={t("home.featured")} action={{ to: "/search", label: t("home.searchAll") }}>
        <ProductGrid products={featured} />
      </PageSection>

      {schedule.recent.length ? (
        <PageSection id="replays" title={t("home.recent")}>
          <ShowRows shows={schedule.recent} now={now} />
        </PageSection>
      ) : null}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
