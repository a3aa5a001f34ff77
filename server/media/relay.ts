// The embedded engine's media relay, on werift: per room one publisher whose RTP is written, untouched, into one
// relay track per kind, and any number of viewers whose senders read those tracks. It runs in its own process
// (./relay-process.ts) so DTLS hand-shakes and packet fan-out never wait on the app's event loop, nor it on them.
import { randomBytes } from "node:crypto";
import { createSocket, type Socket } from "node:dgram";
import {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  // werift's codec and feedback makers, renamed: "use…" reads as a React hook to the linter.
  useH264 as h264,
  useNACK as nack,
  useOPUS as opus,
  usePLI as pli,
  useVP8 as vp8,
  type PeerConfig,
  type RtpPacket,
  type RTCRtpTransceiver,
} from "werift";
import {
  MediaRefusal,
  type BroadcastChange,
  type ForwardedCodec,
  type MediaSession,
  type RelaySettings,
  type RoomState,
  type RtpForward,
  type RtpForwardTarget,
} from "./media-engine.ts";
import { looksLikeOffer, withBitrateHints } from "./sdp-hints.ts";

type Kind = "audio" | "video";
const KINDS: Kind[] = ["video", "audio"];
const AUXILIARY = new Set(["rtx", "red", "ulpfec", "flexfec-03"]);
const GATHERING_TIMEOUT_MS = 5_000;
// A keyframe as a viewer's connection comes up, and once more in case the first was lost or came too soon.
const KEYFRAME_AGAIN_MS = 300;
// Viewers' own keyframe requests (after loss) reach the publisher at most this often.
const KEYFRAME_REQUEST_GAP_MS = 500;

type Publisher = {
  sessionId: string;
  name: string;
  pc: RTCPeerConnection;
  transceivers: Partial<Record<Kind, RTCRtpTransceiver>>;
  videoSsrc?: number;
  lastKeyframeRequest: number;
};

/** A copy of the publisher's RTP going to local UDP ports (recording, HLS), with keyframes asked for meanwhile. */
type Forward = { id: string; socket: Socket; target: RtpForwardTarget; keyframes: NodeJS.Timeout };

type Room = {
  id: string;
  publisher?: Publisher;
  forwards: Map<string, Forward>;
  relays: Record<Kind, MediaStreamTrack>;
  /** What the publisher sends, per kind: viewers are offered exactly this. */
  codecs: Partial<Record<Kind, RTCRtpCodecParameters>>;
  viewers: Map<string, RTCPeerConnection>;
};

const sessionId = () => randomBytes(16).toString("hex");

function primaryCodec(transceiver: RTCRtpTransceiver | undefined): RTCRtpCodecParameters | undefined {
  if (transceiver?.mid == null) return undefined; // the offer had no section of this kind
  return transceiver.codecs.find((codec) => !AUXILIARY.has(codec.name.toLowerCase()));
}

const fmtpValue = (codec: RTCRtpCodecParameters, name: string) =>
  new RegExp(`(?:^|;)\\s*${name}=([^;]*)`).exec(codec.parameters ?? "")?.[1]?.toLowerCase();

/** A viewer's codec carries the publisher's stream only if it is the same codec (for H.264: same packetization). */
function carries(viewer: RTCRtpCodecParameters, published: RTCRtpCodecParameters): boolean {
  if (viewer.mimeType.toLowerCase() !== published.mimeType.toLowerCase()) return false;
  if (published.name.toLowerCase() !== "h264") return true;
  return (fmtpValue(viewer, "packetization-mode") ?? "0") === (fmtpValue(published, "packetization-mode") ?? "0");
}

const rank = (codec: RTCRtpCodecParameters) =>
  codec.name.toLowerCase() === "h264" && fmtpValue(codec, "packetization-mode") === "1" ? 0 : 1;

async function gathered(pc: RTCPeerConnection) {
  if (pc.iceGatheringState === "complete") return;
  await pc.iceGatheringStateChange.watch((state) => state === "complete", GATHERING_TIMEOUT_MS);
}

