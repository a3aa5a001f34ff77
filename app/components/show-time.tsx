// Show times in Asia/Shanghai, relative to the page's "now" (sent by the loader, so server and browser agree):
// "今天 21:30", "明天 10:00", "11月29日 周六 14:00".
import { useTranslation } from "~/lib/i18n-react";
import { clockTime, shanghaiParts } from "~/lib/shanghai-time";

export function useShanghaiDates(now: Date | string) {
  const { t } = useTranslation("store");
  const today = shanghaiParts(now).dayNumber;
  /** Today / tomorrow / yesterday, else the date (with the weekday unless `short`). */
  const day = (at: Date | string, { short = false } = {}) => {
    const parts = shanghaiParts(at);
    const offset = parts.dayNumber - today;
    if (offset === 0) return t("time.today");
    if (offset === 1) return t("time.tomorrow");
    if (offset === -1) return t("time.yesterday");
    return t(short ? "time.shortDate" : "time.date", {
      month: parts.month,
      monthName: t(`time.month.${parts.month}`),
      day: parts.day,
      weekday: t(`time.weekday.${parts.weekday}`),
    });
  };
  return {
    day,
    time: (at: Date | string) => clockTime(shanghaiParts(at)),
    dayTime: (at: Date | string) => t("time.dayTime", { day: day(at), time: clockTime(shanghaiParts(at)) }),
  };
}
