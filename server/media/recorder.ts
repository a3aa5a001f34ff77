// Records every broadcast and cuts its HLS fallback, engine-agnostic: the engine sends a copy of the publisher's
// RTP to local UDP ports, and one Debian ffmpeg per broadcast reads it through an SDP file, copies the video as it
// came (H.264 → MP4 + HLS; VP8 → WebM, no HLS), encodes the audio once (Opus → AAC for MP4/HLS), and writes both.
// A publishing session is one recording; ending it (or the show) finalises the file and tells the app its length.
import { spawn, type ChildProcess } from "node:child_process";
import { createSocket } from "node:dgram";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ServerApi } from "../app-build.ts";
import type { ForwardedCodec, MediaEngine } from "./media-engine.ts";

// Chromium sends keyframes only when asked: HLS segments (and a replay's seek) start at one.
const KEYFRAME_EVERY_MS = 1_000;
const FINISH_TIMEOUT_MS = 15_000;
const LOOPBACK = "127.0.0.1";

export type RecorderOptions = { dir: string; hlsDir: string; ffmpeg: string; ffprobe: string };

type Take = {
  showId: string;
  forwardId: string | null;
  recordingId: string | null;
  file: string;
  ffmpeg: ChildProcess | null;
  exited: Promise<void>;
  /** The wall-clock time of the file's first frame, as ffmpeg's progress reports show it (least-delayed one). */
  firstFrameAt: number | null;
};

const canBind = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createSocket("udp4");
    socket.once("error", () => resolve(false));
    socket.bind(port, LOOPBACK, () => socket.close(() => resolve(true)));
  });

/** An even UDP port whose next (RTCP) is free too, as ffmpeg's RTP input binds both. */
async function freeRtpPort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + 2 * Math.floor(Math.random() * 20_000);
    if (taken.has(port)) continue;
    if ((await canBind(port)) && (await canBind(port + 1))) {
      taken.add(port);
      return port;
    }
  }
  throw new Error("No free UDP port pair for the recorder.");
}

function sdpSection(kind: "video" | "audio", port: number, codec: ForwardedCodec) {
  const rate = codec.channels && codec.channels > 1 ? `${codec.clockRate}/${codec.channels}` : `${codec.clockRate}`;
  return [
    `m=${kind} ${port} RTP/AVP ${codec.payloadType}`,
    `a=rtpmap:${codec.payloadType} ${codec.name}/${rate}`,
    ...(codec.parameters ? [`a=fmtp:${codec.payloadType} ${codec.parameters}`] : []),
  ];
}

/** The SDP file that tells ffmpeg which ports carry which codec. */
export function forwardSdp(ports: { video: number; audio: number }, video: ForwardedCodec, audio?: ForwardedCodec) {
  return [
    "v=0",
    `o=- 0 0 IN IP4 ${LOOPBACK}`,
    "s=cunbo",
    `c=IN IP4 ${LOOPBACK}`,
    "t=0 0",
    ...sdpSection("video", ports.video, video),
    ...(audio ? sdpSection("audio", ports.audio, audio) : []),
    "",
  ].join("\r\n");
}

function ffmpegArgs(sdpFile: string, recording: string, hls: string | null, hasAudio: boolean) {
  const mp4 = hls !== null;
  const outputs = mp4
    ? `[f=mp4:movflags=+faststart]${recording}|[f=hls:onfail=ignore:hls_time=1:hls_list_size=6:hls_flags=delete_segments+independent_segments]${hls}`
    : `[f=webm]${recording}`;
  return [
    ...["-hide_banner", "-loglevel", "error", "-nostdin"],
    ...["-progress", "pipe:1", "-stats_period", "0.5"],
    ...["-protocol_whitelist", "file,udp,rtp", "-fflags", "+genpts+discardcorrupt", "-i", sdpFile],
    ...["-map", "0:v:0", ...(hasAudio ? ["-map", "0:a:0?"] : [])],
    ...["-c:v", "copy", ...(hasAudio ? (mp4 ? ["-c:a", "aac", "-b:a", "96k"] : ["-c:a", "copy"]) : [])],
    ...(mp4 ? ["-bsf:v", "h264_mp4toannexb"] : []),
    ...["-f", "tee", outputs],
  ];
}

function durationOf(ffprobe: string, file: string): Promise<number> {
  return new Promise((resolve) => {
    const probe = spawn(ffprobe, ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file]);
    let out = "";
    probe.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    probe.on("error", () => resolve(0));
    probe.on("close", () => resolve(Math.max(0, Number.parseFloat(out) || 0) * 1000));
  });
}