function forwardedCodec(codec: RTCRtpCodecParameters | undefined): ForwardedCodec | undefined {
  if (!codec) return undefined;
  return {
    payloadType: codec.payloadType,
    name: codec.name,
    clockRate: codec.clockRate,
    channels: codec.channels,
    parameters: codec.parameters,
  };
}

export class Relay {
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly settings: RelaySettings,
    private readonly announce: (change: BroadcastChange) => void = () => {},
  ) {}

  private peerConfig(codecs: PeerConfig["codecs"]): Partial<PeerConfig> {
    const { iceAddress } = this.settings;
    return {
      codecs,
      // werift's default is a public STUN host; the relay needs none to offer its own addresses.
      iceServers: [],
      ...(iceAddress
        ? {
            iceUseIpv4: false,
            iceUseIpv6: false,
            iceAdditionalHostAddresses: [iceAddress],
            iceInterfaceAddresses: { udp4: iceAddress },
          }
        : {}),
    };
  }

  private room(id: string): Room {
    let room = this.rooms.get(id);
    if (!room) {
      room = {
        id,
        relays: { video: new MediaStreamTrack({ kind: "video" }), audio: new MediaStreamTrack({ kind: "audio" }) },
        codecs: {},
        viewers: new Map(),
        forwards: new Map(),
      };
      this.rooms.set(id, room);
    }
    return room;
  }

  /** Applies `offer` to `pc` and returns the answer once every candidate is in it (no trickle). */
  private async answer(pc: RTCPeerConnection, offer: string, beforeAnswer?: () => void): Promise<string> {
    if (!looksLikeOffer(offer))
      throw new MediaRefusal("bad_offer", "The body is not an SDP offer with audio or video.");
    try {
      await pc.setRemoteDescription({ type: "offer", sdp: offer });
      beforeAnswer?.();
      await pc.setLocalDescription(await pc.createAnswer());
      await gathered(pc);
    } catch (error) {
      await pc.close().catch(() => {});
      if (error instanceof MediaRefusal) throw error;
      throw new MediaRefusal("bad_offer", `The SDP offer could not be used: ${(error as Error).message ?? error}`);
    }
    const sdp = pc.localDescription?.sdp;
    if (!sdp) throw new MediaRefusal("bad_offer", "No answer could be made to this offer.");
    return sdp;
  }

  async publish(roomId: string, name: string, offer: string): Promise<MediaSession> {
    const taken = this.rooms.get(roomId)?.publisher;
    if (taken && taken.name !== name)
      throw new MediaRefusal("publisher_taken", "Someone else is broadcasting this show.");
    const pc = new RTCPeerConnection(this.peerConfig({ video: [h264(), vp8()], audio: [opus()] }));
    // Tracks can appear as the offer is applied, before this publisher is wired to its room.
    const early: MediaStreamTrack[] = [];
    const wired: { to?: (track: MediaStreamTrack) => void } = {};
    pc.onTrack.subscribe((track) => (wired.to ? wired.to(track) : early.push(track)));
    // werift makes a receiving transceiver per section of the offer; one made beforehand without a matching
    // section would wait for a connection that never comes and fail the whole peer.
    const transceivers: Partial<Record<Kind, RTCRtpTransceiver>> = {};
    const sdp = await this.answer(pc, offer, () => {
      for (const transceiver of pc.getTransceivers()) {
        const kind = transceiver.kind as Kind;
        transceiver.setDirection("recvonly");
        if (transceivers[kind]) continue; // one track per kind is relayed
        transceivers[kind] = transceiver;
        // H.264 first whenever the publisher offers it: recordings and HLS can then copy the video as it came.
        if (kind === "video") transceiver.codecs = [...transceiver.codecs].sort((a, b) => rank(a) - rank(b));
      }
    });
    const room = this.room(roomId);
    if (room.publisher && room.publisher.name !== name) {
      await pc.close();
      throw new MediaRefusal("publisher_taken", "Someone else is broadcasting this show.");
    }
    const publisher: Publisher = { sessionId: sessionId(), name, pc, transceivers, lastKeyframeRequest: 0 };
    const codecs = { video: primaryCodec(transceivers.video), audio: primaryCodec(transceivers.audio) };
    const changed = KINDS.some((kind) => room.codecs[kind] && room.codecs[kind]?.mimeType !== codecs[kind]?.mimeType);
    const replaced = room.publisher;
    // A copy of the old publisher's RTP ends with it: a new session is a new recording (new clock, new SSRC).
    this.stopForwards(room);
    room.publisher = publisher;
    room.codecs = codecs;
    await replaced?.pc.close().catch(() => {});
    this.announce({ room: roomId, session: publisher.sessionId });
    // Viewers negotiated the earlier publisher's codec: a different one would reach them undecodable.
    if (changed) await this.dropViewers(room);
    wired.to = (track: MediaStreamTrack) => {
      const kind = track.kind as Kind;
      if (!transceivers[kind]?.receiver.tracks.includes(track)) return;
      if (kind === "video") {
        publisher.videoSsrc = track.ssrc;
        this.requestKeyframe(room, true);
      }
      track.onReceiveRtp.subscribe((rtp) => {
        if (room.publisher !== publisher) return;
        room.relays[kind].writeRtp(rtp);
        if (room.forwards.size) this.copy(room, kind, rtp);
      });
    };
    early.forEach(wired.to);
    pc.connectionStateChange.subscribe((state) => {
      if ((state === "failed" || state === "closed") && room.publisher === publisher) void this.dropPublisher(room);
    });
    return { sessionId: publisher.sessionId, answer: withBitrateHints(sdp, this.kbps) };
  }

  private get kbps() {
    return { start: this.settings.startKbps, min: this.settings.minKbps, max: this.settings.maxKbps };
  }

  async watch(roomId: string, offer: string): Promise<MediaSession> {
    const room = this.rooms.get(roomId);
    if (!room?.publisher || !(room.codecs.video || room.codecs.audio)) {
      throw new MediaRefusal("not_broadcasting", "Nobody is broadcasting this show yet.");
    }
    const published = { ...room.codecs };
    const codecOf = (codec: RTCRtpCodecParameters | undefined) =>
      codec
        ? [
            new RTCRtpCodecParameters({
              mimeType: codec.mimeType,
              clockRate: codec.clockRate,
              channels: codec.channels,
              parameters: codec.parameters,
              rtcpFeedback: codec.mimeType.startsWith("video") ? [nack(), pli()] : [],
            }),
          ]
        : [];
    const pc = new RTCPeerConnection(
      // A kind the broadcast lacks still needs a codec to answer the viewer's section with (as inactive).
      this.peerConfig({ video: codecOf(published.video ?? vp8()), audio: codecOf(published.audio ?? opus()) }),
    );
    const senders: RTCRtpTransceiver[] = [];
    const sdp = await this.answer(pc, offer, () => {
      for (const transceiver of pc.getTransceivers()) {
        const wanted = published[transceiver.kind as Kind];
        if (!wanted || senders.some((sender) => sender.kind === transceiver.kind)) {
          transceiver.setDirection("inactive");
          continue;
        }
        transceiver.codecs = transceiver.codecs.filter((codec) => carries(codec, wanted));
        if (transceiver.codecs.length === 0) {
          throw new MediaRefusal("bad_offer", `The viewer cannot receive ${wanted.mimeType}, the broadcast's codec.`);
        }
        transceiver.setDirection("sendonly");
        senders.push(transceiver);
      }
      if (senders.length === 0) throw new MediaRefusal("bad_offer", "The offer asks for nothing the broadcast has.");
    });
    for (const transceiver of senders) await transceiver.sender.replaceTrack(room.relays[transceiver.kind as Kind]);
    if (this.rooms.get(roomId) !== room) {
      await pc.close();
      throw new MediaRefusal("not_broadcasting", "The broadcast ended.");
    }
    const id = sessionId();
    room.viewers.set(id, pc);
    for (const transceiver of senders) {
      if (transceiver.kind === "video") {
        transceiver.sender.onPictureLossIndication.subscribe(() => this.requestKeyframe(room, false));
      }
    }
    pc.connectionStateChange.subscribe((state) => {
      if (state === "connected") {
        this.requestKeyframe(room, true);
        setTimeout(() => this.requestKeyframe(room, true), KEYFRAME_AGAIN_MS).unref();
      } else if (state === "failed" || state === "closed") {
        if (room.viewers.get(id) === pc) room.viewers.delete(id);
      }
    });
    return { sessionId: id, answer: sdp };
  }

  private requestKeyframe(room: Room, always: boolean) {
    const publisher = room.publisher;
    const receiver = publisher?.transceivers.video?.receiver;
    if (!publisher || !receiver || publisher.videoSsrc === undefined) return;
    const now = Date.now();
    if (!always && now - publisher.lastKeyframeRequest < KEYFRAME_REQUEST_GAP_MS) return;
    publisher.lastKeyframeRequest = now;
    void receiver.sendRtcpPLI(publisher.videoSsrc).catch(() => {});
  }

  private copy(room: Room, kind: Kind, rtp: RtpPacket) {
    const bytes = rtp.serialize();
    for (const { socket, target } of room.forwards.values()) {
      socket.send(bytes, kind === "video" ? target.videoPort : target.audioPort, target.host);
    }
  }

  forwardRtp(roomId: string, target: RtpForwardTarget): RtpForward | null {
    const room = this.rooms.get(roomId);
    if (!room?.publisher) return null;
    const id = sessionId();
    const socket = createSocket("udp4");
    // A reader that is not listening yet, or has gone, makes sends fail: the copy is best-effort by nature.
    socket.on("error", () => {});
    const keyframes = setInterval(() => this.requestKeyframe(room, true), target.keyframeEveryMs);
    room.forwards.set(id, { id, socket, target, keyframes });
    this.requestKeyframe(room, true);
    return { id, video: forwardedCodec(room.codecs.video), audio: forwardedCodec(room.codecs.audio) };
  }

  stopForward(roomId: string, id: string) {
    const room = this.rooms.get(roomId);
    const forward = room?.forwards.get(id);
    if (!room || !forward) return;
    room.forwards.delete(id);
    clearInterval(forward.keyframes);
    forward.socket.close();
  }

  private stopForwards(room: Room) {
    for (const id of [...room.forwards.keys()]) this.stopForward(room.id, id);
  }

  private async dropPublisher(room: Room) {
    const publisher = room.publisher;
    room.publisher = undefined;
    this.stopForwards(room);
    if (publisher) this.announce({ room: room.id, session: null });
    await publisher?.pc.close().catch(() => {});
  }

  private async dropViewers(room: Room) {
    const viewers = [...room.viewers.values()];
    room.viewers.clear();
    await Promise.all(viewers.map((pc) => pc.close().catch(() => {})));
  }

  async endSession(roomId: string, id: string): Promise<boolean> {
    const room = this.rooms.get(roomId);
    if (!room) return false;
    if (room.publisher?.sessionId === id) {
      // Viewers stay connected: the same host publishing again reaches them without a new offer.
      await this.dropPublisher(room);
      return true;
    }
    const viewer = room.viewers.get(id);
    if (!viewer) return false;
    room.viewers.delete(id);
    await viewer.close().catch(() => {});
    return true;
  }

  async endRoom(roomId: string) {
    const room = this.rooms.get(roomId);
    if (!room) return;
    this.rooms.delete(roomId);
    await Promise.all([this.dropPublisher(room), this.dropViewers(room)]);
    for (const kind of KINDS) room.relays[kind].stop();
  }

  roomState(roomId: string): RoomState {
    const room = this.rooms.get(roomId);
    return {
      publishing: Boolean(room?.publisher),
      viewers: room?.viewers.size ?? 0,
      codec: room?.publisher ? (room.codecs.video?.mimeType ?? room.codecs.audio?.mimeType ?? null) : null,
    };
  }

  async close() {
    await Promise.all([...this.rooms.keys()].map((id) => this.endRoom(id)));
  }
}
