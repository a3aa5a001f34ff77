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
    const outsider = await connect(await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test"));
    expect(await join(staff, berry.id)).toBe(true);
    await join(outsider, berry.id);
    const leaked: unknown[] = [];
    outsider.on("queue:update", (payload) => leaked.push(payload));
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
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(leaked).toEqual([]);
  });
});
