// Which playback sources a show may use: an HLS playlist (.m3u8) or a player page to embed, over http(s).
export type PlaybackKind = "hls" | "embed";

/** The i18n key of what is wrong with a playback source, or null when it is fine. */
export function playbackProblem(kind: PlaybackKind, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "live:form.error.playbackUrl";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "live:form.error.playbackUrl";
  if (kind === "hls" && !parsed.pathname.toLowerCase().endsWith(".m3u8")) return "live:form.error.hlsUrl";
  return null;
}
