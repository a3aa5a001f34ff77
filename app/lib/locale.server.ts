// Which language a visitor sees: their remembered choice (a cookie), else Chinese.
import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "./i18n";
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

export function resourcesFor(locale: Locale) {
  return resources[locale];
}

/** A server-side translator for text built outside React (e.g. emails, PDFs, error messages). */
export function translator(locale: Locale) {
  const table = resources[locale] as Record<string, Record<string, string>>;
  return (key: string, values: Record<string, string | number> = {}) => {
    const [ns, rest] = key.includes(":") ? key.split(":", 2) : ["common", key];
    const template = table[ns]?.[rest] ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
  };
}
