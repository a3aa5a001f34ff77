import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { createPaidOrder, workshopBySlug } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

const HOUR = 3_600_000;
const CONSOLE = "/studio/duzuo-rice-wine/fulfilment";
let baseUrl: string;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

describe("releasing a pre-order batch", () => {
  it("marking a batch released in the studio's batch form releases it the same way, with fresh ship-by", async () => {
    const duzuo = await workshopBySlug("duzuo-rice-wine");
    const batch = await db.batch.create({
      data: {
        workshopId: duzuo.id,
        productId: (await db.batch.findFirstOrThrow({ where: { workshopId: duzuo.id } })).productId,
        nameZh: "第5缸 糯米酒",
        nameEn: "Vat No. 5",
        readyDate: new Date(Date.now() + 10 * 24 * HOUR),
        capacity: 100,
      },
      include: { product: true },
    });
    const preorder = await createPaidOrder({
      workshopSlug: "duzuo-rice-wine",
      lines: [{ productSlug: batch.product.slug, batchId: batch.id, quantity: 2 }],
      shipBy: batch.readyDate,
    });
    const staff = await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test");
    const before = Date.now();
    const saved = await staff.post("/studio/duzuo-rice-wine/batches", {
      batchId: batch.id,
      nameZh: batch.nameZh,
      nameEn: batch.nameEn,
      readyDate: new Date(batch.readyDate.getTime() + 8 * HOUR).toISOString().slice(0, 10),
      capacity: "100",
      status: "released",
    });
    expect(saved.status).toBe(302);
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).status).toBe("released");
    const parcel = await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: preorder.fulfilmentOrderId } });
    expect(parcel.shipBy.getTime()).toBeGreaterThanOrEqual(before + 48 * HOUR);
    expect(parcel.shipBy.getTime()).toBeLessThan(batch.readyDate.getTime());
  });

  it("moves its parcels from waiting into the queue with ship-by 48 hours after the release", async () => {
    const duzuo = await workshopBySlug("duzuo-rice-wine");
    const batch = await db.batch.findFirstOrThrow({
      where: { workshopId: duzuo.id, status: "open" },
      include: { product: true },
    });
    const readyLongAgo = new Date(Date.now() - 30 * 24 * HOUR);
    const preorder = await createPaidOrder({
      workshopSlug: "duzuo-rice-wine",
      lines: [{ productSlug: batch.product.slug, batchId: batch.id, quantity: 5 }],
      shipBy: readyLongAgo,
    });
    const regular = await createPaidOrder({ workshopSlug: "duzuo-rice-wine" });
    const staff = await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test");

    const open = await (await staff.get(CONSOLE)).text();
    expect(open).toContain(regular.number);
    expect(open).not.toContain(preorder.number);
    const waiting = await (await staff.get(`${CONSOLE}?status=waiting`)).text();
    expect(waiting).toContain(preorder.number);
    expect(waiting).toContain("预售商品，等批次放行后再打包");

    const regularBefore = await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: regular.fulfilmentOrderId } });
    const before = Date.now();
    const released = await staff.post(CONSOLE, { intent: "release", batchId: batch.id });
    const after = Date.now();
    expect(released.status).toBe(302);
    expect(released.headers.get("location")).toContain("notice=release");
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).status).toBe("released");
    const parcel = await db.fulfilmentOrder.findUniqueOrThrow({
      where: { id: preorder.fulfilmentOrderId },
      include: { events: { orderBy: { createdAt: "desc" }, take: 1 } },
    });
    expect(parcel.status).toBe("queued");
    expect(parcel.shipBy.getTime()).toBeGreaterThanOrEqual(before + 48 * HOUR);
    expect(parcel.shipBy.getTime()).toBeLessThanOrEqual(after + 48 * HOUR);
    // A message key with the batch name, shown in the UI's language (app/domain/fulfilment/history-notes.ts).
    expect(parcel.events[0].note).toMatch(/^fulfil:log\.batchReleased \S/);
    expect(parcel.events[0].actorUserId).not.toBeNull();
    const regularAfter = await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: regular.fulfilmentOrderId } });
    expect(regularAfter.shipBy).toEqual(regularBefore.shipBy);

    const queue = await (await staff.get(CONSOLE)).text();
    expect(queue).toContain(preorder.number);
    const accept = await staff.post(CONSOLE, { intent: "accept", id: preorder.fulfilmentOrderId });
    expect(accept.status).toBe(302);

    const again = await staff.post(CONSOLE, { intent: "release", batchId: batch.id });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("这个批次已经放行或关闭了");
  });

  it("does not release another workshop's batch", async () => {
    const duzuo = await workshopBySlug("duzuo-rice-wine");
    const batch = await db.batch.create({
      data: {
        workshopId: duzuo.id,
        productId: (await db.product.findFirstOrThrow({ where: { workshopId: duzuo.id, preorder: true } })).id,
        nameZh: "第五缸",
        nameEn: "Vat five",
        readyDate: new Date(Date.now() + 10 * 24 * HOUR),
        capacity: 100,
      },
    });
    const berryStaff = await new Visitor(baseUrl).logIn("staff.berry@cunbo.test");
    const response = await berryStaff.post("/studio/berry-good-market/fulfilment", {
      intent: "release",
      batchId: batch.id,
    });
    expect(response.status).toBe(404);
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).status).toBe("open");
  });
});
