// The host's broadcast from this device: camera preview (front/back), microphone on/off, one tap to start and
// stop publishing over WHIP, a clear LIVE state, and the link's bitrate and loss from getStats().
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { Link } from "@remix-run/react";
import { leave, negotiate } from "~/components/live/whip-client";
import { buttonStyles } from "./intent-button";

type Phase = "idle" | "connecting" | "live" | "failed";
type Link = { kbps: number; lossPercent: number | null };

// H.264 first, so the broadcast can be recorded and remuxed without transcoding.
function preferH264(transceiver: RTCRtpTransceiver) {
  const codecs = RTCRtpReceiver.getCapabilities("video")?.codecs ?? [];
  const h264 = (c: RTCRtpCodec) =>
    c.mimeType === "video/H264" && (c.sdpFmtpLine ?? "").includes("packetization-mode=1");
  if (codecs.some(h264)) transceiver.setCodecPreferences([...codecs.filter(h264), ...codecs.filter((c) => !h264(c))]);
}

async function linkOf(pc: RTCPeerConnection, last: { bytes: number; at: number }): Promise<Link> {
  let bytes = 0;
  let lossPercent: number | null = null;
  (await pc.getStats()).forEach((report) => {
    if (report.type === "outbound-rtp" && report.kind === "video") bytes += report.bytesSent ?? 0;
    if (report.type === "remote-inbound-rtp" && report.kind === "video" && report.fractionLost !== undefined) {
      lossPercent = Math.round(report.fractionLost * 1000) / 10;
    }
  });
  const now = performance.now();
  const kbps = last.at ? Math.round(((bytes - last.bytes) * 8) / (now - last.at)) : 0;
  last.bytes = bytes;
  last.at = now;
  return { kbps: Math.max(0, kbps), lossPercent };
}

export function BroadcastPanel({ showId, iceServers = [] }: { showId: string; iceServers?: RTCIceServer[] }) {
  const { t } = useTranslation("live");
  const preview = useRef<HTMLVideoElement>(null);
  const peer = useRef<{ pc: RTCPeerConnection; session: string | null } | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [micOn, setMicOn] = useState(true);
  const [facing, setFacing] = useState<"user" | "environment">("user");
  const [link, setLink] = useState<Link | null>(null);

  useEffect(() => {
    if (preview.current) preview.current.srcObject = stream;
  }, [stream]);

  useEffect(() => {
    if (phase !== "live" || !peer.current) return;
    const pc = peer.current.pc;
    const last = { bytes: 0, at: 0 };
    const timer = setInterval(() => void linkOf(pc, last).then(setLink, () => {}), 2_000);
    return () => clearInterval(timer);
  }, [phase]);

  // Leaving the page ends the session; the relay would otherwise wait out ICE's consent timeout.
  useEffect(() => () => stop(), []);

  async function camera(facingMode: "user" | "environment") {
    return navigator.mediaDevices.getUserMedia({
      video: { facingMode, width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: true,
    });
  }

  async function start() {
    setPhase("connecting");
    try {
      const media = stream ?? (await camera(facing));
      setStream(media);
      media.getAudioTracks().forEach((track) => (track.enabled = micOn));
      const pc = new RTCPeerConnection({ iceServers });
      for (const track of media.getTracks()) {
        const transceiver = pc.addTransceiver(track, { direction: "sendonly", streams: [media] });
        if (track.kind === "video") preferH264(transceiver);
      }
      peer.current = { pc, session: null };
      pc.onconnectionstatechange = () => {
        if (pc.connectionState === "connected") setPhase("live");
        if (pc.connectionState === "failed") {
          console.warn("broadcast connection failed");
          setPhase("failed");
        }
      };
      peer.current.session = await negotiate(pc, `/whip/${showId}`);
    } catch (error) {
      console.warn("broadcast failed:", error);
      peer.current?.pc.close();
      peer.current = null;
      setPhase("failed");
    }
  }

  function stop() {
    leave(peer.current?.session ?? null);
    peer.current?.pc.close();
    peer.current = null;
    setLink(null);
    setPhase("idle");
  }

  function toggleMic() {
    const next = !micOn;
    stream?.getAudioTracks().forEach((track) => (track.enabled = next));
    setMicOn(next);
  }

  async function switchCamera() {
    const next = facing === "user" ? "environment" : "user";
    try {
      const media = await camera(next);
      const [video] = media.getVideoTracks();
      const sender = peer.current?.pc.getSenders().find((s) => s.track?.kind === "video");
      await sender?.replaceTrack(video);
      stream?.getTracks().forEach((track) => track.stop());
      media.getAudioTracks().forEach((track) => (track.enabled = micOn));
      const audio = peer.current?.pc.getSenders().find((s) => s.track?.kind === "audio");
      await audio?.replaceTrack(media.getAudioTracks()[0] ?? null);
      setStream(media);
      setFacing(next);
    } catch {
      // The other camera is missing or refused: keep the one we have.
    }
  }

  const on = phase === "live" || phase === "connecting";
  return (
    <section aria-labelledby="broadcast-title" className="space-y-3 rounded-2xl bg-white p-3 ring-1 ring-stone-200">
      <div className="flex items-center justify-between gap-2">
        <h2 id="broadcast-title" className="font-semibold">
          {t("broadcast.title")}
        </h2>
        <span
          role="status"
          data-testid="broadcast-state"
          className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${
            phase === "live" ? "bg-red-600 text-white" : "bg-stone-100 text-stone-700"
          }`}
        >
          {t(`broadcast.phase.${phase}`)}
        </span>
      </div>
      <video
        ref={preview}
        muted
        playsInline
        autoPlay
        aria-label={t("broadcast.preview")}
        className={`aspect-video max-h-64 w-full max-w-md rounded-xl bg-stone-900 object-cover ${facing === "user" ? "-scale-x-100" : ""}`}
      />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => (on ? stop() : void start())}
          className={`${on ? buttonStyles.danger : buttonStyles.primary} px-6`}
        >
          {on ? t("broadcast.stop") : t("broadcast.start")}
        </button>
        <button type="button" onClick={toggleMic} aria-pressed={!micOn} className={buttonStyles.quiet}>
          {micOn ? t("broadcast.micOff") : t("broadcast.micOn")}
        </button>
        <button type="button" onClick={() => void switchCamera()} disabled={!stream} className={buttonStyles.quiet}>
          {t("broadcast.switchCamera")}
        </button>
      </div>
      <Link to={`/host/shows/${showId}/stream-key`} className="text-sm text-brand-700 underline">
        {t("broadcast.encoderLink")}
      </Link>
      {link ? (
        <p className="text-sm text-stone-600" data-testid="broadcast-link">
          {t("broadcast.link", { kbps: link.kbps, loss: link.lossPercent ?? "—" })}
        </p>
      ) : null}
    </section>
  );
}
