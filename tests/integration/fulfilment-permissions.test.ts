import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { createPaidOrder } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let berryParcel: string;
let duzuoParcel: string;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  berryParcel = (await createPaidOrder({ workshopSlug: "berry-good-market" })).fulfilmentOrderId;
  duzuoParcel = (await createPaidOrder({ workshopSlug: "duzuo-rice-wine" })).fulfilmentOrderId;
});

const berryStaff = () => new Visitor(baseUrl).logIn("staff.berry@cunbo.test");

describe("a workshop never sees another workshop's parcels", () => {
  it("refuses another workshop's queue, slips, export and actions with 403", async () => {
    const visitor = await berryStaff();
    for (const path of ["", "/slips", "/export", `/slips?ids=${duzuoParcel}`, `/export?ids=${duzuoParcel}`]) {
      const response = await visitor.get(`/studio/duzuo-rice-wine/fulfilment${path}`);
      expect(response.status, path).toBe(403);
    }
    const post = await visitor.post("/studio/duzuo-rice-wine/fulfilment", { intent: "accept", id: duzuoParcel });
    expect(post.status).toBe(403);
    expect((await db.fulfilmentOrder.findUniqueOrThrow({ where: { id: duzuoParcel } })).status).toBe("queued");
  });

  it("answers 404 for a parcel of another workshop asked for through its own workshop's address", async () => {
    const visitor = await berryStaff();
    expect((await visitor.get(`/studio/berry-good-market/fulfilment/slips?ids=${duzuoParcel}`)).status).toBe(404);
    expect((await visitor.get(`/studio/berry-good-market/fulfilment/export?ids=${duzuoParcel}`)).status).toBe(404);
    expect(
      (await visitor.get(`/studio/berry-good-market/fulfilment/slips?ids=${berryParcel},${duzuoParcel}`)).status,
    ).toBe(404);
    const step = await visitor.post("/studio/berry-good-market/fulfilment", { intent: "accept", id: duzuoParcel });
    expect(step.status).toBe(404);
    const bulk = new URLSearchParams([
      ["intent", "bulk-accept"],
      ["ids", berryParcel],
      ["ids", duzuoParcel],
    ]);
    const bulkResponse = await visitor.request("/studio/berry-good-market/fulfilment", {
      method: "POST",
      body: bulk,
      headers: { Origin: baseUrl },
    });
    expect(bulkResponse.status).toBe(404);
    const statuses = await db.fulfilmentOrder.findMany({ where: { id: { in: [berryParcel, duzuoParcel] } } });
    expect(statuses.map((s) => s.status)).toEqual(["queued", "queued"]);
    const ship = await visitor.get(`/studio/berry-good-market/fulfilment?view=ship&ids=${duzuoParcel}`);
    expect(ship.status).toBe(404);
  });

  it("sends a visitor who is not signed in to log in, and a shopper away with 403", async () => {
    const anonymous = await new Visitor(baseUrl).get("/studio/berry-good-market/fulfilment/slips");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const shopper = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
    expect((await shopper.get("/studio/berry-good-market/fulfilment")).status).toBe(403);
    expect((await shopper.get("/studio/berry-good-market/fulfilment/export")).status).toBe(403);
  });

  it("answers 404 for a workshop that does not exist", async () => {
    const visitor = await berryStaff();
    expect((await visitor.get("/studio/no-such-workshop/fulfilment")).status).toBe(404);
  });

  it("lets a member of two workshops into both, and an admin into any", async () => {
    const tea = await new Visitor(baseUrl).logIn("staff.tea@cunbo.test");
    expect((await tea.get("/studio/tea-fairy-jingshan/fulfilment")).status).toBe(200);
    expect((await tea.get("/studio/osprey-team-dinghe/fulfilment")).status).toBe(200);
    expect((await tea.get("/studio/berry-good-market/fulfilment")).status).toBe(403);
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    expect((await admin.get("/studio/berry-good-market/fulfilment")).status).toBe(200);
  });
});
