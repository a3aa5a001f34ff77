import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Visitor } from "../helpers/http";
import { createPaidOrder, workshopBySlug } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});
afterAll(() => sockets.forEach((socket) => socket.disconnect()));

function connect(visitor?: Visitor): Promise<Socket> {
  const socket = io(baseUrl, {
    transports: ["websocket"],
    extraHeaders: visitor ? { Cookie: visitor.cookieHeader() } : {},
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function join(socket: Socket, workshopId: string): Promise<boolean> {
  return new Promise((resolve) =>
    socket.emit("workshop:join", { workshopId }, (reply: { ok: boolean }) => resolve(reply.ok)),
  );
}

describe("the workshop's live queue room", () => {
  it("lets the workshop's staff in and keeps everyone else out", async () => {
    const berry = await workshopBySlug("berry-good-market");
    const staff = await connect(await new Visitor(baseUrl).logIn("staff.berry@cunbo.test"));
    const other = await connect(await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test"));
    const shopper = await connect(await new Visitor(baseUrl).logIn("shopper@cunbo.test"));
    const anonymous = await connect();
    const admin = await connect(await new Visitor(baseUrl).logIn("admin@cunbo.test"));
    expect(await join(staff, berry.id)).toBe(true);
    expect(await join(other, berry.id)).toBe(false);
    expect(await join(shopper, berry.id)).toBe(false);
    expect(await join(anonymous, berry.id)).toBe(false);
    expect(await join(admin, berry.id)).toBe(true);
  });

  it("tells the room when a parcel moves, and nobody outside it", async () => {
    const berry = await workshopBySlug("berry-good-market");
    const order = await createPaidOrder({ workshopSlug: "berry-good-market" });
    const staffVisitor = await new Visitor(baseUrl).logIn("staff.berry@cunbo.test");
    const staff = await connect(staffVisitor);
    const outsiderVisitor = await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test");
    const outsider = await connect(outsiderVisitor);
    expect(await join(staff, berry.id)).toBe(true);
    await join(outsider, berry.id);
    // The outsider listens to its own workshop's room, where a parcel of its own moving is the barrier.
    const duzuo = await workshopBySlug("duzuo-rice-wine");
    const own = await createPaidOrder({ workshopSlug: "duzuo-rice-wine" });
    expect(await join(outsider, duzuo.id)).toBe(true);
    const heardByOutsider: { fulfilmentOrderId: string }[] = [];
    outsider.on("queue:update", (payload) => heardByOutsider.push(payload));
    const heard = new Promise((resolve) => staff.once("queue:update", resolve));
    const response = await staffVisitor.post("/studio/berry-good-market/fulfilment", {
      intent: "accept",
      id: order.fulfilmentOrderId,
    });
    expect(response.status).toBe(302);
    expect(await heard).toEqual({
      fulfilmentOrderId: order.fulfilmentOrderId,
      status: "accepted",
      orderNumber: order.number,
    });
    const barrier = new Promise((resolve) =>
      outsider.on("queue:update", (payload) => payload.fulfilmentOrderId === own.fulfilmentOrderId && resolve(payload)),
    );
    const accepted = await outsiderVisitor.post("/studio/duzuo-rice-wine/fulfilment", {
      intent: "accept",
      id: own.fulfilmentOrderId,
    });
    expect(accepted.status).toBe(302);
    await barrier;
    expect(heardByOutsider.map((e) => e.fulfilmentOrderId)).toEqual([own.fulfilmentOrderId]);
  });
});
