// Picks the Chinese or English form of bilingual data (titles, names) for the page's language.
import { useTranslation } from "~/lib/i18n-react";

export function usePick() {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  return { locale: en ? "en" : "zh-CN", pick: (zh: string, english: string) => (en && english ? english : zh) };
}
