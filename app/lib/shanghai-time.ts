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

// Formatters are made once per language: building an Intl.DateTimeFormat is slow, using one is not.
const TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: "dateTime" | "date" | "day", locale: string): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let made = formatters.get(key);
  if (!made) {
    const language = locale === "en" ? "en-GB" : "zh-CN";
    made =
      kind === "dateTime"
        ? new Intl.DateTimeFormat(language, {
            timeZone: TIME_ZONE,
            month: "short",
            day: "numeric",
            hour: "2-digit",
            minute: "2-digit",
            hour12: false,
          })
        : kind === "date"
          ? new Intl.DateTimeFormat(language, { timeZone: TIME_ZONE, year: "numeric", month: "short", day: "numeric" })
          : new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE });
    formatters.set(key, made);
  }
  return made;
}

export function formatDateTime(value: Date | string, locale: string): string {
  return formatter("dateTime", locale).format(new Date(value));
}

export function formatDate(value: Date | string, locale: string): string {
  return formatter("date", locale).format(new Date(value));
}

/** The calendar day in Shanghai, as YYYY-MM-DD. */
export function shanghaiDay(value: Date | string): string {
  return formatter("day", "en").format(new Date(value));
}

/** Whole hours from `now` until `deadline` (negative once it has passed), rounded towards the alarming side. */
export function hoursUntil(deadline: Date | string, now: Date | string): number {
  const ms = new Date(deadline).getTime() - new Date(now).getTime();
  return ms >= 0 ? Math.floor(ms / 3_600_000) : -Math.ceil(-ms / 3_600_000);
}
