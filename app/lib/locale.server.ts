// Which language a visitor sees: their remembered choice (a cookie), else Chinese.
import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, LOCALE_COOKIE, createTranslator, isLocale, type Locale, type TFunction } from "./i18n";
import { resources } from "~/locales/index.server";

export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function getLocale(request: Request): Promise<Locale> {
  return localeFromCookie(request.headers.get("Cookie"));
}

export async function localeFromCookie(cookieHeader: string | null): Promise<Locale> {
  const value = await localeCookie.parse(cookieHeader);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** The given namespaces of one language (all of them when none are named: the server's own translator). */
export function resourcesFor(locale: Locale, namespaces?: readonly string[]) {
  const all: Record<string, Record<string, string>> = resources[locale];
  if (!namespaces) return all;
  return Object.fromEntries(namespaces.filter((ns) => ns in all).map((ns) => [ns, all[ns]]));
}

const translators = new Map<Locale, TFunction>();

/** A server-side translator for text built outside React (e.g. emails, PDFs, error messages): the components' own. */
export function translator(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator(locale, resources[locale])));
  return t;
}
