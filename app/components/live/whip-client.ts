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

// Until the room announces a broadcast by socket, a waiting room asks again now and then, spread out.
const RETRY_MS = 5_000;

/** Watches a show over WHEP into `video`, offering again while nobody broadcasts or the link drops. */
export function watchBroadcast(video: HTMLVideoElement, endpoint: string, onLive: (live: boolean) => void) {
  let stopped = false;
  let pc: RTCPeerConnection | null = null;
  let session: string | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const again = () => {
    if (stopped) return;
    pc?.close();
    leave(session);
    session = null;
    onLive(false);
    retry = setTimeout(start, RETRY_MS * (0.75 + Math.random() / 2));
  };
  const start = async () => {
    const mode = await fetch(endpoint, { cache: "no-store" })
      .then((response) => response.json() as Promise<{ broadcasting?: boolean; serverOffers?: boolean }>)
      .catch(() => ({ broadcasting: false, serverOffers: false }));
    if (stopped) return;
    if (mode.broadcasting !== true) return again();
    const peer = new RTCPeerConnection();
    pc = peer;
    if (!mode.serverOffers) {
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
      if (peer.connectionState === "connected") onLive(true);
      if (peer.connectionState === "failed" || peer.connectionState === "closed") again();
    };
    try {
      session = await (mode.serverOffers ? answerOffer : negotiate)(peer, endpoint);
      if (stopped) leave(session);
    } catch {
      again();
    }
  };
  void start();
  return () => {
    stopped = true;
    clearTimeout(retry);
    pc?.close();
    leave(session);
  };
}
