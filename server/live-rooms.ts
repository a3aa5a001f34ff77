// What a socket may do in a show's live room: join it (and get the whole current state in one `state` event),
// ask for the state again after a reconnect that was not recovered (`resync`), and chat. Everything else a
// client sees is pushed by the domain through the publisher.
import type { LiveState } from "../app/domain/live/live-state.ts";
import type { ChatReply } from "../app/domain/events.ts";
import type { ServerApi } from "./app-build.ts";
import type { Io, IoSocket } from "./realtime.ts";
import type { ViewerCounts } from "./viewer-counts.ts";

const SHOW_ID = /^[a-z0-9]{20,40}$/;

export type SocketData = { userId: string | null; showId: string | null };

/**
 * Builds a show's state for many joiners at once. A build that already started may have read the database before
 * a joiner's join, so later joiners wait for the next build; at most one runs and one waits per show, whether ten
 * or ten thousand people join. Events published after a joiner's join reach them anyway (they are in the room),
 * and the client applies those over the state it receives.
 */
export function stateCoalescer(build: (showId: string) => Promise<LiveState | null>) {
  const running = new Map<string, Promise<LiveState | null>>();
  const waiting = new Map<string, Promise<LiveState | null>>();
  function start(showId: string) {
    const promise = build(showId).finally(() => {
      if (running.get(showId) === promise) running.delete(showId);
    });
    running.set(showId, promise);
    return promise;
  }
  return function request(showId: string): Promise<LiveState | null> {
    const queued = waiting.get(showId);
    if (queued) return queued;
    const current = running.get(showId);
    if (!current) return start(showId);
    const next = current
      .catch(() => null)
      .then(() => {
        waiting.delete(showId);
        return start(showId);
      });
    waiting.set(showId, next);
    return next;
  };
}

type Reply = (response: ChatReply) => void;

function replier(ack: unknown): Reply {
  return typeof ack === "function" ? (ack as Reply) : () => {};
}

export function liveRooms(
  io: Io,
  viewers: ViewerCounts,
  app: ServerApi,
  broadcasting: (showId: string) => Promise<boolean> = async () => false,
) {
  const { showRoom } = app;
  const requestState = stateCoalescer((showId) => app.getLiveState(showId));
  // Per socket, so this process's memory is the right place (a socket lives in one process).
  const joins = new app.TokenBuckets(5, 2000);

  async function sendState(socket: IoSocket, showId: string) {
    try {
      const state = await requestState(showId);
      if (!state) {
        await socket.leave(showRoom(showId));
        socket.data.showId = null;
        socket.emit("room:error", { reason: "notFound" });
        return;
      }
      const live = state.status === "live" && !state.playback ? await broadcasting(showId).catch(() => false) : false;
      socket.emit("state", { ...state, broadcasting: live, viewers: Math.max(viewers.total(showId), 1) });
    } catch (error) {
      console.error(`[realtime] state of ${showId}:`, error);
      socket.emit("room:error", { reason: "unavailable" });
    }
  }

  io.on("connection", (socket) => {
    socket.on("join", async (showId: unknown) => {
      if (typeof showId !== "string" || !SHOW_ID.test(showId))
        return void socket.emit("room:error", { reason: "badShow" });
      if (!joins.take(socket.id)) return void socket.emit("room:error", { reason: "tooMany" });
      const previous = socket.data.showId;
      if (previous && previous !== showId) await socket.leave(showRoom(previous));
      socket.data.showId = showId;
      // In the room before the state is read, so nothing published after the read can be missed.
      await socket.join(showRoom(showId));
      await sendState(socket, showId);
    });

    socket.on("resync", async () => {
      const showId = socket.data.showId;
      if (!showId || !joins.take(socket.id)) return;
      await socket.join(showRoom(showId));
      await sendState(socket, showId);
    });

    socket.on("chat", async (text: unknown, ack: unknown) => {
      const reply = replier(ack);
      const { userId, showId } = socket.data;
      if (!userId) return reply({ error: "live:chat.error.signIn" });
      if (!showId) return reply({ error: "live:chat.error.notJoined" });
      try {
        const { luckyBag } = await app.postChat(showId, userId, text);
        reply(luckyBag ? { ok: true, luckyBag } : { ok: true });
      } catch (error) {
        const refusal = app.refusalOf(error);
        if (refusal) return reply({ error: refusal.key, values: refusal.values });
        console.error("[realtime] chat:", error);
        reply({ error: "common:error.body" });
      }
    });
  });
}
