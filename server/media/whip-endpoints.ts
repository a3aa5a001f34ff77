// WHIP (RFC 9725) to publish a show's broadcast and WHEP to watch it: POST an SDP offer, get 201 with the answer
// and the session's Location, DELETE that Location to leave. No trickle: answers carry every candidate, and a
// trickle PATCH is refused (405) as the RFC allows. An engine that cannot take a viewer's offer (Janus 1.1.2) uses
// WHEP's "server offers" mode: the viewer POSTs an empty body, gets the engine's offer in the 201, and PATCHes its
// answer (application/sdp) to the Location; GET /whep/<show> tells players which mode to use.
// Who may publish or watch is the app's rule (app/web/broadcast-access).
import express, { type Request, type Response, type Router } from "express";
import type { ServerApi } from "../app-build.ts";
import { looksLikeOffer } from "./sdp-hints.ts";
import {
  MediaRefusal,
  type MediaEngine,
  type MediaRefusalCode,
  type MediaSession,
  type ViewerOffer,
} from "./media-engine.ts";

export const WHIP_PATH = "/whip";
export const WHEP_PATH = "/whep";
// A browser's offer is 3–8 KB; OBS's smaller. Far past that is not an offer.
const MAX_OFFER_BYTES = 64 * 1024;
const SDP = "application/sdp";

type IceServer = ReturnType<ServerApi["sessionIceServers"]>[number];

const refusalStatus: Record<MediaRefusalCode, number> = {
  bad_offer: 400,
  publisher_taken: 409,
  not_broadcasting: 409,
};

function plain(res: Response, status: number, reason: string, headers: Record<string, string> = {}) {
  res
    .status(status)
    .set({ "Cache-Control": "no-store", ...headers })
    .type("text/plain")
    .send(reason);
}

const quoted = (value: string) => `"${value.replace(/["\\]/g, "")}"`;

/** The ICE servers as RFC 9725's Link headers, for encoders that take them from the answer. */
export function iceServerLinks(servers: IceServer[]): string[] {
  return servers.flatMap((server) =>
    [server.urls].flat().map((url) => {
      const credentials =
        server.username && server.credential
          ? `; username=${quoted(server.username)}; credential=${quoted(server.credential)}; credential-type="password"`
          : "";
      return `<${url}>; rel="ice-server"${credentials}`;
    }),
  );
}

async function answerOffer(
  req: Request,
  res: Response,
  base: string,
  links: () => string[],
  take: (offer: string) => Promise<MediaSession>,
) {
  if (!req.is(SDP)) return plain(res, 415, `Send the offer as ${SDP}.`, { "Accept-Post": SDP });
  const offer = typeof req.body === "string" ? req.body : "";
  if (!looksLikeOffer(offer)) return plain(res, 400, "The body is not an SDP offer with audio or video.");
  try {
    const session = await take(offer);
    const servers = links();
    res
      .status(201)
      .set({
        "Cache-Control": "no-store",
        Location: `${base}/${encodeURIComponent(req.params.showId)}/${session.sessionId}`,
        ...(servers.length ? { Link: servers.join(", ") } : {}),
      })
      .type(SDP)
      .send(session.answer);
  } catch (error) {
    if (error instanceof MediaRefusal) return plain(res, refusalStatus[error.code], error.message);
    console.error("media engine failed:", error);
    plain(res, 503, "The media relay is unavailable; try again shortly.", { "Retry-After": "2" });
  }
}

/** WHEP's "server offers" mode: an empty POST gets the engine's offer (201, application/sdp, a Location). */
async function offerToViewer(req: Request, res: Response, links: string[], take: () => Promise<ViewerOffer>) {
  try {
    const session = await take();
    res
      .status(201)
      .set({
        "Cache-Control": "no-store",
        Location: `${WHEP_PATH}/${encodeURIComponent(req.params.showId)}/${session.sessionId}`,
        ...(links.length ? { Link: links.join(", ") } : {}),
      })
      .type(SDP)
      .send(session.offer);
  } catch (error) {
    if (error instanceof MediaRefusal) return plain(res, refusalStatus[error.code], error.message);
    console.error("media engine failed:", error);
    plain(res, 503, "The media relay is unavailable; try again shortly.", { "Retry-After": "2" });
  }
}

/** The viewer's answer to the engine's offer, PATCHed to its session. */
async function acceptAnswer(req: Request, res: Response, engine: MediaEngine, room: string) {
  if (!req.is(SDP))
    return plain(res, 405, "Trickle ICE is not supported: PATCH only an SDP answer.", { Allow: "PATCH, DELETE" });
  const answer = typeof req.body === "string" ? req.body : "";
  if (!looksLikeOffer(answer)) return plain(res, 400, "The body is not an SDP answer with audio or video.");
  try {
    const accepted = await engine.acceptViewerAnswer!(room, req.params.sessionId, answer);
    if (accepted) res.status(204).set("Cache-Control", "no-store").end();
    else plain(res, 404, "No such session waiting for an answer.");
  } catch (error) {
    if (error instanceof MediaRefusal) return plain(res, refusalStatus[error.code], error.message);
    console.error("media engine failed:", error);
    plain(res, 503, "The media relay is unavailable; try again shortly.", { "Retry-After": "2" });
  }
}

