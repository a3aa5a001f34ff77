// A page's <title> in the visitor's language, made by its loader (meta functions cannot translate): the page's
// own name, then the brand.
import type { TFunction } from "~/lib/i18n";
import type { Locale } from "~/lib/i18n";
import { getLocale, translator } from "~/lib/locale.server";

export async function pageTitle(request: Request, name: (t: TFunction, locale: Locale) => string): Promise<string> {
  const locale = await getLocale(request);
  const t = translator(locale);
  return t("common:title.page", { page: name(t, locale) });
}
