// What a parcel's history says beside a step, so it can be shown in the UI's language: notes the system writes are
// message keys (with at most one value after a space), a shipment is "<courier id> <tracking number>", and what a
// person typed (a problem, a reason to cancel) is shown as typed. Rows written before keys were used still read.
import { isCourierId, type CourierId } from "./couriers";

export const SYSTEM_NOTES = {
  paid: "fulfil:log.paid",
  batchReleased: "fulfil:log.batchReleased",
} as const;

/** The stored note for a system event, e.g. `systemNote("batchReleased", "春茶第一批")`. */
export function systemNote(kind: keyof typeof SYSTEM_NOTES, value?: string): string {
  return value ? `${SYSTEM_NOTES[kind]} ${value}` : SYSTEM_NOTES[kind];
}

export type HistoryNote =
  | { kind: "key"; key: string; value: string }
  | { kind: "shipped"; courier: CourierId; trackingNumber: string }
  | { kind: "text"; text: string };

const KEYED = /^(fulfil:log\.[A-Za-z]+)(?: ([\s\S]*))?$/;
const LEGACY: [RegExp, string][] = [
  [/^paid$/, SYSTEM_NOTES.paid],
  [/^batch released: ([\s\S]*)$/, SYSTEM_NOTES.batchReleased],
];

export function readHistoryNote(note: string, toStatus: string): HistoryNote {
  const keyed = KEYED.exec(note);
  if (keyed) return { kind: "key", key: keyed[1], value: keyed[2] ?? "" };
  for (const [pattern, key] of LEGACY) {
    const match = pattern.exec(note);
    if (match) return { kind: "key", key, value: match[1] ?? "" };
  }
  const shipped = toStatus === "shipped" ? /^(\S+) (\S+)$/.exec(note) : null;
  if (shipped && isCourierId(shipped[1])) return { kind: "shipped", courier: shipped[1], trackingNumber: shipped[2] };
  return { kind: "text", text: note };
}
