// The stream: native HLS where the browser has it (Safari, iOS), hls.js loaded on demand where it does not,
// an embedded player page for embed sources, and the show's cover as a poster when there is nothing to play.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { watchBroadcast } from "./whip-client";

// `whep`: the show's own broadcast, over WebRTC (./whip-client.ts).
export type VideoSource = { kind: "hls" | "embed" | "file" | "whep"; url: string } | null;

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

type Props = { source: VideoSource; poster: string | null; note: string | null; controls: boolean; title: string };

export const LiveVideo = forwardRef<LiveVideoHandle, Props>(function LiveVideo(
  { source, poster, note, controls, title },
  ref,
) {
  const { t } = useTranslation("live");
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const [muted, setMuted] = useState(true);
  const [waiting, setWaiting] = useState(true);

  useImperativeHandle(ref, () => ({
    seek(seconds) {
      if (!video.current) return false;
      video.current.currentTime = seconds;
      void video.current.play().catch(() => {});
      return true;
    },
  }));

  useEffect(() => {
    const element = video.current;
    setFailed(false);
    if (!element || !source || source.kind === "embed") return;
    if (source.kind === "whep") return watchBroadcast(element, source.url, (live) => setWaiting(!live));
    if (source.kind === "file" || element.canPlayType("application/vnd.apple.mpegurl")) {
      element.src = source.url;
      return;
    }
    let destroyed = false;
    let hls: { destroy: () => void } | null = null;
    // hls.js is large: it is fetched only for an HLS source in a browser without native HLS.
    void import("hls.js/light").then(({ default: Hls }) => {
      if (destroyed) return;
      if (!Hls.isSupported()) return setFailed(true);
      const player = new Hls({ lowLatencyMode: true, backBufferLength: 30 });
      player.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) setFailed(true);
      });
      player.loadSource(source.url);
      player.attachMedia(element);
      hls = player;
    });
    return () => {
      destroyed = true;
      hls?.destroy();
    };
  }, [source]);

  const showPoster = !source || failed || (source.kind === "whep" && waiting);
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
            aria-label={title}
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
