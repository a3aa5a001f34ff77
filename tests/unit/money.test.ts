import { describe, expect, it } from "vitest";
import { formatMoney, parseYuan } from "~/lib/money";

describe("money", () => {
  it("shows fen as yuan with two decimals", () => {
    expect(formatMoney(1280)).toBe("¥12.80");
    expect(formatMoney(5)).toBe("¥0.05");
    expect(formatMoney(12345678)).toBe("¥123,456.78");
    expect(formatMoney(-250)).toBe("-¥2.50");
  });

  it("reads what a person types as yuan into fen, and refuses what is not an amount", () => {
    expect(parseYuan("12.8")).toBe(1280);
    expect(parseYuan("¥1,280.00")).toBe(128000);
    expect(parseYuan("0.05")).toBe(5);
    expect(parseYuan("12.345")).toBeNull();
    expect(parseYuan("-3")).toBeNull();
    expect(parseYuan("abc")).toBeNull();
  });
});
