// The messages between the embedded engine (parent) and its relay process (child).
import type { MediaRefusalCode } from "./media-engine.ts";

export type RelayRequest = { id: number } & (
  | { op: "publish"; args: [room: string, publisher: string, offer: string] }
  | { op: "watch"; args: [room: string, offer: string] }
  | { op: "endSession"; args: [room: string, sessionId: string] }
  | { op: "endRoom"; args: [room: string] }
  | { op: "roomState"; args: [room: string] }
);

export type RelayReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; code?: MediaRefusalCode; message: string };
