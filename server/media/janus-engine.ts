// The `janus` media engine: Debian's Janus 1.1.2 driven through Meetecho's janode, one VideoRoom per show (room id
// = our room name). A WHIP offer joins the room as its publisher (joinandconfigure → Janus's answer). Janus 1.1.2
// cannot take a viewer's offer ("Only publishers send offers"), so viewers use WHEP's "server offers" mode: the
// engine subscribes a handle to the publisher's feed, hands Janus's offer to the viewer, and starts it with the
// viewer's answer. Janus is either an existing server (JANUS_URL) or a private one this engine starts on first use.
import { randomBytes } from "node:crypto";
import Janode, { type JanodeConnection, type JanodeHandle, type JanodeSession } from "janode";
import VideoRoom, { type VideoRoomHandle } from "janode/plugins/videoroom";
import { startJanus, type JanusProcess } from "./janus-process.ts";
import {
  MediaRefusal,
  type BroadcastChange,
  type MediaEngine,
  type MediaSession,
  type RoomState,
  type ViewerOffer,
} from "./media-engine.ts";

Janode.Logger.setLevel("none");

export type JanusSettings = {
  /** ws:// URL of a running Janus; when unset the engine starts its own private Janus on a free loopback port. */
  url?: string;
  /** For a private Janus: interfaces or address prefixes ICE gathers on (MEDIA_ICE_ADDRESS, e.g. 127.0.0.1). */
  iceEnforceList?: string;
  /** A publisher's bitrate cap Janus's REMB announces (bits per second). */
  maxBitrate: number;
  /** Seconds between keyframe requests Janus sends publishers (viewers joining late, the HLS and cascade paths). */
  keyframeSeconds: number;
};

type Publisher = { publisher: string; sessionId: string; handle: VideoRoomHandle; codec: string | null };
type Viewer = { sessionId: string; handle: VideoRoomHandle; answered: boolean; timer?: NodeJS.Timeout };
type Room = { name: string; created: Promise<void>; publisher?: Publisher; viewers: Map<string, Viewer> };
type Connected = { connection: JanodeConnection; session: JanodeSession; manager: VideoRoomHandle };

// Janus answers requests in milliseconds; one it never answers must not hang a WHIP/WHEP request.
const REQUEST_LIMIT_MS = 15_000;

