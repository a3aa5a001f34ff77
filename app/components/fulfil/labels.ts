// Fixed words (status names, button labels) looked up once per language rather than once per parcel: a page of
// fifty parcels would otherwise ask i18next for the same few words a thousand times.
import type { TFunction } from "~/lib/i18n";

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

// The notes the system writes on a parcel's events (in the database, so in no language); people's own notes (a
// problem's reason) and courier + tracking are shown as written.
const SYSTEM_NOTES: Record<string, string> = {
  paid: "log.note.paid",
  refunded: "log.note.refunded",
  "cancelled by buyer": "log.note.cancelledByBuyer",
};
const BATCH_RELEASED = "batch released: ";

/** An event's note in the page's language when the system wrote it, else null (show it as written). */
export function systemNote(t: TFunction, note: string): string | null {
  if (note in SYSTEM_NOTES) return t(SYSTEM_NOTES[note]);
  if (note.startsWith(BATCH_RELEASED)) return t("log.note.batchReleased", { batch: note.slice(BATCH_RELEASED.length) });
  return null;
}