async function endSession(req: Request, res: Response, engine: MediaEngine, room: string) {
  try {
    const ended = await engine.endSession(room, req.params.sessionId);
    if (ended) res.status(200).set("Cache-Control", "no-store").end();
    else plain(res, 404, "No such session.");
  } catch (error) {
    console.error("media engine failed:", error);
    plain(res, 503, "The media relay is unavailable; try again shortly.", { "Retry-After": "2" });
  }
}

/** Express 4 does not catch a rejected handler: an unreachable database must still get an answer, not a crash. */
function guarded(handler: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response) => {
    handler(req, res).catch((error: unknown) => {
      console.error("WHIP/WHEP request failed:", error);
      if (!res.headersSent) plain(res, 503, "Live video is unavailable; try again shortly.", { "Retry-After": "2" });
    });
  };
}

export function mediaEndpoints(app: ServerApi, engine: MediaEngine): Router {
  const router = express.Router();
  // TURN credentials are minted per session: each answer (and each pre-flight OPTIONS) gets its own.
  const links = () => iceServerLinks(app.sessionIceServers());
  const readOffer = express.text({ type: SDP, limit: MAX_OFFER_BYTES });
  const room = (req: Request) => app.showRoom(req.params.showId);

  router.post(
    `${WHIP_PATH}/:showId`,
    readOffer,
    guarded(async (req, res) => {
      const access = await app.publishAccess(req.params.showId, {
        cookie: req.headers.cookie,
        authorization: req.headers.authorization,
      });
      if (!access.ok) {
        const challenge = access.status === 401 ? { "WWW-Authenticate": 'Bearer realm="cunbo"' } : undefined;
        return plain(res, access.status, access.reason, challenge);
      }
      await answerOffer(req, res, WHIP_PATH, links, (offer) => engine.publish(room(req), access.publisher, offer));
    }),
  );

  router.post(
    `${WHEP_PATH}/:showId`,
    readOffer,
    guarded(async (req, res) => {
      const access = await app.watchAccess(req.params.showId);
      if (!access.ok) return plain(res, access.status, access.reason);
      const { offerToViewer: offers } = engine;
      if (offers && !req.body?.length && Number(req.headers["content-length"] ?? 0) === 0) {
        return offerToViewer(req, res, links(), () => offers.call(engine, room(req)));
      }
      await answerOffer(req, res, WHEP_PATH, links, (offer) => engine.watch(room(req), offer));
    }),
  );

  // A waiting room asks whether anyone broadcasts before it offers: a refused offer would be a console error
  // (and an ICE gathering) every few seconds for every viewer of a show that has not started.
  router.get(
    `${WHEP_PATH}/:showId`,
    guarded(async (req, res) => {
      const { publishing } = await engine.roomState(room(req));
      // serverOffers: POST an empty body and PATCH the answer, instead of POSTing an offer.
      res
        .set("Cache-Control", "no-store")
        .json({ broadcasting: publishing, serverOffers: Boolean(engine.offerToViewer) });
    }),
  );

  for (const base of [WHIP_PATH, WHEP_PATH]) {
    // RFC 9725 §4.6: a client may ask for the ICE servers before it offers (it needs TURN to gather relay candidates).
    router.options(`${base}/:showId`, (_req, res) => {
      const servers = links();
      res
        .status(204)
        .set({
          "Cache-Control": "no-store",
          "Accept-Post": SDP,
          Allow: base === WHEP_PATH ? "OPTIONS, POST, GET" : "OPTIONS, POST",
          ...(servers.length ? { Link: servers.join(", ") } : {}),
        })
        .end();
    });
    // The session id in the Location is 128 random bits: whoever holds it is the one who opened the session.
    router.delete(
      `${base}/:showId/:sessionId`,
      guarded((req, res) => endSession(req, res, engine, room(req))),
    );
    router.patch(
      `${base}/:showId/:sessionId`,
      readOffer,
      guarded(async (req, res) => {
        if (base === WHEP_PATH && engine.acceptViewerAnswer) return acceptAnswer(req, res, engine, room(req));
        plain(res, 405, "Trickle ICE is not supported: the offer must carry its candidates.", { Allow: "DELETE" });
      }),
    );
  }
  return router;
}

/** Ending a show ends its broadcast: the domain's "status: ended" announcement reaches the engine too. */
export function endBroadcastsWithShows(app: ServerApi, engine: MediaEngine) {
  const inner = app.installedPublisher();
  app.installPublisher({
    publish(event) {
      inner?.publish(event);
      if (event.type === "status" && event.payload.status === "ended") {
        engine.endRoom(event.room).catch((error: unknown) => console.error("ending the broadcast failed:", error));
      }
    },
  });
}
