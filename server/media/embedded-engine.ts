// The `embedded` media engine: the werift relay (./relay.ts) in a child process of the app, started on the first
// offer. Its own process keeps DTLS hand-shakes and RTP fan-out off the app's event loop, on the other core.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  MediaRefusal,
  type BroadcastChange,
  type MediaEngine,
  type MediaSession,
  type RelaySettings,
  type RoomState,
  type RtpForward,
} from "./media-engine.ts";
import type { RelayNotice, RelayReply, RelayRequest } from "./relay-protocol.ts";

const REQUEST_TIMEOUT_MS = 15_000;
const RELAY_SCRIPT = fileURLToPath(new URL("./relay-process.ts", import.meta.url));

type Waiting = { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };
type Request = RelayRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

export function embeddedEngine(settings: RelaySettings): MediaEngine {
  let child: ChildProcess | undefined;
  let ready: Promise<ChildProcess> | undefined;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const listeners: ((change: BroadcastChange) => void)[] = [];
  // Rooms with a publisher, so that a relay that dies still tells everyone their broadcasts went with it.
  const publishing = new Set<string>();
  const announce = (change: BroadcastChange) => {
    if (change.session) publishing.add(change.room);
    else publishing.delete(change.room);
    for (const listener of listeners) listener(change);
  };

  function start(): Promise<ChildProcess> {
    const relay = fork(RELAY_SCRIPT, [JSON.stringify(settings)], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child = relay;
    relay.on("message", (message: RelayReply | RelayNotice) => {
      if ("notice" in message) return announce(message.change);
      const reply = message;
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      clearTimeout(entry.timer);
      if (reply.ok) entry.resolve(reply.value);
      else entry.reject(reply.code ? new MediaRefusal(reply.code, reply.message) : new Error(reply.message));
    });
    relay.once("exit", (code, signal) => {
      if (child === relay) {
        child = undefined;
        ready = undefined;
      }
      for (const [id, entry] of waiting) {
        waiting.delete(id);
        clearTimeout(entry.timer);
        entry.reject(new Error(`The media relay stopped (${signal ?? code}).`));
      }
      for (const room of [...publishing]) announce({ room, session: null });
    });
    return new Promise((resolve, reject) => {
      const onReady = (reply: RelayReply | RelayNotice) => {
        if ("notice" in reply || reply.id !== 0) return;
        relay.off("message", onReady);
        resolve(relay);
      };
      relay.on("message", onReady);
      relay.once("error", reject);
      relay.once("exit", () => reject(new Error("The media relay did not start.")));
    });
  }

  async function call<T>(request: Request, { spawn = true } = {}): Promise<T | undefined> {
    if (!ready && !spawn) return undefined;
    ready ??= start();
    const relay = await ready;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`The media relay did not answer ${request.op} in time.`));
      }, REQUEST_TIMEOUT_MS);
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      relay.send({ ...request, id } as RelayRequest);
    });
  }

  return {
    name: "embedded",
    publish: async (room, publisher, offer) =>
      (await call<MediaSession>({ op: "publish", args: [room, publisher, offer] }))!,
    watch: async (room, offer) => (await call<MediaSession>({ op: "watch", args: [room, offer] }))!,
    endSession: async (room, sessionId) =>
      (await call<boolean>({ op: "endSession", args: [room, sessionId] }, { spawn: false })) ?? false,
    endRoom: async (room) => {
      await call({ op: "endRoom", args: [room] }, { spawn: false });
    },
    roomState: async (room) =>
      (await call<RoomState>({ op: "roomState", args: [room] }, { spawn: false })) ?? {
        publishing: false,
        viewers: 0,
        codec: null,
      },
    forwardRtp: async (room, target) =>
      (await call<RtpForward | null>({ op: "forwardRtp", args: [room, target] }, { spawn: false })) ?? null,
    stopForward: async (room, forwardId) => {
      await call({ op: "stopForward", args: [room, forwardId] }, { spawn: false });
    },
    onBroadcast: (listener) => {
      listeners.push(listener);
    },
    close: async () => {
      const relay = child;
      if (!relay || relay.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => relay.once("exit", () => resolve()));
      relay.disconnect();
      const timer = setTimeout(() => relay.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
