// Components translate through `useTranslation(ns)` → `{ t, i18n: { language } }` (react-i18next's call shape, so
// moving off it changed only the import), over the one translator in ./i18n.
import { createContext, createElement, useContext, useMemo, useState, type ReactNode } from "react";
import { createTranslator, DEFAULT_LOCALE, type Locale, type Resources, type TFunction } from "./i18n";

export type I18n = { language: Locale; resources: Resources };

const I18nContext = createContext<I18n>({ language: DEFAULT_LOCALE, resources: {} });

export function I18nProvider({ value, children }: { value: I18n; children: ReactNode }) {
  return createElement(I18nContext.Provider, { value }, children);
}

export function useTranslation(namespaces?: string | readonly string[]): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext);
  const key = typeof namespaces === "string" ? namespaces : namespaces?.join(",");
  const t = useMemo(
    () => createTranslator(i18n.language, i18n.resources, namespaces),
    // `key` stands for `namespaces`, which callers often write as a new array literal on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n, key],
  );
  return { t, i18n };
}

/**
 * The translations a page has, per language: each page's root data brings the namespaces it needs, and those of
 * earlier pages stay (nothing on screen goes missing between a navigation and its data). A new object when it grows,
 * so translators made from the old one are made again.
 */
export function useAccumulatedI18n(language: Locale, incoming: Resources): I18n {
  const [kept, keep] = useState<I18n>(() => ({ language, resources: incoming }));
  let next = kept;
  if (kept.language !== language) next = { language, resources: incoming };
  else if (Object.keys(incoming).some((ns) => !(ns in kept.resources)))
    next = { language, resources: { ...kept.resources, ...incoming } };
  if (next !== kept) keep(next);
  return next;
}
