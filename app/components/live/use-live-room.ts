// The browser's side of a show's live room: one socket.io connection (websocket), the whole state on join and
// after any reconnect that socket.io could not recover, and the small events in between. Events that arrive
// while the state is on its way are kept and applied over it, so a pin is never lost nor left stale.
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import type { ChatReply, ClientToServerEvents, ServerToClientEvents, ShowRoomEvent } from "~/domain/events";
import { applyLiveEvent, SHOW_ROOM_EVENTS, type LiveState } from "~/domain/live/live-state";

export type Connection = "connecting" | "online" | "offline";
export type { ChatReply };

type Action = { kind: "state"; state: LiveState; pending: ShowRoomEvent[] } | { kind: "event"; event: ShowRoomEvent };

function reducer(state: LiveState, action: Action): LiveState {
  if (action.kind === "event") return applyLiveEvent(state, action.event);
  return action.pending.reduce(applyLiveEvent, action.state);
}

export function useLiveRoom(initial: LiveState, onEvent?: (event: ShowRoomEvent) => void) {
  const [state, dispatch] = useReducer(reducer, initial);
  const [connection, setConnection] = useState<Connection>("connecting");
  // Server time minus this device's time, so countdowns are right on a phone whose clock is off.
  const [clockOffset, setClockOffset] = useState(() => Date.parse(initial.serverTime) - Date.now());
  const socketRef = useRef<Socket<ServerToClientEvents, ClientToServerEvents> | null>(null);
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  });
  const showId = initial.showId;

  const connect = useCallback(
    (socket: Socket<ServerToClientEvents, ClientToServerEvents>) => {
      socketRef.current = socket;
      let pending: ShowRoomEvent[] | null = null;

      socket.on("connect", () => {
        setConnection("online");
        if (socket.recovered) return; // socket.io replayed what we missed; the state we hold is current
        pending = [];
        socket.emit("join", showId);
      });
      socket.on("disconnect", () => setConnection("offline"));
      socket.io.on("reconnect_attempt", () => setConnection("connecting"));
      socket.on("state", (next: LiveState) => {
        setClockOffset(Date.parse(next.serverTime) - Date.now());
        dispatch({ kind: "state", state: next, pending: pending ?? [] });
        pending = null;
      });
      for (const type of SHOW_ROOM_EVENTS) {
        socket.on(type, (payload: ShowRoomEvent["payload"]) => {
          // Each name's listener gets that name's payload; the loop over names cannot show TypeScript the pairing.
          const event = { type, payload } as ShowRoomEvent;
          if (pending) pending.push(event);
          else dispatch({ kind: "event", event });
          onEventRef.current?.(event);
        });
      }
      // A phone waking from sleep may have missed more than recovery holds: ask for the whole state again.
      const onVisible = () => {
        if (document.visibilityState !== "visible" || !socket.connected || pending) return;
        pending = [];
        socket.emit("resync");
      };
      document.addEventListener("visibilitychange", onVisible);
      return () => {
        document.removeEventListener("visibilitychange", onVisible);
        socket.disconnect();
        socketRef.current = null;
      };
    },
    [showId],
  );

  useEffect(() => {
    // socket.io's client is fetched after the room has hydrated: the pinned card (from the loader's state) works
    // before it arrives, which on a slow phone is a second sooner.
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import("socket.io-client").then(({ io }) => {
      if (cancelled) return;
      stop = connect(io({ transports: ["websocket"], reconnectionDelayMax: 5000 }));
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [connect]);

  const sendChat = useCallback((text: string) => {
    const socket = socketRef.current;
    if (!socket?.connected) return Promise.resolve<ChatReply>({ error: "live:chat.error.offline" });
    return new Promise<ChatReply>((resolve) => {
      socket.timeout(8000).emit("chat", text, (error: Error | null, reply: ChatReply) => {
        resolve(error ? { error: "live:chat.error.offline" } : reply);
      });
    });
  }, []);

  return { state, connection, clockOffset, sendChat };
}
