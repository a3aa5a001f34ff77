// The host's shows: live now first, then coming up, then ended (an admin sees everyone's).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { StatusPill } from "~/components/live/room-header";
import { usePick } from "~/components/live/use-pick";
import { showsForConsole } from "~/domain/live/shows.server";
import { forbidden, requireViewer } from "~/web/auth.server";
import { formatShanghai } from "~/lib/shanghai-time";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "checkout", "live", "luckybag", "notices"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const approvedHost = viewer.host?.status === "approved";
  if (!approvedHost && !viewer.isAdmin) forbidden();
  const shows = await showsForConsole(viewer);
  return {
    canCreate: approvedHost,
    shows: shows.map((show) => ({ ...show, scheduledAt: show.scheduledAt.toISOString() })),
    pageTitle: await pageTitle(request, (t) => t("live:host.title")),
  };
}

export default function HostShows() {
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  const { shows, canCreate } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <div className="mb-4 flex items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("host.title")}</h1>
        {canCreate ? (
          <Link
            to="/host/shows/new"
            className="inline-flex min-h-11 items-center rounded-full bg-brand-600 px-5 font-medium text-white"
          >
            {t("host.new")}
          </Link>
        ) : null}
      </div>
      <p className="mb-4">
        <Link to="/host/dashboard" className="text-brand-700 underline">
          {t("host.dashboardLink")}
        </Link>{" "}
        ·{" "}
        <Link to="/host/statements" className="text-brand-700 underline">
          {t("host.statementsLink")}
        </Link>
      </p>
      {shows.length === 0 ? <p className="text-stone-600">{t("host.empty")}</p> : null}
      <ul className="space-y-3">
        {shows.map((show) => (
          <li key={show.id}>
            <Link
              to={`/host/shows/${show.id}`}
              className="flex gap-3 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-stone-200 hover:ring-brand-600"
            >
              {show.coverImage ? (
                <img src={show.coverImage} alt="" className="h-20 w-16 flex-none rounded-lg object-cover" />
              ) : null}
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusPill status={show.status} />
                  <span className="text-sm text-stone-600">{formatShanghai(show.scheduledAt, locale)}</span>
                </div>
                <p className="mt-1 line-clamp-2 font-medium" data-as-written>
                  {show.title}
                </p>
                <p className="text-sm text-stone-600">
                  {t("host.summary", {
                    count: show._count.items,
                    host: pick(show.host.displayNameZh, show.host.displayNameEn),
                  })}
                </p>
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
