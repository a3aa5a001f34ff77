// WHIP and WHEP against the real server, one media engine's relay and werift peers in this process: who may
// publish and watch, what a session's Location does, and RTP from a publisher reaching a viewer through the
// engine. tests/integration/whip-whep*.test.ts run these against each engine (one server per file).
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { issueStreamKey, revokeStreamKey } from "~/domain/live/stream-keys.server";
import type { RunningServer } from "../../server/index.ts";
import { Visitor } from "./http";
import { startTestServer } from "./server";
import { answeringViewer, nodePublisher, nodeViewer, type PeerNetwork } from "./webrtc-peer";

export type EngineName = "embedded" | "janus";

/** Fails loudly (never skips) when the engine needs software that is missing; CI installs it (npm test's pretest). */
export function requireEngine(engine: EngineName) {
  if (engine !== "janus") return;
  try {
    execFileSync("sh", ["-c", "command -v janus"], { stdio: "ignore" });
  } catch {
    throw new Error(
      "Janus is not installed, so the `janus` media engine cannot be tested: apt-get install -y janus " +
        "(npm test's pretest, tests/helpers/ensure-janus.sh, does it where it may).",
    );
  }
}

/** What differs between the engines, as the tests see it. */
const PROFILES: Record<EngineName, { network: PeerNetwork; answer: RegExp[] }> = {
  // werift: bitrate hints (it sends no bandwidth feedback) and only the configured 127.0.0.1 candidate.
  embedded: { network: "loopback", answer: [/a=fmtp:\d+ .*x-google-start-bitrate=1200/, / 127\.0\.0\.1 /] },
  // Janus: REMB feedback instead of hints, and candidates of the machine's interfaces (never loopback).
  janus: { network: "host", answer: [/a=rtcp-fb:\d+ goog-remb/, /a=candidate:.* typ host/] },
};

