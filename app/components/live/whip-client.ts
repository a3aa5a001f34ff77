// The browser's side of WHIP and WHEP, in a few lines: the browser's own RTCPeerConnection does the work, so the
// live room loads no player library. Offers carry every candidate (the endpoints take no trickle).
const GATHERING_LIMIT_MS = 1_500;

export class SignallingRefused extends Error {
  constructor(readonly status: number) {
    super(`signalling refused (${status})`);
  }
}

function gathered(pc: RTCPeerConnection) {
  return new Promise<void>((resolve) => {
    if (pc.iceGatheringState === "complete") return resolve();
    const timer = setTimeout(resolve, GATHERING_LIMIT_MS);
    pc.addEventListener("icegatheringstatechange", () => {
      if (pc.iceGatheringState === "complete") {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** Sends `pc`'s offer to a WHIP/WHEP endpoint and applies the answer; resolves with the session's URL. */
export async function negotiate(pc: RTCPeerConnection, endpoint: string): Promise<string> {
  await pc.setLocalDescription(await pc.createOffer());
  await gathered(pc);
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/sdp" },
    body: pc.localDescription?.sdp ?? "",
    credentials: "same-origin",
  });
  if (response.status !== 201) throw new SignallingRefused(response.status);
  await pc.setRemoteDescription({ type: "answer", sdp: await response.text() });
  return new URL(response.headers.get("Location") ?? "", response.url).href;
}

/**
 * WHEP's "server offers" mode (Janus 1.1.2 takes no viewer offers): an empty POST gets the server's offer, and the
 * answer is PATCHed to the session's URL. Resolves with that URL.
 */
export async function answerOffer(pc: RTCPeerConnection, endpoint: string): Promise<string> {
  const response = await fetch(endpoint, { method: "POST", credentials: "same-origin" });
  if (response.status !== 201) throw new SignallingRefused(response.status);
  const session = new URL(response.headers.get("Location") ?? "", response.url).href;
  await pc.setRemoteDescription({ type: "offer", sdp: await response.text() });
  await pc.setLocalDescription(await pc.createAnswer());
  await gathered(pc);
  const patched = await fetch(session, {
    method: "PATCH",
    headers: { "Content-Type": "application/sdp" },
    body: pc.localDescription?.sdp ?? "",
    credentials: "same-origin",
  });
  if (!patched.ok) {
    leave(session);
    throw new SignallingRefused(patched.status);
  }
  return session;
}

/** Ends a session; `keepalive` lets it go out while the page unloads. */
export function leave(session: string | null) {
  if (session) void fetch(session, { method: "DELETE", keepalive: true }).catch(() => {});
}

/** What the viewer sees: nobody broadcasts, the link is being made, frames flow, or they stopped coming. */
export type PlayerState = "waiting" | "connecting" | "live" | "reconnecting";

// WebRTC that has not connected by then (UDP blocked, no relay) gives way to the HLS fallback.
const CONNECT_LIMIT_MS = 8_000;
// No new frame for this long while connected: the host's network dropped (or the relay's), so say so.
const STALL_MS = 2_500;
const RETRY_MS = 3_000;

export type BroadcastPlayer = {
  /** The room heard the broadcast start or stop (socket event): offer now, or show the waiting note. */
  broadcasting(live: boolean): void;
  stop(): void;
};

const framesOf = (video: HTMLVideoElement) => video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0;

/**
 * Watches a show over WHEP into `video`. It offers when the broadcast runs (asking once, then told by the room),
 * reports a stall of frames as "reconnecting", offers again when the link fails, and calls `onFallback` when
 * WebRTC cannot connect at all.
 */
export function watchBroadcast(
  video: HTMLVideoElement,
  endpoint: string,
  {
    onState,
    onFallback,
    known,
    iceServers = [],
  }: { onState: (state: PlayerState) => void; onFallback: () => void; known?: boolean; iceServers?: RTCIceServer[] },
): BroadcastPlayer {
  let stopped = false;
  let pc: RTCPeerConnection | null = null;
  let session: string | null = null;
  let live = known;
  let serverOffers: boolean | undefined;
  let everConnected = false;
  let timers: ReturnType<typeof setTimeout>[] = [];
  const later = (ms: number, run: () => void) => timers.push(setTimeout(run, ms));
  let state: PlayerState | null = null;
  const set = (next: PlayerState) => {
    if (next !== state) onState((state = next));
  };

  const hangUp = () => {
    timers.forEach(clearTimeout);
    timers = [];
    pc?.close();
    pc = null;
    leave(session);
    session = null;
  };
  const retry = () => {
    hangUp();
    if (stopped || live === false) return;
    set("reconnecting");
    later(RETRY_MS * (0.75 + Math.random() / 2), () => void start());
  };
  // Frames decoded since the last look: none for a while means the picture froze.
  let lastFrames = 0;
  let lastChange = 0;
  const watchFrames = () => {
    const frames = framesOf(video);
    if (frames !== lastFrames) {
      lastFrames = frames;
      lastChange = Date.now();
      if (pc?.connectionState === "connected") set("live");
    } else if (state === "live" && Date.now() - lastChange > STALL_MS) set(live === false ? "waiting" : "reconnecting");
    later(500, watchFrames);
  };

  const start = async () => {
    if (stopped || pc) return;
    // The engine says once whether it offers (Janus) or takes the viewer's offer (embedded).
    if (live === undefined || serverOffers === undefined) {
      const mode = await fetch(endpoint, { cache: "no-store" })
        .then((response) => response.json() as Promise<{ broadcasting?: boolean; serverOffers?: boolean }>)
        .catch(() => ({ broadcasting: false, serverOffers: undefined }));
      if (live === undefined) live = mode.broadcasting === true;
      serverOffers = mode.serverOffers;
    }
    if (stopped || pc) return;
    if (!live) return set("waiting");
    if (state !== "reconnecting") set("connecting");
    const peer = new RTCPeerConnection({ iceServers });
    pc = peer;
    if (!serverOffers) {
      peer.addTransceiver("video", { direction: "recvonly" });
      peer.addTransceiver("audio", { direction: "recvonly" });
    }
    const stream = new MediaStream();
    peer.ontrack = (event) => {
      stream.addTrack(event.track);
      video.srcObject = stream;
      void video.play().catch(() => {});
    };
    peer.onconnectionstatechange = () => {
      if (pc !== peer) return;
      if (peer.connectionState === "connected") {
        everConnected = true;
        lastChange = Date.now();
      }
      if (peer.connectionState === "failed" && !everConnected) return fallBack();
      if (peer.connectionState === "failed" || peer.connectionState === "closed") retry();
    };
    later(CONNECT_LIMIT_MS, () => {
      if (pc === peer && peer.connectionState !== "connected" && !everConnected) fallBack();
    });
    later(500, watchFrames);
    try {
      session = await (serverOffers ? answerOffer : negotiate)(peer, endpoint);
      if (stopped) leave(session);
    } catch (error) {
      // 409: the broadcast stopped between the question and the offer; the room will say when it is back.
      if (error instanceof SignallingRefused && error.status === 409) {
        live = false;
        hangUp();
        return set("waiting");
      }
      retry();
    }
  };
  const fallBack = () => {
    hangUp();
    if (!stopped) onFallback();
  };

  void start();
  return {
    broadcasting(next) {
      live = next;
      if (next) {
        if (!pc) void start();
      } else {
        // Viewers stay connected through a stop: the same host publishing again reaches them without an offer.
        set("waiting");
      }
    },
    stop() {
      stopped = true;
      hangUp();
    },
  };
}
