// Time in Asia/Shanghai, where shows are scheduled, days are counted and times are shown: the one time module.
// China has kept UTC+8 without daylight saving since 1991, so a fixed offset gives the same answer on the
// server and in every browser (Intl output differs between ICU versions and would break hydration).
export const SHANGHAI_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant read on a UTC clock as Shanghai's wall clock. */
const wallClock = (instant: Date | string | number) => new Date(new Date(instant).getTime() + OFFSET_MS);

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
  const shifted = wallClock(instant);
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

/** The calendar day in Shanghai, as YYYY-MM-DD. */
export function shanghaiDay(value: Date | string): string {
  return wallClock(value).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock minute, as "YYYY-MM-DD HH:mm". */
export function shanghaiMinute(value: Date | string): string {
  return wallClock(value).toISOString().slice(0, 16).replace("T", " ");
}

/** Midnight starting a Shanghai day given as YYYY-MM-DD, as a UTC instant. */
export function shanghaiDayToDate(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** Midnight in Shanghai, `daysBack` days before today's, as a UTC instant. */
export function shanghaiDayStart(now: Date, daysBack = 0): Date {
  const local = now.getTime() + OFFSET_MS;
  return new Date(local - (local % DAY_MS) - daysBack * DAY_MS - OFFSET_MS);
}

/** The first moment of the Shanghai month `monthsBack` months before this one (negative: after), as a UTC instant. */
export function shanghaiMonthStart(now: Date, monthsBack = 0): Date {
  const local = wallClock(now);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - monthsBack, 1) - OFFSET_MS);
}

/** A `datetime-local` value ("2026-12-01T19:30") read as Shanghai time; null when it is not one. */
export function parseShanghaiLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The `datetime-local` value showing this moment in Shanghai. */
export function toShanghaiLocal(date: Date | string): string {
  return wallClock(date).toISOString().slice(0, 16);
}

/** "12:05" or "1:02:05" for a number of seconds (countdowns and replay offsets). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** Whole hours from `now` until `deadline` (negative once it has passed), rounded towards the alarming side. */
export function hoursUntil(deadline: Date | string, now: Date | string): number {
  const ms = new Date(deadline).getTime() - new Date(now).getTime();
  return ms >= 0 ? Math.floor(ms / 3_600_000) : -Math.ceil(-ms / 3_600_000);
}

// Formatters are made once per language: building an Intl.DateTimeFormat is slow, using one is not.
const CLOCK = { hour: "2-digit", minute: "2-digit", hour12: false } as const;
const FORMATS = {
  show: { month: "short", day: "numeric", weekday: "short", ...CLOCK },
  clock: CLOCK,
  dateTime: { month: "short", day: "numeric", ...CLOCK },
  date: { year: "numeric", month: "short", day: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: keyof typeof FORMATS, locale: string): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: SHANGHAI_ZONE, ...FORMATS[kind] });
    formatters.set(key, made);
  }
  return made;
}

/** A show's time in words: weekday, day and clock time, or the clock time alone. */
export function formatShanghai(iso: string | Date, locale: string, withDate = true): string {
  return formatter(withDate ? "show" : "clock", locale).format(new Date(iso));
}

export function formatDateTime(value: Date | string, locale: string): string {
  return formatter("dateTime", locale).format(new Date(value));
}

export function formatDate(value: Date | string, locale: string): string {
  return formatter("date", locale).format(new Date(value));
}
