// WebRTC peers in Node (werift) for tests that publish over WHIP and watch over WHEP without a browser: a
// publisher that sends made-up VP8 RTP (the relay forwards it without looking inside), one that sends real H.264
// (ffmpeg's test picture, for recording and HLS), and a viewer that counts the RTP packets it receives.
import { spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import {
  useH264 as h264,
  MediaStreamTrack,
  RTCPeerConnection,
  RtpHeader,
  RtpPacket,
  useOPUS as opus,
  useVP8 as vp8,
  type PeerConfig,
  type RTCRtpTransceiver,
} from "werift";

// One machine: offer only 127.0.0.1, and ask no public STUN host (werift's default).
const LOOPBACK = {
  iceServers: [],
  iceUseIpv4: false,
  iceUseIpv6: false,
  iceAdditionalHostAddresses: ["127.0.0.1"],
  iceInterfaceAddresses: { udp4: "127.0.0.1" },
  codecs: { video: [vp8()], audio: [opus()] },
};
// Janus never offers a loopback candidate: peers talking to it gather on the machine's own IPv4 address.
const HOST_IPV4 = { iceServers: [], iceUseIpv6: false, codecs: LOOPBACK.codecs };

/** `loopback` for the embedded relay (127.0.0.1 only), `host` for Janus (the machine's IPv4 interfaces). */
export type PeerNetwork = "loopback" | "host";
const networks = { loopback: LOOPBACK, host: HOST_IPV4 };
const peerConfig = (network: PeerNetwork | Partial<PeerConfig>) =>
  typeof network === "string" ? networks[network] : { ...LOOPBACK, ...network };

async function offerOf(pc: RTCPeerConnection): Promise<string> {
  await pc.setLocalDescription(await pc.createOffer());
  if (pc.iceGatheringState !== "complete") {
    await pc.iceGatheringStateChange.watch((state) => state === "complete", 5_000);
  }
  return pc.localDescription!.sdp;
}

export type Peer = {
  pc: RTCPeerConnection;
  offer: string;
  /** Applies the endpoint's answer. */
  accept(answer: string): Promise<void>;
  connected(): Promise<void>;
  close(): Promise<void>;
};

function peer(pc: RTCPeerConnection, offer: string): Peer {
  return {
    pc,
    offer,
    accept: (answer) => pc.setRemoteDescription({ type: "answer", sdp: answer }),
    connected: async () => {
      if (pc.connectionState === "connected") return;
      await pc.connectionStateChange.watch((state) => state === "connected", 10_000);
    },
    close: () => pc.close(),
  };
}

export type NodePublisher = Peer & {
  /** Sends `frames` made-up video frames (one RTP packet each) at ~30 per second. */
  sendFrames(frames: number): Promise<void>;
  /** How many keyframe requests (PLI) the relay has sent this publisher. */
  keyframeRequests(): number;
};

/** `network` for the engine, or peer settings on loopback, e.g. TURN servers and `iceTransportPolicy: "relay"`. */
export async function nodePublisher(network: PeerNetwork | Partial<PeerConfig> = "loopback"): Promise<NodePublisher> {
  const pc = new RTCPeerConnection(peerConfig(network));
  const track = new MediaStreamTrack({ kind: "video" });
  const video: RTCRtpTransceiver = pc.addTransceiver(track, { direction: "sendonly" });
  let plis = 0;
  video.sender.onPictureLossIndication.subscribe(() => plis++);
  const offer = await offerOf(pc);
  let sequenceNumber = 1000;
  let timestamp = 90_000;
  return {
    ...peer(pc, offer),
    keyframeRequests: () => plis,
    async sendFrames(frames) {
      for (let i = 0; i < frames; i++) {
        const header = new RtpHeader({ payloadType: 96, sequenceNumber: sequenceNumber++, timestamp, marker: true });
        timestamp += 3000;
        track.writeRtp(new RtpPacket(header, Buffer.from([0x10, 0x00, 0x9d, 0x01, 0x2a, i & 0xff])));
        await new Promise((resolve) => setTimeout(resolve, 33));
      }
    },
  };
}

export type NodeViewer = Peer & { packets(): number; codec(): string | undefined };

export async function nodeViewer(network: PeerNetwork | Partial<PeerConfig> = "loopback"): Promise<NodeViewer> {
  const pc = new RTCPeerConnection(peerConfig(network));
  const video = pc.addTransceiver("video", { direction: "recvonly" });
  pc.addTransceiver("audio", { direction: "recvonly" });
  let packets = 0;
  let codec: string | undefined;
  video.onTrack.subscribe((track) => {
    track.onReceiveRtp.subscribe(() => {
      packets++;
      codec ??= video.codecs[0]?.mimeType;
    });
  });
  const offer = await offerOf(pc);
  return { ...peer(pc, offer), packets: () => packets, codec: () => codec };
}

export type AnsweringViewer = Omit<NodeViewer, "offer" | "accept"> & {
  /** Takes the engine's offer (WHEP's "server offers" mode) and returns this viewer's answer. */
  answer(offer: string): Promise<string>;
};

/** A viewer for an engine that offers (Janus 1.1.2): it answers the offer it is given. */
export function answeringViewer(network: PeerNetwork = "host"): AnsweringViewer {
  const pc = new RTCPeerConnection(networks[network]);
  let packets = 0;
  let codec: string | undefined;
  pc.onTransceiverAdded.subscribe((transceiver) => {
    transceiver.onTrack.subscribe((track) => {
      if (track.kind !== "video") return;
      track.onReceiveRtp.subscribe(() => {
        packets++;
        codec ??= transceiver.codecs[0]?.mimeType;
      });
    });
  });
  const { accept: _accept, offer: _offer, ...rest } = peer(pc, "");
  return {
    ...rest,
    packets: () => packets,
    codec: () => codec,
    async answer(offer) {
      await pc.setRemoteDescription({ type: "offer", sdp: offer });
      await pc.setLocalDescription(await pc.createAnswer());
      if (pc.iceGatheringState !== "complete") {
        await pc.iceGatheringStateChange.watch((state) => state === "complete", 5_000);
      }
      return pc.localDescription!.sdp;
    },
  };
}

export type H264Publisher = Peer & {
  /** Starts sending ffmpeg's moving test picture as H.264 (keyframe every second) until the peer closes. */
  startPicture(): Promise<void>;
};

/** A publisher of real H.264: ffmpeg encodes its test source to RTP on loopback, and this peer sends it on. */
export async function nodeH264Publisher(options: Partial<PeerConfig> = {}): Promise<H264Publisher> {
  const pc = new RTCPeerConnection({ ...LOOPBACK, codecs: { video: [h264()], audio: [opus()] }, ...options });
  const track = new MediaStreamTrack({ kind: "video" });
  pc.addTransceiver(track, { direction: "sendonly" });
  const offer = await offerOf(pc);
  const socket = createSocket("udp4");
  socket.on("message", (packet) => track.writeRtp(packet));
  let encoder: ReturnType<typeof spawn> | undefined;
  const base = peer(pc, offer);
  return {
    ...base,
    async startPicture() {
      await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
      const { port } = socket.address();
      encoder = spawn(
        "ffmpeg",
        [
          ...["-hide_banner", "-loglevel", "error", "-nostdin", "-re"],
          ...["-f", "lavfi", "-i", "testsrc=size=320x240:rate=30"],
          ...["-c:v", "libx264", "-profile:v", "baseline", "-tune", "zerolatency", "-preset", "ultrafast"],
          ...["-pix_fmt", "yuv420p", "-g", "30", "-bsf:v", "h264_mp4toannexb"],
          ...["-f", "rtp", "-payload_type", "96", `rtp://127.0.0.1:${port}?pkt_size=1200`],
        ],
        { stdio: "ignore" },
      );
    },
    async close() {
      encoder?.kill("SIGKILL");
      socket.close();
      await base.close();
    },
  };
}
