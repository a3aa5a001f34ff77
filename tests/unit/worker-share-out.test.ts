// The workers' share of a premium fund: property-tested so that, whatever the fund and the work, the shares sum
// exactly to the fund, nobody gets less than their proportion rounded down, and the leftover fen go to the named worker.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shareOutFund } from "~/domain/payouts/share-out";

const works = fc.uniqueArray(
  fc.record({ workerId: fc.string({ minLength: 1, maxLength: 6 }), work: fc.integer({ min: 0, max: 100_000 }) }),
  { minLength: 1, maxLength: 30, selector: (w) => w.workerId },
);

describe("shareOutFund", () => {
  it("shares always sum exactly to the fund when anyone worked", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), works, (fund, list) => {
        const shares = shareOutFund(fund, list, list[0].workerId);
        const total = [...shares.values()].reduce((sum, s) => sum + s, 0);
        const worked = list.some((w) => w.work > 0);
        expect(total).toBe(worked ? fund : 0);
      }),
    );
  });

  it("each worker gets at least their proportion rounded down, and only the named one more", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), works, fc.nat(), (fund, list, pick) => {
        const named = list[pick % list.length].workerId;
        const shares = shareOutFund(fund, list, named);
        const totalWork = list.reduce((sum, w) => sum + w.work, 0);
        if (totalWork === 0) return expect(shares.size).toBe(0);
        const receiver = list.find((w) => w.workerId === named && w.work > 0)
          ? named
          : list.reduce((best, w) => (w.work > best.work ? w : best)).workerId;
        for (const w of list.filter((x) => x.work > 0)) {
          const floor = Math.floor((fund * w.work) / totalWork);
          const got = shares.get(w.workerId)!;
          if (w.workerId === receiver) expect(got).toBeGreaterThanOrEqual(floor);
          else expect(got).toBe(floor);
        }
        for (const w of list.filter((x) => x.work === 0)) expect(shares.has(w.workerId)).toBe(false);
      }),
    );
  });

  it("the leftover fen of ¥1.00 over three equal workers go to the named one", () => {
    const shares = shareOutFund(
      100,
      [
        { workerId: "a", work: 1 },
        { workerId: "b", work: 1 },
        { workerId: "c", work: 1 },
      ],
      "b",
    );
    expect(Object.fromEntries(shares)).toEqual({ a: 33, b: 34, c: 33 });
  });

  it("refuses a fund that is not whole fen", () => {
    expect(() => shareOutFund(10.5, [{ workerId: "a", work: 1 }], "a")).toThrow(RangeError);
  });
});
