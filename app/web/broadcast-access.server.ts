// Who may publish a show's broadcast (WHIP) and who may watch it (WHEP), from a request's Cookie and
// Authorization headers alone: the endpoints (server/media/) run outside Remix.
import { assertCanRunShow, findShowForGuard } from "~/domain/live/shows.server";
import { isCurrentStreamKey } from "~/domain/live/stream-keys.server";
import { viewerFromCookie } from "./auth.server";

export type BroadcastRefusal = { ok: false; status: 401 | 403 | 404 | 409; reason: string };
/** `publisher` names who publishes: two publishers with the same name are one person, so the later replaces. */
export type PublishAccess = { ok: true; publisher: string; live: boolean } | BroadcastRefusal;
export type WatchAccess = { ok: true } | BroadcastRefusal;

const refuse = (status: BroadcastRefusal["status"], reason: string): BroadcastRefusal => ({
  ok: false,
  status,
  reason,
});

// Ids are cuids; anything else (a NUL byte PostgreSQL would refuse, a path) names no show.
const SHOW_ID = /^[A-Za-z0-9_-]{1,64}$/;

async function showOf(showId: string) {
  return SHOW_ID.test(showId) ? findShowForGuard(showId) : null;
}

function bearerOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1] : null;
}

/** The show's approved host (signed in, or holding the show's current stream key) or an admin may publish. */
export async function publishAccess(
  showId: string,
  headers: { cookie?: string; authorization?: string },
): Promise<PublishAccess> {
  const show = await showOf(showId);
  if (!show) return refuse(404, "No such show.");
  if (show.status === "ended") return refuse(409, "The show has ended.");
  const live = show.status === "live";
  const key = bearerOf(headers.authorization);
  if (key !== null) {
    if (await isCurrentStreamKey(show.id, key)) return { ok: true, publisher: `host:${show.hostId}`, live };
    return refuse(401, "The stream key is not this show's current key.");
  }
  const viewer = await viewerFromCookie(headers.cookie ?? null);
  if (!viewer) return refuse(401, "Sign in as the show's host, or send the show's stream key as a Bearer token.");
  try {
    assertCanRunShow(viewer, show);
  } catch {
    return refuse(403, "Only the show's host or an admin may broadcast it.");
  }
  const isHost = viewer.host?.id === show.hostId;
  return { ok: true, publisher: isHost ? `host:${show.hostId}` : `admin:${viewer.id}`, live };
}

/** Anyone may watch a live show, signed in or not. */
export async function watchAccess(showId: string): Promise<WatchAccess> {
  const show = await showOf(showId);
  if (!show) return refuse(404, "No such show.");
  if (show.status !== "live") return refuse(409, "The show is not live.");
  return { ok: true };
}
