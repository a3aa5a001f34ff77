import { describe, expect, it } from "vitest";
import {
  clockTime,
  formatDate,
  formatDateTime,
  formatShanghai,
  parseShanghaiLocal,
  shanghaiDay,
  shanghaiDayStart,
  shanghaiDayToDate,
  shanghaiMinute,
  shanghaiMonthStart,
  shanghaiParts,
  toShanghaiLocal,
} from "~/lib/shanghai-time";

// 2026-11-30 16:00 UTC is midnight of 1 December in Shanghai.
const SHANGHAI_MIDNIGHT = new Date("2026-11-30T16:00:00Z");
const before = new Date(SHANGHAI_MIDNIGHT.getTime() - 60_000);
const after = new Date(SHANGHAI_MIDNIGHT.getTime() + 60_000);

describe("Shanghai days", () => {
  it("a minute before Shanghai midnight is still the previous day, a minute after is the next", () => {
    expect(shanghaiDay(before)).toBe("2026-11-30");
    expect(shanghaiDay(after)).toBe("2026-12-01");
    expect(shanghaiParts(after).dayNumber - shanghaiParts(before).dayNumber).toBe(1);
  });

  it("a day starts at Shanghai midnight, not UTC midnight", () => {
    expect(shanghaiDayStart(after).toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(shanghaiDayStart(before).toISOString()).toBe("2026-11-29T16:00:00.000Z");
    expect(shanghaiDayStart(after, 2).toISOString()).toBe("2026-11-28T16:00:00.000Z");
    expect(shanghaiDayToDate("2026-12-01")).toEqual(SHANGHAI_MIDNIGHT);
  });

  it("a month starts at Shanghai midnight of its first day, counted back across a year", () => {
    expect(shanghaiMonthStart(after).toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(shanghaiMonthStart(before).toISOString()).toBe("2026-10-31T16:00:00.000Z");
    expect(shanghaiMonthStart(after, 12).toISOString()).toBe("2025-11-30T16:00:00.000Z");
    expect(shanghaiMonthStart(after, -1).toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("the calendar parts are Shanghai's wall clock", () => {
    const parts = shanghaiParts(after);
    expect(parts).toMatchObject({ year: 2026, month: 12, day: 1, weekday: 2, hour: 0, minute: 1 });
    expect(clockTime(parts)).toBe("00:01");
  });
});

describe("datetime-local values", () => {
  it("a datetime-local value is read as Shanghai time", () => {
    expect(parseShanghaiLocal("2026-12-01T19:30")?.toISOString()).toBe("2026-12-01T11:30:00.000Z");
    expect(parseShanghaiLocal("2026-12-01T00:00")).toEqual(SHANGHAI_MIDNIGHT);
  });

  it("anything that is not a datetime-local value is refused", () => {
    expect(parseShanghaiLocal("2026-12-01 19:30")).toBeNull();
    expect(parseShanghaiLocal("2026-13-01T19:30")).toBeNull();
    expect(parseShanghaiLocal("")).toBeNull();
  });

  it("a moment shown in a datetime-local field reads back as the same moment", () => {
    expect(toShanghaiLocal(after)).toBe("2026-12-01T00:01");
    expect(parseShanghaiLocal(toShanghaiLocal(after))).toEqual(after);
  });
});

describe("formatting", () => {
  it("the spreadsheet minute is Shanghai's wall clock", () => {
    expect(shanghaiMinute(before)).toBe("2026-11-30 23:59");
  });

  it("dates and times are written in Shanghai time in both languages", () => {
    expect(formatDate(after, "en")).toBe("1 Dec 2026");
    expect(formatDate(before, "zh-CN")).toBe("2026年11月30日");
    expect(formatDateTime(after, "en")).toBe("1 Dec, 00:01");
    expect(formatShanghai(after, "en")).toBe("Tue 1 Dec, 00:01");
    expect(formatShanghai(after, "en", false)).toBe("00:01");
    expect(formatShanghai(after, "zh-CN")).toContain("12月1日");
  });
});
