// The contract between the WHIP/WHEP endpoints and whatever relays the media: a publisher's SDP offer becomes a
// session and an answer; a viewer's likewise; sessions and whole rooms (one per show) end on request. Engines:
// `embedded` (werift in a child process, ./embedded-engine.ts) and `janus` (./janus-engine.ts).

/** What an engine answers an offer with: its SDP answer, and the id the session's Location carries. */
export type MediaSession = { sessionId: string; answer: string };

/** An engine's offer to a viewer (WHEP's "server offers" mode), for engines that cannot take a viewer's offer. */
export type ViewerOffer = { sessionId: string; offer: string };

export type RoomState = { publishing: boolean; viewers: number; codec: string | null };

/** Where a copy of a room's RTP goes: local UDP ports (an ffmpeg reading an SDP file records it and cuts HLS). */
export type RtpForwardTarget = {
  host: string;
  videoPort: number;
  audioPort: number;
  /** Keyframes are asked of the publisher this often while the copy flows (HLS segments start at one). */
  keyframeEveryMs: number;
};

/** One forwarded stream's codec, as the SDP's rtpmap/fmtp lines describe it. */
export type ForwardedCodec = {
  payloadType: number;
  name: string;
  clockRate: number;
  channels?: number;
  parameters?: string;
};

export type RtpForward = { id: string; video?: ForwardedCodec; audio?: ForwardedCodec };

/** A room's publisher came (`session` names that publishing session) or went (`session` null). */
export type BroadcastChange = { room: string; session: string | null };

/** Why an engine refused an offer; the endpoints turn each into a 4xx. */
export type MediaRefusalCode = "bad_offer" | "publisher_taken" | "not_broadcasting";

export class MediaRefusal extends Error {
  constructor(
    readonly code: MediaRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "MediaRefusal";
  }
}

export interface MediaEngine {
  readonly name: string;
  /**
   * Takes `publisher`'s offer for `room`. A room has one publisher: the same publisher again replaces its
   * earlier session (a phone that dropped off is otherwise noticed only after ICE's 30 s consent timeout);
   * anyone else is refused with `publisher_taken`.
   */
  publish(room: string, publisher: string, offer: string): Promise<MediaSession>;
  /** Takes a viewer's offer for `room`'s broadcast: refused with `not_broadcasting` while nobody publishes. */
  watch(room: string, offer: string): Promise<MediaSession>;
  /**
   * Engines that cannot answer a viewer's offer (Janus 1.1.2) offer instead: the viewer POSTs an empty body, gets
   * this offer in the 201, and PATCHes its answer to the Location (`acceptViewerAnswer`). Refused with
   * `not_broadcasting` while nobody publishes. Engines without it take viewers' offers (`watch`).
   */
  offerToViewer?(room: string): Promise<ViewerOffer>;
  /** Applies a viewer's answer to `offerToViewer`'s offer; false when there is no such unanswered session. */
  acceptViewerAnswer?(room: string, sessionId: string, answer: string): Promise<boolean>;
  /** Ends one session of `room` (a publisher's ends the broadcast for its viewers); false when there was none. */
  endSession(room: string, sessionId: string): Promise<boolean>;
  /** Ends the room's publisher and every viewer (the show ended). */
  endRoom(room: string): Promise<void>;
  roomState(room: string): Promise<RoomState>;
  /**
   * Sends a copy of the current publisher's RTP, untouched, to `target` until `stopForward` or until that
   * publisher goes; null while nobody publishes.
   */
  forwardRtp(room: string, target: RtpForwardTarget): Promise<RtpForward | null>;
  stopForward(room: string, forwardId: string): Promise<void>;
  /** Hears every publisher coming and going, in every room (recording, and the rooms' "broadcast" event). */
  onBroadcast(listener: (change: BroadcastChange) => void): void;
  close(): Promise<void>;
}

/** How the relay's own ICE agent gathers, and the bitrate hints it gives publishers (see STACK notes). */
export type RelaySettings = {
  /** Only this IPv4 address is offered as a candidate (e.g. 127.0.0.1 on one machine); all interfaces if unset. */
  iceAddress?: string;
  /** Kbps hints for the publisher's encoder in the answer's video fmtp (werift sends no bandwidth feedback). */
  startKbps: number;
  minKbps: number;
  maxKbps: number;
};
