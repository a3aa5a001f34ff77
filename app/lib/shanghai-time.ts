// Calendar parts of an instant in Asia/Shanghai, where shows are scheduled and times are shown.
// China has kept UTC+8 without daylight saving since 1991, so a fixed offset gives the same answer on the
// server and in every browser (Intl output differs between ICU versions and would break hydration).
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ShanghaiParts = {
  year: number;
  month: number; // 1–12
  day: number;
  weekday: number; // 0 = Sunday
  hour: number;
  minute: number;
  /** Days since 1970-01-01 in Shanghai, to compare calendar days. */
  dayNumber: number;
};

export function shanghaiParts(instant: Date | string | number): ShanghaiParts {
  const shifted = new Date(new Date(instant).getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    dayNumber: Math.floor(shifted.getTime() / DAY_MS),
  };
}

/** "09:05": a 24-hour clock time, read the same way in both languages. */
export function clockTime(parts: ShanghaiParts): string {
  return `${String(parts.hour).padStart(2, "0")}:${String(parts.minute).padStart(2, "0")}`;
}

const ZONE = "Asia/Shanghai";

export function formatShanghai(iso: string | Date, locale: string, withDate = true): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: ZONE,
    ...(withDate ? { month: "short", day: "numeric", weekday: "short" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(date);
}

/** A `datetime-local` value ("2026-12-01T19:30") read as Shanghai time; null when it is not one. */
export function parseShanghaiLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The `datetime-local` value showing this moment in Shanghai. */
export function toShanghaiLocal(date: Date | string): string {
  const shifted = new Date(new Date(date).getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

/** "12:05" or "1:02:05" for a number of seconds (countdowns and replay offsets). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** A calendar day with its year ("2026年12月17日"), for dates such as a pre-order batch's ready date. */
export function formatShanghaiDay(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "short",
    day: "numeric",
  }).format(typeof value === "string" ? new Date(value) : value);
}
