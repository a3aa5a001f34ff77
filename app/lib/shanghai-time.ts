// Times are stored in UTC and shown in Asia/Shanghai, the same on the server and in the browser (so hydration
// matches). Formatters are made once per language: building an Intl.DateTimeFormat is slow, using one is not.
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