export function recordBroadcasts(app: ServerApi, engine: MediaEngine, options: RecorderOptions) {
  const takes = new Map<string, Take>();
  const live = new Set<string>();
  // Per room, starts and finishes run one after another, in the order the engine announced them.
  const chains = new Map<string, Promise<void>>();
  const ports = new Set<number>();
  let closed = false;
  let warned = false;

  const showIdOf = (room: string) => (room.startsWith("show:") ? room.slice("show:".length) : null);
  const run = (room: string, step: () => Promise<void>) => {
    const next = (chains.get(room) ?? Promise.resolve())
      .then(step)
      .catch((error: unknown) => console.error("recording failed:", error));
    chains.set(room, next);
    return next;
  };

  async function begin(room: string, showId: string, session: string) {
    const [video, audio] = [await freeRtpPort(ports), await freeRtpPort(ports)];
    const release = () => [video, audio].forEach((port) => ports.delete(port));
    const forward = await engine.forwardRtp(room, {
      host: LOOPBACK,
      videoPort: video,
      audioPort: audio,
      keyframeEveryMs: KEYFRAME_EVERY_MS,
    });
    if (!forward?.video) {
      // Nobody publishes any more, or audio alone: nothing to watch later.
      if (forward) await engine.stopForward(room, forward.id);
      return release();
    }
    const h264 = forward.video.name.toLowerCase() === "h264";
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
    const file = `${showId}/${stamp}-${session.slice(0, 8)}.${h264 ? "mp4" : "webm"}`;
    const hlsFolder = path.join(options.hlsDir, showId);
    await mkdir(path.join(options.dir, showId), { recursive: true });
    await rm(hlsFolder, { recursive: true, force: true });
    if (h264) await mkdir(hlsFolder, { recursive: true });
    const sdpFile = path.join(options.dir, showId, `.${session}.sdp`);
    await writeFile(sdpFile, forwardSdp({ video, audio }, forward.video, forward.audio));
    const ffmpeg = spawn(
      options.ffmpeg,
      ffmpegArgs(
        sdpFile,
        path.join(options.dir, file),
        h264 ? path.join(hlsFolder, "index.m3u8") : null,
        Boolean(forward.audio),
      ),
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const startedAt = new Date();
    const take: Take = {
      showId,
      forwardId: forward.id,
      recordingId: null,
      file,
      ffmpeg,
      exited: Promise.resolve(),
      firstFrameAt: null,
    };
    // The file's clock starts at the first packet ffmpeg kept, a little after the copy began: each progress
    // report ("out_time_us", the written length) says when that was; pins are stamped against it.
    let progress = "";
    ffmpeg.stdout?.on("data", (chunk: Buffer) => {
      progress += chunk.toString();
      const lines = progress.split("\n");
      progress = lines.pop() ?? "";
      for (const line of lines) {
        const written = /^out_time_us=(\d+)/.exec(line);
        if (!written || Number(written[1]) <= 0) continue;
        const start = Date.now() - Number(written[1]) / 1000;
        take.firstFrameAt = Math.min(take.firstFrameAt ?? start, start);
      }
    });
    let errors = "";
    ffmpeg.stderr?.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2_000)));
    take.exited = new Promise<void>((resolve) => {
      ffmpeg.once("close", () => {
        release();
        void rm(sdpFile, { force: true });
        resolve();
      });
      ffmpeg.once("error", (error) => {
        if (!warned)
          console.error(`ffmpeg (${options.ffmpeg}) could not run; broadcasts are not recorded:`, error.message);
        warned = true;
      });
    });
    takes.set(room, take);
    void take.exited.then(() => {
      if (errors.trim() && takes.get(room) === take) console.error(`ffmpeg (recording ${file}): ${errors.trim()}`);
    });
    take.recordingId = await app.openRecording(showId, { file, codec: forward.video.name, startedAt });
    if (!take.recordingId) await finish(room);
  }

  async function finish(room: string) {
    const take = takes.get(room);
    if (!take) return;
    takes.delete(room);
    if (take.forwardId) await engine.stopForward(room, take.forwardId).catch(() => {});
    if (take.ffmpeg && take.ffmpeg.exitCode === null) {
      // SIGINT is ffmpeg's "q": it writes the trailer (and moves the MP4's index to the front) before exiting.
      take.ffmpeg.kill("SIGINT");
      const timer = setTimeout(() => take.ffmpeg?.kill("SIGKILL"), FINISH_TIMEOUT_MS);
      await take.exited;
      clearTimeout(timer);
    }
    await rm(path.join(options.hlsDir, take.showId), { recursive: true, force: true });
    if (!take.recordingId) return;
    const file = path.join(options.dir, take.file);
    const bytes = await stat(file).then(
      (info) => info.size,
      () => 0,
    );
    const durationMs = bytes > 0 ? await durationOf(options.ffprobe, file) : 0;
    const endedAt = new Date();
    const firstFrameAt = take.firstFrameAt ? new Date(take.firstFrameAt) : undefined;
    await app.closeRecording(
      take.recordingId,
      durationMs > 0 ? { endedAt, durationMs, bytes, firstFrameAt } : { endedAt, failed: true },
    );
  }

  engine.onBroadcast(({ room, session }) => {
    const showId = showIdOf(room);
    if (!showId || closed) return;
    const publishing = session !== null;
    if (publishing !== live.has(room)) {
      if (publishing) live.add(room);
      else live.delete(room);
      app.announceBroadcast(showId, publishing);
    }
    void run(room, async () => {
      await finish(room);
      if (session && !closed) await begin(room, showId, session);
    });
  });

  return {
    /** Finalises every recording in progress (the process is stopping). */
    async close() {
      closed = true;
      await Promise.all([...chains.keys()].map((room) => run(room, () => finish(room))));
    },
  };
}