function inTime<T>(request: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Janus did not answer ${what} in time.`)), REQUEST_LIMIT_MS);
  });
  return Promise.race([request, late]).finally(() => clearTimeout(timer));
}

// A viewer that takes longer than this to answer the offer is dropped (it holds a Janus handle and ports).
const ANSWER_LIMIT_MS = 20_000;

const newSessionId = () => randomBytes(16).toString("hex");

/** Janus's error code at the start of janode's error messages ("427 Room exists"), when there is one. */
const errorCode = (error: unknown) => Number(/^(\d{3}) /.exec(error instanceof Error ? error.message : "")?.[1] ?? 0);

// VideoRoom errors for an SDP it cannot use, and Janus core's JSEP errors (invalid SDP, unknown type…).
const SDP_ERRORS = new Set([429, 430, 431, 437, 454, 463, 464, 465, 466]);

/** The first video codec of an SDP's first video section, as "video/VP8". */
export function videoCodecOf(sdp: string): string | null {
  const section = /^m=video \d+ [^ ]+ (\d+)/m.exec(sdp);
  if (!section) return null;
  const name = new RegExp(`^a=rtpmap:${section[1]} ([^/\\s]+)`, "m").exec(sdp)?.[1];
  return name ? `video/${name}` : null;
}

export function janusEngine(settings: JanusSettings): MediaEngine {
  let ready: Promise<Connected> | undefined;
  let privateJanus: JanusProcess | undefined;
  let closed = false;
  const rooms = new Map<string, Room>();

  async function connect(): Promise<Connected> {
    let url = settings.url;
    if (!url) {
      privateJanus ??= await startJanus({ iceEnforceList: settings.iceEnforceList });
      url = privateJanus.url;
    }
    const connection = await inTime(
      Janode.connect({ address: { url }, retry_time_secs: 1, max_retries: 3 }),
      "connect",
    );
    const forget = () => {
      ready = undefined;
      rooms.clear();
    };
    connection.once(Janode.EVENT.CONNECTION_CLOSED, forget);
    connection.once(Janode.EVENT.CONNECTION_ERROR, forget);
    const session = await inTime(connection.create(), "create session");
    session.once(Janode.EVENT.SESSION_DESTROYED, forget);
    const manager = await inTime(session.attach(VideoRoom), "attach");
    return { connection, session, manager };
  }

  function janus(): Promise<Connected> {
    if (closed) return Promise.reject(new Error("The Janus engine is closed."));
    ready ??= connect().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  }

  /** The room, created in Janus on first use (a room Janus already has is taken as it is). */
  function roomFor(name: string, { manager }: Connected): Room {
    let room = rooms.get(name);
    if (!room) {
      const created = inTime(
        manager.create({
          room: name,
          max_publishers: 2, // the same host's new session joins before its old one is dropped
          videocodec: "vp8,h264",
          audiocodec: "opus",
          bitrate: settings.maxBitrate,
          fir_freq: settings.keyframeSeconds,
        }),
        "create",
      ).then(
        () => {},
        (error: unknown) => {
          if (errorCode(error) !== 427) throw error; // 427: the room exists
        },
      );
      room = { name, created, viewers: new Map() };
      rooms.set(name, room);
      created.catch(() => rooms.get(name) === room && rooms.delete(name));
    }
    return room;
  }

  const drop = (handle: JanodeHandle) => handle.detach().catch(() => {});

  function dropViewer(room: Room, viewer: Viewer) {
    clearTimeout(viewer.timer);
    if (room.viewers.get(viewer.sessionId) === viewer) room.viewers.delete(viewer.sessionId);
    void drop(viewer.handle);
  }

  function dropPublisher(room: Room, publisher: Publisher) {
    if (room.publisher === publisher) room.publisher = undefined;
    void drop(publisher.handle);
  }

  /** A handle Janus hangs up or detaches (ICE failed, the peer's DTLS closed) is forgotten. */
  function onGone(handle: JanodeHandle, forget: () => void) {
    for (const event of [Janode.EVENT.HANDLE_HANGUP, Janode.EVENT.HANDLE_DETACHED, Janode.EVENT.HANDLE_ICE_FAILED]) {
      handle.once(event, forget);
    }
  }

  const listeners: ((change: BroadcastChange) => void)[] = [];
  const announce = (change: BroadcastChange) => listeners.forEach((listener) => listener(change));

  async function publish(name: string, publisher: string, offer: string): Promise<MediaSession> {
    const connected = await janus();
    const room = roomFor(name, connected);
    await room.created;
    const earlier = room.publisher;
    if (earlier && earlier.publisher !== publisher) {
      throw new MediaRefusal("publisher_taken", "Someone else is broadcasting this show.");
    }
    const handle = await inTime(connected.session.attach(VideoRoom), "attach");
    const sessionId = newSessionId();
    try {
      const joined = await inTime(
        handle.joinConfigurePublisher({
          room: name,
          feed: sessionId,
          display: "host",
          audio: true,
          video: true,
          jsep: { type: "offer", sdp: offer },
        }),
        "joinandconfigure",
      );
      if (!joined.jsep?.sdp) throw new Error("Janus answered the publisher without SDP.");
      if (room.publisher !== earlier) throw new MediaRefusal("publisher_taken", "Someone else started broadcasting.");
      const entry: Publisher = { publisher, sessionId, handle, codec: videoCodecOf(joined.jsep.sdp) };
      room.publisher = entry;
      announce({ room: name, session: sessionId });
      onGone(handle, () => room.publisher === entry && endBroadcast(room, entry));
      // The same host again: its earlier session (and the viewers subscribed to that feed) go.
      if (earlier) endBroadcast(room, earlier);
      return { sessionId, answer: joined.jsep.sdp };
    } catch (error) {
      void drop(handle);
      if (SDP_ERRORS.has(errorCode(error))) throw new MediaRefusal("bad_offer", "Janus could not use this offer.");
      throw error;
    }
  }

  /** The publisher's session ends: so do the viewers subscribed to its feed. */
  function endBroadcast(room: Room, publisher: Publisher) {
    const current = room.publisher === publisher;
    dropPublisher(room, publisher);
    if (current) announce({ room: room.name, session: null });
    for (const viewer of room.viewers.values()) dropViewer(room, viewer);
  }

  async function offerToViewer(name: string): Promise<ViewerOffer> {
    const room = rooms.get(name);
    const publisher = room?.publisher;
    if (!room || !publisher) throw new MediaRefusal("not_broadcasting", "Nobody is broadcasting this show yet.");
    const { session } = await janus();
    const handle = await inTime(session.attach(VideoRoom), "attach");
    try {
      const joined = await inTime(handle.joinSubscriber({ room: name, feed: publisher.sessionId }), "join");
      if (!joined.jsep?.sdp) throw new Error("Janus offered the viewer no SDP.");
      if (room.publisher !== publisher) throw new MediaRefusal("not_broadcasting", "The broadcast just ended.");
      const viewer: Viewer = { sessionId: newSessionId(), handle, answered: false };
      viewer.timer = setTimeout(() => !viewer.answered && dropViewer(room, viewer), ANSWER_LIMIT_MS);
      room.viewers.set(viewer.sessionId, viewer);
      onGone(handle, () => dropViewer(room, viewer));
      return { sessionId: viewer.sessionId, offer: joined.jsep.sdp };
    } catch (error) {
      void drop(handle);
      if (errorCode(error) === 428) throw new MediaRefusal("not_broadcasting", "The broadcast just ended.");
      throw error;
    }
  }

  async function acceptViewerAnswer(name: string, sessionId: string, answer: string): Promise<boolean> {
    const room = rooms.get(name);
    const viewer = room?.viewers.get(sessionId);
    if (!room || !viewer || viewer.answered) return false;
    viewer.answered = true;
    clearTimeout(viewer.timer);
    try {
      await inTime(viewer.handle.start({ jsep: { type: "answer", sdp: answer } }), "start");
      return true;
    } catch (error) {
      dropViewer(room, viewer);
      if (SDP_ERRORS.has(errorCode(error))) throw new MediaRefusal("bad_offer", "Janus could not use this answer.");
      throw error;
    }
  }

  return {
    name: "janus",
    publish,
    watch: async (name) => {
      if (!rooms.get(name)?.publisher) {
        throw new MediaRefusal("not_broadcasting", "Nobody is broadcasting this show yet.");
      }
      throw new MediaRefusal(
        "bad_offer",
        "This server offers to viewers: POST an empty body, then PATCH your answer to the Location.",
      );
    },
    offerToViewer,
    acceptViewerAnswer,
    // Recording and the HLS fallback copy RTP out of the embedded relay; Janus's rtp_forward could feed the same
    // recorder but is not written yet, so a show on Janus has no recording (the decision record says so).
    forwardRtp: async () => null,
    stopForward: async () => {},
    onBroadcast: (listener) => void listeners.push(listener),
    endSession: async (name, sessionId) => {
      const room = rooms.get(name);
      if (!room) return false;
      if (room.publisher?.sessionId === sessionId) {
        endBroadcast(room, room.publisher);
        return true;
      }
      const viewer = room.viewers.get(sessionId);
      if (!viewer) return false;
      dropViewer(room, viewer);
      return true;
    },
    endRoom: async (name) => {
      const room = rooms.get(name);
      if (!room) return;
      rooms.delete(name);
      if (room.publisher) endBroadcast(room, room.publisher);
      const connected = await ready?.catch(() => undefined);
      await connected?.manager.destroy({ room: name }).catch(() => {});
    },
    roomState: async (name): Promise<RoomState> => {
      const room = rooms.get(name);
      return {
        publishing: Boolean(room?.publisher),
        viewers: room?.viewers.size ?? 0,
        codec: room?.publisher?.codec ?? null,
      };
    },
    close: async () => {
      closed = true;
      const connected = await ready?.catch(() => undefined);
      rooms.clear();
      if (connected) {
        await connected.session.destroy().catch(() => {});
        await connected.connection.close().catch(() => {});
      }
      await privateJanus?.stop();
    },
  };
}
