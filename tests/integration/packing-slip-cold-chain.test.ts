// A perishable parcel's packing slip carries a cold-chain mark with its ship-by time; other parcels' slips do not.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { createPaidOrder } from "../helpers/paid-order-fixture";
import { pdfPages } from "../helpers/pdf-text";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function slip(staffEmail: string, workshopSlug: string, id: string, locale?: "en") {
  const staff = await new Visitor(baseUrl).logIn(staffEmail);
  if (locale) await staff.post("/set-locale", { locale, redirectTo: "/" });
  const response = await staff.get(`/studio/${workshopSlug}/fulfilment/slips?ids=${id}`);
  expect(response.status).toBe(200);
  return pdfPages(Buffer.from(await response.arrayBuffer()))[0].text;
}

describe("packing slips of perishables", () => {
  it("mark strawberries for the cold chain with the time they must leave by, in the slip's language", async () => {
    const order = await createPaidOrder({ workshopSlug: "berry-good-market" });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.orderId }, include: { product: true } });
    expect(line.product.perishable).toBe(true);
    const zh = await slip("staff.berry@cunbo.test", "berry-good-market", order.fulfilmentOrderId);
    expect(zh).toContain("生鲜冷链 · 请放冰袋，勿挤压");
    expect(zh).toMatch(/务必在 \d+月\d+日 \d\d:\d\d 前发出/);
    const en = await slip("staff.berry@cunbo.test", "berry-good-market", order.fulfilmentOrderId, "en");
    expect(en).toContain("PERISHABLE · COLD CHAIN");
    expect(en).toMatch(/Must ship by /);
  });

  it("leave an umbrella's slip without the mark", async () => {
    const order = await createPaidOrder({ workshopSlug: "nanyang-umbrella" });
    const text = await slip("staff.umbrella@cunbo.test", "nanyang-umbrella", order.fulfilmentOrderId);
    expect(text).toContain(order.number);
    expect(text).not.toContain("冷链");
  });
});
