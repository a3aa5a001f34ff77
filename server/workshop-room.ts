// Who may listen to a workshop's packing queue (`workshop:<id>`): its members and admins, known by the session
// cookie the browser sends with the socket's handshake. Anyone else is told no and never joins.
import type { ServerApi } from "./app-build.ts";
import type { Io, IoSocket } from "./realtime.ts";

type JoinRequest = { workshopId?: unknown };
type Ack = (reply: { ok: boolean }) => void;

async function userIdOf(app: ServerApi, socket: IoSocket): Promise<string | null> {
  const cookie = socket.handshake.headers.cookie;
  if (!cookie?.includes("__session=")) return null;
  const session = await app.sessionStorage.getSession(cookie).catch(() => null);
  const userId = session?.get("userId");
  return typeof userId === "string" ? userId : null;
}

export async function mayWatchWorkshop(app: ServerApi, userId: string | null, workshopId: string): Promise<boolean> {
  if (!userId) return false;
  const user = await app.db.user.findUnique({
    where: { id: userId },
    select: { isAdmin: true, memberships: { where: { workshopId }, select: { id: true } } },
  });
  return Boolean(user && (user.isAdmin || user.memberships.length > 0));
}

export function attachWorkshopRooms(io: Io, app: ServerApi) {
  io.on("connection", (socket) => {
    socket.on("workshop:join", async (request: JoinRequest, ack?: Ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      const workshopId = request?.workshopId;
      // A NUL would reach PostgreSQL, which refuses it with an error rather than finding nothing.
      if (typeof workshopId !== "string" || workshopId.length > 64 || workshopId.includes("\0"))
        return reply({ ok: false });
      try {
        if (!(await mayWatchWorkshop(app, await userIdOf(app, socket), workshopId))) return reply({ ok: false });
        await socket.join(`workshop:${workshopId}`);
        reply({ ok: true });
      } catch (error) {
        console.error("[realtime] workshop join:", error);
        reply({ ok: false });
      }
    });
    socket.on("workshop:leave", async (request: JoinRequest) => {
      if (typeof request?.workshopId === "string") await socket.leave(`workshop:${request.workshopId}`);
    });
  });
}
