// A show's page: what it is, who hosts it, when, and its line-up; live and ended shows lead into the live room.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { ShowStatusBadge } from "~/components/badge";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { PageSection } from "~/components/page-section";
import { ProductGrid } from "~/components/product-card";
import { useShanghaiDates } from "~/components/show-time";
import { getShow } from "~/domain/live/show-schedule.server";
import { invariantResponse } from "~/web/http.server";
import { getLocale, translator } from "~/lib/locale.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["store"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "村播 Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const show = await getShow(params.showId ?? "", locale);
  invariantResponse(show, t("store:show.notFound"));
  return { now: new Date(), show, pageTitle: t("store:meta.page", { title: show.title }) };
}

export default function ShowPage() {
  const { t } = useTranslation("store");
  const { now, show } = useLoaderData<typeof loader>();
  const schedule =
    show.status === "live"
      ? { key: "show.startedAt", at: show.startedAt ?? show.scheduledAt }
      : show.status === "ended"
        ? { key: "show.endedAt", at: show.endedAt ?? show.scheduledAt }
        : { key: "show.startsAt", at: show.scheduledAt };
  const { dayTime } = useShanghaiDates(now);
  const hint = { live: "show.liveHint", ended: "show.replayHint", scheduled: "show.scheduledHint" }[show.status];
  return (
    <main id="main" className="mx-auto max-w-6xl pb-16 sm:px-4 sm:pt-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] md:gap-8">
        <div className="relative aspect-video bg-stone-200 sm:overflow-hidden sm:rounded-2xl">
          {show.coverImage ? (
            <img
              src={show.coverImage}
              alt={t("show.coverAlt", { title: show.title })}
              width={640}
              height={360}
              className="h-full w-full object-cover"
            />
          ) : null}
          <ShowStatusBadge status={show.status} className="absolute left-3 top-3 px-3 py-1 text-sm" />
        </div>
        <div className="space-y-4 px-3 sm:px-0">
          <h1 className="text-xl font-bold leading-snug sm:text-2xl" data-as-written>
            {show.title}
          </h1>
          <p className="font-medium text-stone-900">
            <time dateTime={new Date(schedule.at).toISOString()}>
              {t(schedule.key, { when: dayTime(schedule.at) })}
            </time>
            <span className="text-sm font-normal text-stone-600"> · {t("time.timezone")}</span>
          </p>
          {show.status !== "scheduled" && show.peakViewers > 0 ? (
            <p className="text-sm text-stone-600">{t("show.peakViewers", { count: show.peakViewers })}</p>
          ) : null}
          <p className="text-sm text-stone-700">{t(hint)}</p>
          {show.status !== "scheduled" ? (
            <Link
              to={`/live/${show.id}`}
              className={`inline-flex min-h-12 w-full items-center justify-center rounded-full px-6 text-base font-semibold text-white sm:w-auto ${show.status === "live" ? "bg-red-600 hover:bg-red-700" : "bg-brand-600 hover:bg-brand-700"}`}
            >
              {t("show.enterRoom")}
            </Link>
          ) : null}
          <section aria-labelledby="host" className="flex gap-3 rounded-2xl bg-white p-3 ring-1 ring-stone-200">
            {show.hostAvatar ? (
              <img
                src={show.hostAvatar}
                alt={t("show.avatarAlt", { name: show.hostName })}
                width={56}
                height={56}
                className="size-14 shrink-0 rounded-full bg-stone-100 object-cover"
              />
            ) : null}
            <div className="min-w-0">
              <h2 id="host" className="font-semibold">
                <span className="sr-only">{t("show.host")}: </span>
                {show.hostName}
              </h2>
              <p className="text-sm text-stone-600">{show.hostVillage}</p>
              {show.hostBio ? <p className="mt-1 text-sm leading-relaxed text-stone-800">{show.hostBio}</p> : null}
            </div>
          </section>
        </div>
      </div>

      <PageSection id="line-up" title={t("show.lineUp")} className="px-3 sm:px-0">
        {show.lineUp.length ? (
          <ProductGrid products={show.lineUp} />
        ) : (
          <p className="text-stone-700">{t("show.emptyLineUp")}</p>
        )}
      </PageSection>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
