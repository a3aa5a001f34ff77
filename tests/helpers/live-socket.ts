// A real socket.io client in a live room, as a phone would hold one: websocket transport, the visitor's cookie
// when signed in, and a log of every event received (with when) so tests can wait for or rule out events.
import { io, type Socket } from "socket.io-client";
import { afterAll } from "vitest";
import type { LiveState } from "~/domain/live/live-state";

export type Received = { type: string; payload: unknown; at: number };

export type LiveClient = {
  socket: Socket;
  received: Received[];
  state: LiveState;
  next: <T = unknown>(type: string, match?: (payload: T) => boolean, timeoutMs?: number) => Promise<T>;
  /**
   * A barrier: waits for an event the test caused itself and returns what arrived before it. One server sends a
   * room's events in order, so anything published earlier (an event that should not exist) is in there.
   */
  before: <T = unknown>(type: string, match?: (payload: T) => boolean) => Promise<Received[]>;
  chat: (text: unknown) => Promise<{ ok?: true; error?: string; values?: Record<string, unknown> }>;
  close: () => void;
};

const open: Socket[] = [];
afterAll(() => {
  for (const socket of open) socket.disconnect();
});

export function connect(baseUrl: string, options: { cookie?: string; origin?: string } = {}): Socket {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.origin) headers.Origin = options.origin;
  const socket = io(baseUrl, {
    transports: ["websocket"],
    forceNew: true,
    extraHeaders: headers,
    reconnectionDelay: 300,
  });
  open.push(socket);
  return socket;
}

export async function joinShow(
  baseUrl: string,
  showId: string,
  options: { cookie?: string } = {},
): Promise<LiveClient> {
  const socket = connect(baseUrl, options);
  const received: Received[] = [];
  const waiters: { type: string; match: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  socket.onAny((type: string, payload: unknown) => {
    received.push({ type, payload, at: Date.now() });
    for (const waiter of [...waiters]) {
      if (waiter.type === type && waiter.match(payload)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(payload);
      }
    }
  });
  const next = <T>(type: string, match: (payload: T) => boolean = () => true, timeoutMs = 5000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" event within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({
        type,
        match: match as (p: unknown) => boolean,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      });
    });
  const before = async <T>(type: string, match?: (payload: T) => boolean) => {
    const barrier = await next(type, match);
    return received.slice(
      0,
      received.findIndex((e) => e.payload === barrier),
    );
  };
  const statePromise = next<LiveState>("state");
  socket.on("connect", () => {
    if (!socket.recovered) socket.emit("join", showId);
  });
  const state = await statePromise;
  return {
    socket,
    received,
    state,
    next,
    before,
    chat: (text) => socket.timeout(5000).emitWithAck("chat", text),
    close: () => socket.disconnect(),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
