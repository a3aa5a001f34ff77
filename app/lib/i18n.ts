// i18next set-up shared by server and browser. Each area of the app owns one namespace file per language
// under app/locales/<lng>/<ns>.ts; the root loader sends only the visitor's language to the browser.
import i18next, { type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "lng";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function createI18n(locale: Locale, resources: Resource[string]): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: resources },
    ns: Object.keys(resources),
    defaultNS: "common",
    // Keys are flat ("nav.home"), so i18next need not split them on dots at every t() call.
    keySeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });
  return instance;
}
