// Times are stored in UTC and shown in Asia/Shanghai, the same on the server and in the browser (so hydration matches).
const TIME_ZONE = "Asia/Shanghai";

export function formatDateTime(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: TIME_ZONE,
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(value));
}

export function formatDate(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "short",
    day: "numeric",
  }).format(new Date(value));
}

/** The calendar day in Shanghai, as YYYY-MM-DD. */
export function shanghaiDay(value: Date | string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(value));
}

/** Whole hours from `now` until `deadline` (negative once it has passed), rounded towards the alarming side. */
export function hoursUntil(deadline: Date | string, now: Date | string): number {
  const ms = new Date(deadline).getTime() - new Date(now).getTime();
  return ms >= 0 ? Math.floor(ms / 3_600_000) : -Math.ceil(-ms / 3_600_000);
}
