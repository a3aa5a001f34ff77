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
