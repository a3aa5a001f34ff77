import { describe, expect, it } from "vitest";
import { fenFromSql, fenRow } from "~/lib/fen-sums.server";

describe("money sums read back from SQL", () => {
  it("a bigint sum past ¥21.47 M becomes the exact number of fen", () => {
    expect(fenFromSql(11_328_000_000n)).toBe(11_328_000_000);
    expect(fenFromSql(null)).toBe(0);
    expect(fenRow({ id: "w", fen: 2n ** 53n - 1n, orders: 3 })).toEqual({ id: "w", fen: 2 ** 53 - 1, orders: 3 });
  });

  it("a sum a number cannot hold exactly is refused, not rounded", () => {
    expect(() => fenFromSql(2n ** 53n)).toThrow(RangeError);
    expect(() => fenFromSql(-(2n ** 53n))).toThrow(RangeError);
  });
});
