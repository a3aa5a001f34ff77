// Picks the visitor's language from a bilingual pair of fields (the schema stores zh and en side by side).
import type { Locale } from "./i18n";

export function pick<T>(locale: Locale, zh: T, en: T): T {
  return locale === "en" ? en : zh;
}
