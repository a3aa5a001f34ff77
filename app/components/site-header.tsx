// The top bar on every page: brand, search, language switch and the account menu.
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";

/** Who is signed in, as the root loader tells it (null for a visitor). */
export type HeaderViewer = { name: string; isAdmin: boolean; isHost: boolean; hasStudio: boolean } | null;

type Props = { viewer: HeaderViewer; locale: string; cartCount?: number; unreadNotices?: number };

/** The bell: the notice inbox, with how many are unread. */
function NoticeBell({ unread, className }: { unread: number; className: string }) {
  const { t } = useTranslation();
  return (
    <NavLink to="/notices" className={`${className} relative inline-flex items-center`} data-testid="notice-bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-none stroke-current stroke-2">
        <path d="M6 9a6 6 0 1 1 12 0c0 6 2.5 7.5 2.5 7.5h-17S6 15 6 9Z" strokeLinejoin="round" />
        <path d="M10 20a2 2 0 0 0 4 0" strokeLinecap="round" />
      </svg>
      <span className="sr-only">{unread > 0 ? t("nav.noticesUnread", { count: unread }) : t("nav.notices")}</span>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          data-testid="notice-count"
          className="ml-0.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white tabular-nums"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}

export function SiteHeader({ viewer, locale, cartCount = 0, unreadNotices = 0 }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-full px-3 py-2 text-sm ${isActive ? "bg-brand-100 text-brand-700" : "text-stone-700 hover:bg-stone-100"}`;
  return (
    <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("nav.skip")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-1 px-3 py-2">
        <Link to="/" className="mr-auto flex items-baseline gap-2">
          <span className="text-xl font-bold text-brand-600">{t("brand")}</span>
          <span className="hidden text-xs text-stone-600 sm:inline">{t("tagline")}</span>
        </Link>
        <NavLink to="/search" className={linkClass}>
          {t("nav.search")}
        </NavLink>
        <NavLink to="/cart" className={linkClass}>
          {t("nav.cart")}
          {cartCount > 0 ? <span className="sr-only">{t("nav.cartCount", { count: cartCount })}</span> : null}
          {cartCount > 0 ? (
            <span
              aria-hidden="true"
              data-testid="cart-count"
              className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white tabular-nums"
            >
              {cartCount > 99 ? "99+" : cartCount}
            </span>
          ) : null}
        </NavLink>
        <Form method="post" action="/set-locale" className="inline">
          <input type="hidden" name="redirectTo" value={here} />
          <input type="hidden" name="locale" value={locale === "en" ? "zh-CN" : "en"} />
          <button
            type="submit"
            className="rounded-full border border-stone-300 px-3 py-1.5 text-sm text-stone-800 hover:bg-stone-100"
            lang={locale === "en" ? "zh-CN" : "en"}
          >
            {t("locale.switch")}
          </button>
        </Form>
        {viewer ? (
          <>
            {viewer.isHost ? (
              <NavLink to="/host" className={linkClass}>
                {t("nav.host")}
              </NavLink>
            ) : null}
            {viewer.hasStudio ? (
              <NavLink to="/studio" className={linkClass}>
                {t("nav.studio")}
              </NavLink>
            ) : null}
            {viewer.isAdmin ? (
              <NavLink to="/admin" className={linkClass}>
                {t("nav.admin")}
              </NavLink>
            ) : null}
            <NoticeBell unread={unreadNotices} className={linkClass({ isActive: location.pathname === "/notices" })} />
            <NavLink to="/account/orders" className={linkClass}>
              {t("nav.orders")}
            </NavLink>
            <NavLink to="/account" end className={linkClass}>
              <span data-as-written>{viewer.name}</span>
            </NavLink>
            <Form method="post" action="/logout">
              <button type="submit" className="rounded-full px-3 py-2 text-sm text-stone-700 hover:bg-stone-100">
                {t("nav.logout")}
              </button>
            </Form>
          </>
        ) : (
          <NavLink to={`/login?${new URLSearchParams({ redirectTo: here })}`} className={linkClass}>
            {t("nav.login")}
          </NavLink>
        )}
      </div>
    </header>
  );
}
