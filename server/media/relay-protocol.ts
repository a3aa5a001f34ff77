// The messages between the embedded engine (parent) and its relay process (child).
import type { BroadcastChange, MediaRefusalCode, RtpForwardTarget } from "./media-engine.ts";

export type RelayRequest = { id: number } & (
  | { op: "publish"; args: [room: string, publisher: string, offer: string] }
  | { op: "watch"; args: [room: string, offer: string] }
  | { op: "endSession"; args: [room: string, sessionId: string] }
  | { op: "endRoom"; args: [room: string] }
  | { op: "roomState"; args: [room: string] }
  | { op: "forwardRtp"; args: [room: string, target: RtpForwardTarget] }
  | { op: "stopForward"; args: [room: string, forwardId: string] }
);

/** What the relay says unasked: a publisher came or went. */
export type RelayNotice = { notice: "broadcast"; change: BroadcastChange };

export type RelayReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; code?: MediaRefusalCode; message: string };
