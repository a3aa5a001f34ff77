// Where a show's own media is served: its recordings (range requests) and its broadcast's HLS fallback playlist.
export const RECORDINGS_PATH = "/recordings";
export const HLS_PATH = "/hls";

export const recordingHref = (file: string) =>
  `${RECORDINGS_PATH}/${file.split("/").map(encodeURIComponent).join("/")}`;

/** The HLS playlist of a show's broadcast, while one runs (server/media/recorder.ts writes it). */
export const hlsHref = (showId: string) => `${HLS_PATH}/${encodeURIComponent(showId)}/index.m3u8`;
