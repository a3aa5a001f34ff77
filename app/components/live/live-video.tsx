// The stream: the show's own broadcast over WebRTC (falling back to its HLS cut where WebRTC cannot connect),
// native HLS where the browser has it (Safari, iOS), hls.js loaded on demand where it does not, a plain file for
// recordings, an embedded player page for embed sources, and the show's cover as a poster while nothing plays.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { watchBroadcast, type BroadcastPlayer, type PlayerState } from "./whip-client";

// `whep`: the show's own broadcast, over WebRTC (./whip-client.ts), with `hls` its fallback playlist.
export type VideoSource =
  { kind: "hls" | "embed" | "file"; url: string } | { kind: "whep"; url: string; hls: string } | null;

/** How to play a URL: an HLS playlist, a plain video file, or a player page to embed. */
export function sourceOf(url: string | null, kind?: "hls" | "embed"): VideoSource {
  if (!url) return null;
  if (kind === "embed") return { kind: "embed", url };
  const path = url.split("?")[0].toLowerCase();
  if (path.endsWith(".m3u8")) return { kind: "hls", url };
  if (/\.(mp4|webm|mov)$/.test(path)) return { kind: "file", url };
  return { kind: kind ?? "embed", url };
}

export type LiveVideoHandle = { seek: (seconds: number) => boolean };

type Props = {
  source: VideoSource;
  poster: string | null;
  note: string | null;
  controls: boolean;
  title: string;
  /** For the show's own broadcast: whether it runs, as the room last heard (undefined: not heard yet). */
  broadcasting?: boolean;
  /** STUN/TURN for the broadcast's WebRTC (TURN credentials minted per page session). */
  iceServers?: RTCIceServer[];
};

const FALLBACK_TRIES = 15;

/** Plays an HLS playlist through hls.js, fetched only now (it is large); returns how to stop it. */
function playHls(element: HTMLVideoElement, url: string, onFail: () => void, lowLatency: boolean) {
  let destroyed = false;
  let hls: { destroy: () => void } | null = null;
  void import("hls.js/light").then(({ default: Hls }) => {
    if (destroyed) return;
    if (!Hls.isSupported()) return onFail();
    const player = new Hls(
      lowLatency
        ? { liveSyncDurationCount: 1, liveMaxLatencyDurationCount: 3 }
        : { lowLatencyMode: true, backBufferLength: 30 },
    );
    player.on(Hls.Events.ERROR, (_event, data) => {
      if (data.fatal) onFail();
    });
    player.loadSource(url);
    player.attachMedia(element);
    void element.play().catch(() => {});
    hls = player;
  });
  return () => {
    destroyed = true;
    hls?.destroy();
  };
}

/** The broadcast's HLS fallback: its playlist appears a second or two after the broadcast starts. */
function playFallback(element: HTMLVideoElement, url: string, onFail: () => void) {
  let stop: (() => void) | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = (tries: number) => {
    void fetch(url, { method: "HEAD", cache: "no-store" })
      .then((response) => response.ok)
      .catch(() => false)
      .then((ready) => {
        if (stopped) return;
        if (ready) {
          if (element.canPlayType("application/vnd.apple.mpegurl")) element.src = url;
          else stop = playHls(element, url, onFail, true);
        } else if (tries > 1) timer = setTimeout(() => attempt(tries - 1), 1_000);
        else onFail();
      });
  };
  attempt(FALLBACK_TRIES);
  return () => {
    stopped = true;
    clearTimeout(timer);
    stop?.();
  };
}

