// A tracking number already on another parcel is almost always a typing slip: the ship form says so and saves
// nothing until the person confirms; then it saves the number as asked.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { createPaidOrder } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

const CONSOLE = "/studio/berry-good-market/fulfilment";
let staff: Visitor;
let umbrellaStaff: Visitor;

beforeAll(async () => {
  const baseUrl = (await startTestServer()).url;
  staff = await new Visitor(baseUrl).logIn("staff.berry@cunbo.test");
  umbrellaStaff = await new Visitor(baseUrl).logIn("staff.umbrella@cunbo.test");
});

const status = async (id: string) => (await db.fulfilmentOrder.findUniqueOrThrow({ where: { id } })).status;

describe("a tracking number already used", () => {
  it("is warned about before it is saved on a second parcel, and saved once the person says so", async () => {
    const first = await createPaidOrder({ workshopSlug: "berry-good-market", status: "packed" });
    const second = await createPaidOrder({ workshopSlug: "berry-good-market", status: "packed" });
    const ship = (id: string, trackingNumber: string, extra: Record<string, string> = {}) =>
      staff.post(CONSOLE, { intent: "ship", id, courier: "sf", trackingNumber, ...extra });

    expect((await ship(first.fulfilmentOrderId, "SF7000000000001")).status).toBe(302);
    // Typed differently (spaces, lower case), it is still the same number.
    const warned = await ship(second.fulfilmentOrderId, "sf 7000 0000 00001");
    expect(warned.status).toBe(409);
    const html = await warned.text();
    expect(html).toContain(`运单号 SF7000000000001 已用在订单 ${first.number} 的包裹上。`);
    expect(html).toContain("仍然保存此运单号");
    expect(html).toMatch(/name="reuseTracking" value="yes"/);
    expect(await status(second.fulfilmentOrderId)).toBe("packed");

    const anyway = await ship(second.fulfilmentOrderId, "SF7000000000001", { reuseTracking: "yes" });
    expect(anyway.status).toBe(302);
    expect(await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: second.fulfilmentOrderId } })).toMatchObject({
      status: "shipped",
      trackingNumber: "SF7000000000001",
    });
  });

  it("a fresh number ships at once, and a confirmation value other than yes is refused", async () => {
    const order = await createPaidOrder({ workshopSlug: "berry-good-market", status: "packed" });
    const odd = await staff.post(CONSOLE, {
      intent: "ship",
      id: order.fulfilmentOrderId,
      courier: "sf",
      trackingNumber: "SF7000000000002",
      reuseTracking: "sure",
    });
    expect(odd.status).toBe(400);
    const fresh = await staff.post(CONSOLE, {
      intent: "ship",
      id: order.fulfilmentOrderId,
      courier: "sf",
      trackingNumber: "SF7000000000002",
    });
    expect(fresh.status).toBe(302);
  });

  it("names no order of another workshop", async () => {
    const berry = await createPaidOrder({ workshopSlug: "berry-good-market", status: "packed" });
    expect(
      (
        await staff.post(CONSOLE, {
          intent: "ship",
          id: berry.fulfilmentOrderId,
          courier: "zto",
          trackingNumber: "731234500001",
        })
      ).status,
    ).toBe(302);
    const umbrella = await createPaidOrder({ workshopSlug: "nanyang-umbrella", status: "packed" });
    const warned = await umbrellaStaff.post("/studio/nanyang-umbrella/fulfilment", {
      intent: "ship",
      id: umbrella.fulfilmentOrderId,
      courier: "zto",
      trackingNumber: "731234500001",
    });
    expect(warned.status).toBe(409);
    const html = await warned.text();
    expect(html).toContain("运单号 731234500001 已用在另一个包裹上。");
    expect(html).not.toContain(berry.number);
  });
});
