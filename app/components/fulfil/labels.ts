// Fixed words (status names, button labels) looked up once per language rather than once per parcel: a page of
// fifty parcels would otherwise ask i18next for the same few words a thousand times.
import type { TFunction } from "i18next";

const cache = new Map<string, string>();

export function fixedLabel(t: TFunction, language: string, key: string): string {
  const id = `${language}\u0000${key}`;
  let label = cache.get(id);
  if (label === undefined) {
    label = t(key);
    cache.set(id, label);
  }
  return label;
}
