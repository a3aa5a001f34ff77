import { describe, expect, it } from "vitest";
import { claimRefusal, returnPolicyOf, splitAmount, valueOfUnits, type ClaimCheck } from "~/domain/after-sales/rules";

const HOUR = 3_600_000;
const now = new Date("2026-12-01T04:00:00Z");
const base: ClaimCheck = {
  kind: "return_and_refund",
  reason: "no_reason",
  photos: 0,
  lines: [{ policy: "seven_days", madeToOrder: false }],
  deliveredAt: new Date(now.getTime() - 24 * HOUR),
  now,
};

describe("after-sales rules", () => {
  it("names each product's returns rule: perishable before made-to-order before 7 days", () => {
    expect(returnPolicyOf({ perishable: true, customisable: true })).toBe("perishable");
    expect(returnPolicyOf({ perishable: false, customisable: true })).toBe("custom");
    expect(returnPolicyOf({ perishable: false, customisable: false })).toBe("seven_days");
  });

  it("allows a no-reason return for 7 days from delivery, and refuses it for exempt goods", () => {
    expect(claimRefusal(base)).toBeNull();
    expect(claimRefusal({ ...base, deliveredAt: new Date(now.getTime() - 7 * 24 * HOUR - 1) })).toBe(
      "aftersales:error.noReasonLate",
    );
    expect(claimRefusal({ ...base, lines: [{ policy: "seven_days", madeToOrder: true }] })).toBe(
      "aftersales:error.customNoReason",
    );
    expect(claimRefusal({ ...base, lines: [{ policy: "perishable", madeToOrder: false }] })).toBe(
      "aftersales:error.perishableNoReason",
    );
  });

  it("takes a perishable damage claim within 48 hours of delivery, with a photo", () => {
    const fresh = {
      ...base,
      kind: "refund_only" as const,
      reason: "damaged" as const,
      lines: [{ policy: "perishable" as const, madeToOrder: false }],
    };
    expect(claimRefusal(fresh)).toBe("aftersales:error.photoRequired");
    expect(claimRefusal({ ...fresh, photos: 1 })).toBeNull();
    expect(claimRefusal({ ...fresh, photos: 1, deliveredAt: new Date(now.getTime() - 48 * HOUR - 1) })).toBe(
      "aftersales:error.perishableLate",
    );
  });

  it("splits an amount in proportion, summing exactly and never above a line's weight", () => {
    expect(splitAmount(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(splitAmount(100, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(splitAmount(5, [3, 2])).toEqual([3, 2]);
    expect(splitAmount(7, [3, 2])).toEqual([3, 2]);
    for (const amount of [1, 17, 999, 1000]) {
      const parts = splitAmount(amount, [333, 333, 334]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
    }
    expect(valueOfUnits(1000, 3, 1)).toBe(333);
    expect(valueOfUnits(1000, 3, 3)).toBe(1000);
  });
});
