import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteLoaderData,
  useSearchParams,
  UNSAFE_RemixContext,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useContext } from "react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { SiteHeader } from "~/components/site-header";
import { getOptionalViewer } from "~/web/auth.server";
import { cartOwner } from "~/web/cart-session.server";
import { cartCount as countCartItems } from "~/domain/checkout/cart-lookup.server";
import { I18nProvider, useAccumulatedI18n } from "~/lib/i18n-react";
import { unreadNoticeCount } from "~/domain/notices/audience.server";
import { useNonce } from "~/lib/nonce";
import { getLocale, resourcesFor } from "~/lib/locale.server";
import { namespacesForPath } from "~/web/route-translations.server";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [viewer, cartCount] = await Promise.all([
    getOptionalViewer(request),
    cartOwner(request).then(({ owner }) => countCartItems(owner)),
  ]);
  return {
    locale,
    cartCount,
    unreadNotices: viewer ? await unreadNoticeCount(viewer.id) : 0,
    // Only what the matched routes list in their `handle.i18n` (and "common"), not every namespace.
    resources: resourcesFor(locale, namespacesForPath(new URL(request.url).pathname)),
    viewer: viewer && {
      name: viewer.name,
      isAdmin: viewer.isAdmin,
      isHost: viewer.host?.status === "approved",
      hasStudio: viewer.memberships.length > 0,
    },
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

// The translations travel with the root's data, each page's own, so it is fetched again for another path (which may
// need other namespaces) and when a form submission may have changed it (log-in, log-out, the language switch).
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  defaultShouldRevalidate,
  currentUrl,
  nextUrl,
}) => (formMethod ? defaultShouldRevalidate : currentUrl.pathname !== nextUrl.pathname);

/**
 * A route whose `handle` says `hydrate: false` is sent as plain HTML, without the app's scripts; `i18n` lists the
 * translation namespaces its page shows besides "common" (tests/unit/route-namespaces.test.ts checks the list);
 * `siteHeader: false` leaves the site header out (the live room has its own, over the stream).
 */
export type RouteHandle = { hydrate?: boolean; i18n?: readonly string[]; siteHeader?: boolean };

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const hydrate = !useMatches().some((match) => (match.handle as RouteHandle | undefined)?.hydrate === false);
  return (
    <html lang={data?.locale ?? "zh-CN"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#c2410c" />
        <Meta />
        <Links />
        {hydrate ? <EarlyModulePreloads nonce={nonce} /> : null}
      </head>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        {children}
        {hydrate ? (
          <>
            {/* Zod probes `new Function` once to decide whether to compile its parsers, and the CSP (no
                'unsafe-eval') reports that probe as a violation though zod catches it. This is what
                `z.config({ jitless: true })` writes, set before any module runs, without loading zod on pages
                that have no form. */}
            <script
              nonce={nonce}
              dangerouslySetInnerHTML={{ __html: "globalThis.__zod_globalConfig={jitless:true}" }}
            />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

/**
 * The app's modules, announced in <head> (Remix's own preloads come with <Scripts> at the end of <body>): on a slow
 * phone the browser would otherwise queue the page's images ahead of the scripts that make the page work.
 */
function EarlyModulePreloads({ nonce }: { nonce: string }) {
  const manifest = useContext(UNSAFE_RemixContext)?.manifest;
  const matches = useMatches();
  if (!manifest) return null;
  const hrefs = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (const match of matches) {
    const route = manifest.routes[match.id];
    for (const href of [...(route?.imports ?? []), ...(route ? [route.module] : [])]) hrefs.add(href);
  }
  return [...hrefs].map((href) => <link key={href} rel="modulepreload" href={href} nonce={nonce} />);
}

export default function App() {
  const { locale, resources, viewer, cartCount, unreadNotices } = useLoaderData<typeof loader>();
  const i18n = useAccumulatedI18n(locale, resources);
  // `?sheet=1`: the page sits in a sheet over a live stream (e.g. checkout), so it comes without the site header.
  const [searchParams] = useSearchParams();
  const ownHeader = useMatches().some((match) => (match.handle as RouteHandle | undefined)?.siteHeader === false);
  return (
    <I18nProvider value={i18n}>
      {searchParams.get("sheet") === "1" || ownHeader ? null : (
        <SiteHeader viewer={viewer} locale={locale} cartCount={cartCount} unreadNotices={unreadNotices} />
      )}
      <Outlet />
    </I18nProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
