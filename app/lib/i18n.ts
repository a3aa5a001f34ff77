// The one translator, the same on the server and in the browser (≈1 KB instead of i18next's 19 KB on every page).
// Each area of the app owns one namespace file per language under app/locales/<lng>/<ns>.ts; the root loader sends
// the browser only the visitor's language and the namespaces the page's routes list. It keeps the i18next rules the
// app was written against: flat keys, a key written ns:key picks a namespace, `{{name}}` is replaced by the value as it is (no
// HTML escaping: React escapes), a variable not given stays as written, `count` first tries `key_zero` (for 0) and
// `key_<plural category>` (Intl.PluralRules), and a key that is missing everywhere comes back as the key.
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "lng";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Namespace → key → text, for one language. */
export type Resources = Record<string, Readonly<Record<string, string>>>;
export type TOptions = Readonly<Record<string, unknown>>;
export type TFunction = (key: string, values?: TOptions) => string;

const NAMESPACE = /^[a-z][\w-]*$/;
const VARIABLE = /\{\{-?\s*([^{}]+?)\s*\}\}/g;
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralKeys(locale: string, key: string, count: unknown): string[] {
  if (typeof count !== "number") return [key];
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const keys = [`${key}_${rules.select(count)}`, key];
  return count === 0 ? [`${key}_zero`, ...keys] : keys;
}

export function interpolate(text: string, values?: TOptions): string {
  if (!values || !text.includes("{{")) return text;
  return text.replace(VARIABLE, (written, name: string) => {
    const value = values[name];
    return value === undefined ? written : value === null ? "" : String(value);
  });
}

/**
 * A `t` for one language: keys are looked up in `namespaces` in order (the first is the default), unless the key
 * names its own (`ns:key`, as in account:error.email; a sentence with a colon is not a namespace). `resources` may grow later (a page that brings more namespaces).
 */
export function createTranslator(
  locale: Locale,
  resources: Resources,
  namespaces: string | readonly string[] = "common",
): TFunction {
  const defaults = typeof namespaces === "string" ? [namespaces] : namespaces.length ? namespaces : ["common"];
  return (key, values) => {
    let lookIn = defaults;
    let bare = key;
    const colon = key.indexOf(":");
    if (colon > 0 && NAMESPACE.test(key.slice(0, colon))) {
      lookIn = [key.slice(0, colon)];
      bare = key.slice(colon + 1);
    }
    for (const candidate of pluralKeys(locale, bare, values?.count)) {
      for (const ns of lookIn) {
        const text = resources[ns]?.[candidate];
        if (text !== undefined) return interpolate(text, values);
      }
    }
    return bare;
  };
}