export function whipWhepBehaviours(engine: EngineName) {
  process.env.MEDIA_ICE_ADDRESS = "127.0.0.1";
  process.env.MEDIA_ICE_SERVERS = '[{"urls":"stun:stun.cunbo.test:3478"}]';
  // Recording is proven in broadcast-recording.test.ts; these made-up VP8 frames would only start ffmpegs.
  process.env.RECORDING = "off";
  const profile = PROFILES[engine];

  let server: RunningServer;
  let baseUrl: string;
  const peers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    requireEngine(engine);
    server = await startTestServer({ mediaEngine: engine });
    baseUrl = server.url;
  });

  afterAll(async () => {
    await Promise.all(peers.map((peer) => peer.close()));
  });

  async function newShow(status: "scheduled" | "live" | "ended" = "live") {
    const host = await db.host.findFirstOrThrow({ where: { user: { email: "host.tea@cunbo.test" } } });
    return db.show.create({
      data: { hostId: host.id, title: "直播测试", scheduledAt: new Date(), status, startedAt: new Date() },
      select: { id: true },
    });
  }

  function offerTo(path: string, offer: string, headers: Record<string, string> = {}, visitor?: Visitor) {
    const init = { method: "POST", body: offer, headers: { "Content-Type": "application/sdp", ...headers } };
    return visitor ? visitor.request(path, init) : fetch(new URL(path, baseUrl), init);
  }

  /** A Node publisher connected to the show over WHIP, as `visitor` or with `key`. */
  async function publish(showId: string, auth: { visitor?: Visitor; key?: string }) {
    const publisher = await nodePublisher(profile.network);
    peers.push(publisher);
    const headers: Record<string, string> = auth.key ? { Authorization: `Bearer ${auth.key}` } : {};
    const response = await offerTo(`/whip/${showId}`, publisher.offer, headers, auth.visitor);
    return { publisher, response };
  }

  /**
   * A Node viewer watching over WHEP in the mode GET /whep/<show> names: it offers (embedded), or it POSTs an empty
   * body, answers the engine's offer and PATCHes the answer to the Location (Janus: "server offers").
   * `ready` resolves once the viewer's side is negotiated (answer applied or PATCH accepted).
   */
  async function watch(showId: string) {
    const mode = (await (await fetch(new URL(`/whep/${showId}`, baseUrl))).json()) as { serverOffers?: boolean };
    expect(mode.serverOffers).toBe(engine === "janus");
    if (!mode.serverOffers) {
      const viewer = await nodeViewer(profile.network);
      peers.push(viewer);
      const response = await offerTo(`/whep/${showId}`, viewer.offer);
      const ready = async () => viewer.accept(await response.text());
      return { viewer, response, ready };
    }
    const viewer = answeringViewer(profile.network);
    peers.push(viewer);
    const response = await fetch(new URL(`/whep/${showId}`, baseUrl), { method: "POST" });
    const ready = async () => {
      const patched = await fetch(new URL(response.headers.get("location")!, baseUrl), {
        method: "PATCH",
        headers: { "Content-Type": "application/sdp" },
        body: await viewer.answer(await response.text()),
      });
      expect(patched.status).toBe(204);
    };
    return { viewer, response, ready };
  }

  const room = (showId: string) => `show:${showId}`;

  describe("who may publish (WHIP)", () => {
    it("refuses a publisher with no session and no key, and creates nothing", async () => {
      const show = await newShow();
      const { response } = await publish(show.id, {});
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await server.media.roomState(room(show.id))).toMatchObject({ publishing: false });
    });

    it("refuses a signed-in shopper, another host, and a made-up key", async () => {
      const show = await newShow();
      const shopper = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
      const otherHost = await new Visitor(baseUrl).logIn("host.berry@cunbo.test");
      expect((await publish(show.id, { visitor: shopper })).response.status).toBe(403);
      expect((await publish(show.id, { visitor: otherHost })).response.status).toBe(403);
      expect((await publish(show.id, { key: "cbk_not-a-real-key" })).response.status).toBe(401);
      expect(await server.media.roomState(room(show.id))).toMatchObject({ publishing: false });
    });

    it("a key works for its own show only, and stops working once revoked or replaced", async () => {
      const show = await newShow();
      const other = await newShow();
      const key = await issueStreamKey(show.id);
      expect((await publish(other.id, { key })).response.status).toBe(401);
      const first = await publish(show.id, { key });
      expect(first.response.status).toBe(201);

      const replacement = await issueStreamKey(show.id);
      expect((await publish(show.id, { key })).response.status).toBe(401);
      expect((await publish(show.id, { key: replacement })).response.status).toBe(201);
      await revokeStreamKey(show.id);
      expect((await publish(show.id, { key: replacement })).response.status).toBe(401);
      const stored = await db.streamKey.findMany({ where: { showId: show.id } });
      expect(stored).toHaveLength(2);
      expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.keyHash) && row.revokedAt)).toBe(true);
    });

    it("the same host publishing again replaces the first session; an admin may not take over", async () => {
      const show = await newShow();
      const host = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
      const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
      const first = await publish(show.id, { visitor: host });
      expect(first.response.status).toBe(201);
      const firstLocation = first.response.headers.get("location")!;

      // The host's encoder (the show's key) counts as the same host.
      const key = await issueStreamKey(show.id);
      const second = await publish(show.id, { key });
      expect(second.response.status).toBe(201);
      expect(second.response.headers.get("location")).not.toBe(firstLocation);
      expect((await fetch(new URL(firstLocation, baseUrl), { method: "DELETE" })).status).toBe(404);

      const takeover = await publish(show.id, { visitor: admin });
      expect(takeover.response.status).toBe(409);
      expect(await server.media.roomState(room(show.id))).toMatchObject({ publishing: true });
    });

    it("answers with SDP carrying bitrate hints, a Location, and the configured ICE servers", async () => {
      const show = await newShow();
      const host = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
      const { response } = await publish(show.id, { visitor: host });
      expect(response.status).toBe(201);
      expect(response.headers.get("content-type")).toMatch(/^application\/sdp/);
      expect(response.headers.get("location")).toMatch(new RegExp(`^/whip/${show.id}/[0-9a-f]{32}$`));
      expect(response.headers.get("link")).toBe('<stun:stun.cunbo.test:3478>; rel="ice-server"');
      const answer = await response.text();
      for (const pattern of profile.answer) expect(answer).toMatch(pattern);
    });
  });

  describe("the host's stream key page", () => {
    it("shows the WHIP URL, issues a key once that publishes, and revokes it; other hosts are kept out", async () => {
      const show = await newShow("scheduled");
      const host = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
      const page = await host.get(`/host/shows/${show.id}/stream-key`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`${baseUrl}/whip/${show.id}`);
      const otherHost = await new Visitor(baseUrl).logIn("host.berry@cunbo.test");
      expect((await otherHost.get(`/host/shows/${show.id}/stream-key`)).status).toBe(403);
      expect((await otherHost.post(`/host/shows/${show.id}/stream-key`, { intent: "issue" })).status).toBe(403);

      const issued = await host.post(`/host/shows/${show.id}/stream-key`, { intent: "issue" });
      expect(issued.status).toBe(200);
      const key = /cbk_[A-Za-z0-9_-]{43}/.exec(await issued.text())?.[0];
      expect(key).toBeDefined();
      // Shown once: the page never shows it again.
      expect(await (await host.get(`/host/shows/${show.id}/stream-key`)).text()).not.toContain(key!);
      expect((await publish(show.id, { key })).response.status).toBe(201);

      expect((await host.post(`/host/shows/${show.id}/stream-key`, { intent: "revoke" })).status).toBe(200);
      expect((await publish(show.id, { key })).response.status).toBe(401);
      expect((await host.post(`/host/shows/${show.id}/stream-key`, { intent: "steal" })).status).toBe(400);
    });
  });

  describe("what a bad request gets (never a 5xx)", () => {
    it("a wrong content type, an empty, oversized or non-SDP body, an unknown or ended show", async () => {
      const show = await newShow();
      const host = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
      const ended = await newShow("ended");
      const post = (path: string, body: string, type = "application/sdp") =>
        host.request(path, { method: "POST", body, headers: { "Content-Type": type } });
      const answers = {
        json: await post(`/whip/${show.id}`, '{"sdp":"v=0"}', "application/json"),
        empty: await post(`/whip/${show.id}`, ""),
        oversized: await post(`/whip/${show.id}`, `v=0\r\n${"a=x\r\n".repeat(40_000)}`),
        garbage: await post(`/whip/${show.id}`, "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=\u0000\r\n"),
        notSdp: await post(`/whip/${show.id}`, "hello"),
        unknownShow: await post("/whip/no-such-show", "v=0"),
        nulShow: await post("/whip/%00", "v=0"),
        endedShow: await post(`/whip/${ended.id}`, "v=0"),
        watchGarbage: await post(`/whep/${show.id}`, "hello"),
        watchNothing: await post(`/whep/${show.id}`, (await nodeViewer().then((v) => (peers.push(v), v))).offer),
        watchNothingEmpty: await host.request(`/whep/${show.id}`, { method: "POST" }),
        watchEnded: await post(`/whep/${ended.id}`, "v=0"),
        patch: await host.request(`/whip/${show.id}/abc`, { method: "PATCH", body: "a=candidate" }),
        patchViewerTrickle: await host.request(`/whep/${show.id}/abc`, {
          method: "PATCH",
          body: "a=candidate:1 1 udp 1 127.0.0.1 9 typ host",
          headers: { "Content-Type": "application/trickle-ice-sdpfrag" },
        }),
        patchViewerAnswer: await host.request(`/whep/${show.id}/abc`, {
          method: "PATCH",
          body: "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n",
          headers: { "Content-Type": "application/sdp" },
        }),
        patchViewerGarbage: await host.request(`/whep/${show.id}/abc`, {
          method: "PATCH",
          body: "hello",
          headers: { "Content-Type": "application/sdp" },
        }),
        deleteUnknown: await host.request(`/whep/${show.id}/abc`, { method: "DELETE" }),
      };
      const statuses = Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, answer.status]));
      expect(statuses).toEqual({
        json: 415,
        empty: 400,
        oversized: 413,
        garbage: 400,
        notSdp: 400,
        unknownShow: 404,
        nulShow: 400,
        endedShow: 409,
        watchGarbage: 400,
        watchNothing: 409,
        // An empty POST asks an engine that offers to viewers for its offer; the embedded engine takes offers only.
        watchNothingEmpty: engine === "janus" ? 409 : 415,
        watchEnded: 409,
        patch: 405,
        patchViewerTrickle: 405,
        patchViewerAnswer: engine === "janus" ? 404 : 405,
        patchViewerGarbage: engine === "janus" ? 400 : 405,
        deleteUnknown: 404,
      });
      expect((await fetch(new URL("/healthz", baseUrl))).status).toBe(200);
    });
  });

  describe("the broadcast", () => {
    it("RTP from a publisher reaches a viewer through the relay, and a viewer's arrival asks for a keyframe", async () => {
      const show = await newShow();
      const host = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
      const { publisher, response } = await publish(show.id, { visitor: host });
      await publisher.accept(await response.text());
      await publisher.connected();
      const sending = publisher.sendFrames(45);

      // Anyone may watch, signed in or not.
      const { viewer, response: watched, ready } = await watch(show.id);
      expect(watched.status).toBe(201);
      expect(watched.headers.get("location")).toMatch(new RegExp(`^/whep/${show.id}/[0-9a-f]{32}$`));
      await ready();
      await viewer.connected();
      await sending;
      expect(viewer.packets()).toBeGreaterThan(10);
      expect(viewer.codec()).toBe("video/VP8");
      expect(publisher.keyframeRequests()).toBeGreaterThanOrEqual(1);
      expect(await server.media.roomState(room(show.id))).toEqual({ publishing: true, viewers: 1, codec: "video/VP8" });

      // Leaving: the viewer's DELETE ends its session, once.
      const location = watched.headers.get("location")!;
      expect((await fetch(new URL(location, baseUrl), { method: "DELETE" })).status).toBe(200);
      expect((await fetch(new URL(location, baseUrl), { method: "DELETE" })).status).toBe(404);
      expect(await server.media.roomState(room(show.id))).toMatchObject({ publishing: true, viewers: 0 });

      // The publisher's DELETE ends the broadcast: nobody new can watch.
      expect((await fetch(new URL(response.headers.get("location")!, baseUrl), { method: "DELETE" })).status).toBe(200);
      expect(await server.media.roomState(room(show.id))).toMatchObject({ publishing: false });
      expect((await watch(show.id)).response.status).toBe(409);
    });

    it("ending the show ends the broadcast for publisher and viewers", async () => {
      const show = await newShow();
      const host = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
      const { publisher, response } = await publish(show.id, { visitor: host });
      await publisher.accept(await response.text());
      await publisher.connected();
      void publisher.sendFrames(15);
      const { viewer, ready } = await watch(show.id);
      await ready();
      await viewer.connected();
      expect(await server.media.roomState(room(show.id))).toMatchObject({ publishing: true, viewers: 1 });

      const ended = await host.post(`/host/shows/${show.id}`, { intent: "end" });
      expect(ended.status).toBeLessThan(400);
      await expect
        .poll(() => server.media.roomState(room(show.id)))
        .toEqual({ publishing: false, viewers: 0, codec: null });
      expect((await fetch(new URL(response.headers.get("location")!, baseUrl), { method: "DELETE" })).status).toBe(404);
      expect((await publish(show.id, { visitor: host })).response.status).toBe(409);
    });
  });
}
