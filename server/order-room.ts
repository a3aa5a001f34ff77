// Who may listen to an order's room (`order:<id>`): whoever holds the order's access token, which its page
// hands to its owner and to the guest whose signed link it is.
import type { ServerApi } from "./app-build.ts";
import type { Io } from "./realtime.ts";

type JoinRequest = { orderId?: unknown; token?: unknown };
type Ack = (reply: { ok: boolean }) => void;

export function attachOrderRooms(io: Io, app: ServerApi) {
  io.on("connection", (socket) => {
    socket.on("order:join", async (request: JoinRequest, ack?: Ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      const { orderId, token } = request ?? {};
      if (typeof orderId !== "string" || typeof token !== "string" || orderId.length > 64 || orderId.includes("\0"))
        return reply({ ok: false });
      const order = await app.db.order
        .findUnique({ where: { id: orderId }, select: { accessToken: true } })
        .catch(() => null);
      if (!order || !app.tokensMatch(token, order.accessToken)) return reply({ ok: false });
      await socket.join(`order:${orderId}`);
      reply({ ok: true });
    });
  });
}
