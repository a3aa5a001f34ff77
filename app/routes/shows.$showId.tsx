// A show's page: what it is, who hosts it, when, and its line-up; live and ended shows lead into the live room.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { ShowStatusBadge } from "~/components/badge";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { PageSection } from "~/components/page-section";
import { ProductGrid } from "~/components/product-card";
import { useShanghaiDates } from "~/components/show-time";
import { FollowButton } from "~/components/notices/follow-button";
import { RemindButton } from "~/components/notices/remind-button";
import { getShow } from "~/domain/live/show-schedule.server";
import { hasReminder, isFollowing } from "~/domain/notices/audience.server";
import { openGraph } from "~/web/open-graph";
import { getUserId } from "~/web/auth.server";
import { siteOrigin } from "~/web/site-origin.server";
import { invariantResponse } from "~/web/http.server";
import { getLocale, translator } from "~/lib/locale.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["store", "notices"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.pageTitle ?? "村播 Cunbo" },
  ...(data ? openGraph(data.preview) : []),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const show = await getShow(params.showId ?? "", locale);
  invariantResponse(show, t("store:show.notFound"));
  const userId = await getUserId(request);
  const [following, reminded] = await Promise.all([
    isFollowing(userId, { hostId: show.hostId }),
    hasReminder(userId, show.id),
  ]);
  const origin = siteOrigin(request);
  const preview = {
    type: "video.other",
    title: show.title,
    description: t("store:show.previewDescription", { host: show.hostName, village: show.hostVillage }),
    url: `${origin}/shows/${show.id}`,
    image: `${origin}/shows/${show.id}/poster`,
  };
  return {
    now: new Date(),
    show,
    following,
    reminded,
    preview,
    pageTitle: t("store:meta.page", { title: show.title }),
  };
}

export default function ShowPage() {
  const { t } = useTranslation("store");
  const { t: tn } = useTranslation("notices");
  const { now, show, following, reminded } = useLoaderData<typeof loader>();
  const here = `/shows/${show.id}`;
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
          ) : (
            <div className="flex flex-wrap items-center gap-2">
              <RemindButton showId={show.id} reminded={reminded} redirectTo={here} />
              <a
                href={`/shows/${show.id}/calendar`}
                download
                className="inline-flex min-h-12 items-center rounded-full px-4 text-sm font-medium text-sky-800 ring-1 ring-sky-700"
              >
                {tn("remind.calendar")}
              </a>
            </div>
          )}
          <a
            href={`/shows/${show.id}/poster`}
            className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
            data-testid="poster-link"
          >
            {tn("share.poster")}
          </a>
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
              <div className="mt-2">
                <FollowButton
                  target={{ hostId: show.hostId }}
                  following={following}
                  name={show.hostName}
                  redirectTo={here}
                />
              </div>
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
