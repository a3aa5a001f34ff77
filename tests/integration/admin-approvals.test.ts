import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let pendingWorkshop: { id: string; slug: string };
let pendingHostId: string;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  pendingWorkshop = await db.workshop.findFirstOrThrow({
    where: { status: "pending" },
    select: { id: true, slug: true },
  });
  pendingHostId = (await db.host.findFirstOrThrow({ where: { user: { email: "host.pending@cunbo.test" } } })).id;
});

async function statuses() {
  const [workshops, hosts] = await Promise.all([
    db.workshop.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
    db.host.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
  ]);
  return JSON.stringify({ workshops, hosts });
}

describe("admin approvals", () => {
  it("only an admin sees the desk or decides; others get 403 and guests are sent to log in, and nothing changes", async () => {
    const before = await statuses();
    const decision = { kind: "workshop", id: pendingWorkshop.id, decision: "approved" };
    for (const email of ["shopper@cunbo.test", "staff.duzuo@cunbo.test", "host.tea@cunbo.test"]) {
      const visitor = await new Visitor(baseUrl).logIn(email);
      expect((await visitor.get("/admin")).status, email).toBe(403);
      expect((await visitor.post("/admin", decision)).status, email).toBe(403);
      expect(
        (await visitor.post("/admin", { kind: "host", id: pendingHostId, decision: "approved" })).status,
        email,
      ).toBe(403);
    }
    const guest = new Visitor(baseUrl);
    const refused = await guest.post("/admin", decision);
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toBe("/login?redirectTo=%2Fadmin");
    expect(await statuses()).toBe(before);
  });

  it("lists what awaits approval, with the applicant, and every workshop and host with its status", async () => {
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    const response = await admin.get("/admin");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("待审核工坊（1）");
    expect(html).toContain("钟埭村酒酿坊");
    expect(html).toContain("待审核主播（1）");
    expect(html).toContain("host.pending@cunbo.test");
    expect(html).toContain("杜做酒坊");
    expect(html).toContain("已通过");
  });

  it("a pending workshop is hidden from shoppers", async () => {
    expect((await new Visitor(baseUrl).get(`/workshops/${pendingWorkshop.slug}`)).status).toBe(404);
  });

  it("approving the pending workshop makes it visible: its status is approved and it leaves the queue", async () => {
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    const response = await admin.post("/admin", { kind: "workshop", id: pendingWorkshop.id, decision: "approved" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin?done=workshop-approved");
    const workshop = await db.workshop.findUniqueOrThrow({ where: { id: pendingWorkshop.id } });
    expect(workshop.status).toBe("approved");
    expect((await new Visitor(baseUrl).get(`/workshops/${workshop.slug}`)).status).toBe(200);
    const html = await (await admin.get("/admin?done=workshop-approved")).text();
    expect(html).toContain("待审核工坊（0）");
    expect(html).toContain("已通过该工坊");
  });

  it("approving a pending host lets them run shows; a decision can be revised", async () => {
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    expect((await admin.post("/admin", { kind: "host", id: pendingHostId, decision: "approved" })).status).toBe(302);
    expect((await db.host.findUniqueOrThrow({ where: { id: pendingHostId } })).status).toBe("approved");

    const host = await new Visitor(baseUrl).logIn("host.pending@cunbo.test");
    const account = await (await host.get("/account")).text();
    expect(account).toContain("村播主播");
    expect(account).toContain("已通过");

    expect((await admin.post("/admin", { kind: "host", id: pendingHostId, decision: "rejected" })).status).toBe(302);
    expect((await db.host.findUniqueOrThrow({ where: { id: pendingHostId } })).status).toBe("rejected");
  });

  it("refuses an unknown decision with 400 and an unknown id with 404", async () => {
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    const before = await statuses();
    expect((await admin.post("/admin", { kind: "workshop", id: pendingWorkshop.id, decision: "pending" })).status).toBe(
      400,
    );
    expect((await admin.post("/admin", { kind: "village", id: pendingWorkshop.id, decision: "approved" })).status).toBe(
      400,
    );
    expect(
      (await admin.post("/admin", { kind: "workshop", id: "no-such-workshop", decision: "approved" })).status,
    ).toBe(404);
    expect(await statuses()).toBe(before);
  });
});
