// The 403 page a form gets when it was not sent from one of Cunbo's own pages. server/index.ts renders it in place
// of the refused request, so the browser's address is still the form's: the page is plain HTML, not hydrated
// (Remix would reload a page whose address is not the one it was rendered for, and the reload would post again).
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import type { RouteHandle } from "~/root";
import { pageTitle } from "~/web/page-title.server";

export const handle: RouteHandle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.pageTitle ?? "403 · Cunbo" },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const reason = new URL(request.url).searchParams.get("reason") === "hidden" ? "hidden" : "foreign";
  return data(
    { reason, pageTitle: await pageTitle(request, (t) => t("common:crossSite.title")) },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}

export default function CrossSiteRefused() {
  const { reason } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-5xl font-bold text-brand-600">403</p>
      <h1 className="mt-4 text-2xl font-semibold">{t("crossSite.title")}</h1>
      <p className="mt-3 text-stone-700">{t(reason === "hidden" ? "crossSite.hidden" : "crossSite.foreign")}</p>
      <p className="mt-2 text-stone-600">{t("crossSite.retry")}</p>
      <Link to="/" className="mt-8 inline-block rounded-full bg-brand-600 px-6 py-3 font-medium text-white">
        {t("error.backHome")}
      </Link>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