export const LiveVideo = forwardRef<LiveVideoHandle, Props>(function LiveVideo(
  { source, poster, note, controls, title, broadcasting, iceServers },
  ref,
) {
  const { t } = useTranslation("live");
  const video = useRef<HTMLVideoElement>(null);
  const player = useRef<BroadcastPlayer | null>(null);
  const pendingSeek = useRef<number | null>(null);
  const [failed, setFailed] = useState(false);
  const [muted, setMuted] = useState(true);
  const [state, setState] = useState<PlayerState>("waiting");
  const [fallback, setFallback] = useState(false);
  const kind = source?.kind;
  const url = source?.url;
  const hls = source?.kind === "whep" ? source.hls : null;
  const ice = useRef(iceServers);
  ice.current = iceServers;
  const known = useRef(broadcasting);
  known.current = broadcasting;

  useImperativeHandle(ref, () => ({
    seek(seconds) {
      const element = video.current;
      if (!element) return false;
      // A moment in another recording: the seek waits for that file's metadata (see onLoadedMetadata).
      pendingSeek.current = seconds;
      if (element.readyState >= 1) element.currentTime = seconds;
      void element.play().catch(() => {});
      return true;
    },
  }));

  useEffect(() => {
    const element = video.current;
    setFailed(false);
    setFallback(false);
    if (!element || !kind || !url || kind === "embed") return;
    if (kind === "whep") {
      const watching = watchBroadcast(element, url, {
        onState: setState,
        onFallback: () => setFallback(true),
        known: known.current,
        iceServers: ice.current,
      });
      player.current = watching;
      return () => {
        player.current = null;
        watching.stop();
      };
    }
    if (kind === "file" || element.canPlayType("application/vnd.apple.mpegurl")) {
      element.src = url;
      return;
    }
    return playHls(element, url, () => setFailed(true), false);
  }, [kind, url]);

  useEffect(() => {
    if (broadcasting !== undefined) player.current?.broadcasting(broadcasting);
  }, [broadcasting]);

  useEffect(() => {
    const element = video.current;
    if (!fallback || !element || !hls) return;
    element.srcObject = null;
    return playFallback(element, hls, () => setFailed(true));
  }, [fallback, hls]);

  const whep = kind === "whep" && !fallback;
  const showPoster = !source || failed || (whep && (state === "waiting" || state === "connecting"));
  return (
    <div className="absolute inset-0 bg-stone-900">
      {source?.kind === "embed" && !failed ? (
        <iframe
          src={source.url}
          title={title}
          className="h-full w-full border-0"
          allow="autoplay; fullscreen; picture-in-picture"
          sandbox="allow-scripts allow-same-origin allow-presentation"
          referrerPolicy="no-referrer"
        />
      ) : null}
      {source && source.kind !== "embed" && !failed ? (
        <>
          <video
            ref={video}
            className="h-full w-full object-contain"
            poster={poster ?? undefined}
            playsInline
            autoPlay
            muted={muted}
            controls={controls}
            onError={() => setFailed(true)}
            onLoadedMetadata={(event) => {
              if (pendingSeek.current !== null) event.currentTarget.currentTime = pendingSeek.current;
            }}
            onSeeked={() => (pendingSeek.current = null)}
            aria-label={title}
            data-fallback={fallback ? "hls" : undefined}
          />
          {!controls ? (
            <button
              type="button"
              onClick={() => setMuted((m) => !m)}
              className="absolute top-16 right-3 min-h-11 rounded-full bg-black/50 px-3 text-xs text-white"
            >
              {muted ? t("video.unmute") : t("video.mute")}
            </button>
          ) : null}
        </>
      ) : null}
      {whep && state === "reconnecting" && !failed ? (
        <div
          role="status"
          className="absolute inset-x-6 top-[22%] rounded-2xl bg-black/60 px-4 py-2.5 text-center text-sm font-semibold text-white"
        >
          {t("video.reconnecting")}
        </div>
      ) : null}
      {showPoster ? (
        <div className="absolute inset-0">
          {poster ? <img src={poster} alt="" className="h-full w-full object-cover opacity-70" /> : null}
          <div className="absolute inset-x-6 top-[22%] rounded-2xl bg-black/60 px-4 py-2.5 text-center text-white">
            <p className="text-sm font-semibold">{failed ? t("video.failed") : note}</p>
          </div>
        </div>
      ) : null}
    </div>
  );
});
