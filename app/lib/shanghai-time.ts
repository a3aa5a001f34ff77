// Times are stored in UTC and shown in Asia/Shanghai, whatever the server's or browser's zone.
export function formatShanghai(value: Date | string, locale: string, withTime = true): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "short",
    day: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hour12: false } : { year: "numeric" }),
  }).format(typeof value === "string" ? new Date(value) : value);
}
