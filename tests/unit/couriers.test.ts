import { describe, expect, it } from "vitest";
import { COURIERS, isPlausibleTracking, normaliseTracking } from "~/domain/fulfilment/couriers";

describe("tracking numbers", () => {
  it("accepts each courier's own example and the way people type it", () => {
    for (const courier of COURIERS) expect(isPlausibleTracking(courier.id, courier.example), courier.id).toBe(true);
    expect(isPlausibleTracking("sf", "sf 1234-5678-9012")).toBe(true);
    expect(normaliseTracking(" ea 123 456 789 cn ")).toBe("EA123456789CN");
  });

  it.each([
    ["sf", "1234567890123"],
    ["sf", "SF12345"],
    ["jd", "SF1234567890123"],
    ["jd", "JD123"],
    ["ems", "EA12345678CN"],
    ["ems", "123456789012"],
    ["zto", "73123"],
    ["yunda", "123456789012"],
    ["yto", "YT12"],
    ["sto", "ABC123456789012"],
    ["other", "12345"],
    ["other", "有中文123456"],
    ["dhl", "1234567890"],
  ])("refuses %s number %s", (courier, number) => {
    expect(isPlausibleTracking(courier, number)).toBe(false);
  });
});
