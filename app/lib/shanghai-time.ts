// Times are stored in UTC and shown in Asia/Shanghai (UTC+8, no daylight saving), whatever the device's zone.
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
