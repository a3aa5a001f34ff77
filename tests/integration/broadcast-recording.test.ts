// A broadcast is recorded as it came and cut to HLS while it runs: real H.264 (ffmpeg's test picture) published over
// WHIP from a werift peer, copied by the embedded relay to the recorder's ffmpeg; the replay file is served with
// range requests, pins are stamped against its clock, and the room hears the broadcast start and stop.
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { replayMoments } from "~/domain/live/pins.server";
import { replaysThatSold } from "~/domain/live/recordings.server";
import type { RunningServer } from "../../server/index.ts";
import { Visitor } from "../helpers/http";
import { createPaidOrder, workshopBySlug } from "../helpers/paid-order-fixture";
import { joinShow } from "../helpers/live-socket";
import { startTestServer } from "../helpers/server";
import { startCoturn, type Coturn } from "../helpers/coturn";
import { nodeH264Publisher, nodePublisher, nodeViewer, type Peer } from "../helpers/webrtc-peer";

process.env.MEDIA_ICE_ADDRESS = "127.0.0.1";
const RECORDINGS = mkdtempSync(path.join(os.tmpdir(), "cunbo-recordings-"));
process.env.RECORDINGS_DIR = RECORDINGS;

const TURN_SECRET = "turn-secret-for-tests-only";

let server: RunningServer;
let baseUrl: string;
let coturn: Coturn;
const peers: Peer[] = [];

beforeAll(async () => {
  coturn = await startCoturn(TURN_SECRET);
  process.env.TURN_URLS = coturn.url;
  process.env.TURN_SECRET = TURN_SECRET;
  server = await startTestServer();
  baseUrl = server.url;
});

afterAll(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
  await coturn?.stop();
});

async function liveShow() {
  const tea = await db.show.findFirstOrThrow({
    where: { status: "live", host: { user: { email: "host.tea@cunbo.test" } } },
    select: { hostId: true, items: { take: 1, select: { productId: true } } },
  });
  const show = await db.show.create({
    data: {
      hostId: tea.hostId,
      title: "录像测试",
      scheduledAt: new Date(),
      status: "live",
      startedAt: new Date(),
      items: { create: [{ productId: tea.items[0].productId, position: 0 }] },
    },
    select: { id: true },
  });
  return { showId: show.id, productId: tea.items[0].productId };
}

async function publishPicture(showId: string, host: Visitor) {
  const publisher = await nodeH264Publisher();
  peers.push(publisher);
  const response = await host.request(`/whip/${showId}`, {
    method: "POST",
    body: publisher.offer,
    headers: { "Content-Type": "application/sdp" },
  });
  expect(response.status).toBe(201);
  await publisher.accept(await response.text());
  await publisher.connected();
  await publisher.startPicture();
  return { publisher, location: response.headers.get("location")! };
}

const probe = (file: string) =>
  JSON.parse(
    spawnSync("ffprobe", ["-v", "error", "-show_entries", "stream=codec_name:format=duration", "-of", "json", file], {
      encoding: "utf8",
    }).stdout,
  ) as { streams: { codec_name: string }[]; format: { duration: string } };

describe("recording a broadcast", () => {
  it("records H.264 untranscoded, cuts HLS while live, and the ended show's replay is served with ranges", async () => {
    const { showId, productId } = await liveShow();
    const host = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
    const room = await joinShow(baseUrl, showId);
    const started = room.next<{ live: boolean }>("broadcast", (p) => p.live, 15_000);
    const { location } = await publishPicture(showId, host);
    await started;

    // The HLS fallback's playlist appears once ffmpeg has cut its first segments.
    await expect
      .poll(async () => (await fetch(new URL(`/hls/${showId}/index.m3u8`, baseUrl))).status, { timeout: 15_000 })
      .toBe(200);
    const playlist = await (await fetch(new URL(`/hls/${showId}/index.m3u8`, baseUrl))).text();
    expect(playlist).toMatch(/#EXTM3U[\s\S]*\.ts/);
    const recording = await db.recording.findFirstOrThrow({ where: { showId } });
    expect(recording.status).toBe("recording");

    // A pin is stamped against the recording's clock.
    expect((await host.post(`/host/shows/${showId}`, { intent: "pin", productId })).status).toBeLessThan(400);
    const pin = await db.pin.findFirstOrThrow({ where: { showId } });
    expect(pin.recordingId).toBe(recording.id);
    expect(pin.recordingOffsetMs).toBeGreaterThan(1_000);

    // The publisher leaving stops the broadcast and finishes the recording; ending the show keeps it as the replay.
    const stopped = room.next<{ live: boolean }>("broadcast", (p) => !p.live, 10_000);
    expect((await fetch(new URL(location, baseUrl), { method: "DELETE" })).status).toBe(200);
    await stopped;
    expect((await host.post(`/host/shows/${showId}`, { intent: "end" })).status).toBeLessThan(400);
    await expect
      .poll(() => db.recording.findUniqueOrThrow({ where: { id: recording.id } }).then((r) => r.status), {
        timeout: 15_000,
      })
      .toBe("ready");
    // The recording's clock moved to its first frame, and the pin with it: still inside the file.
    const done = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
    const stamped = await db.pin.findUniqueOrThrow({ where: { id: pin.id } });
    expect(done.startedAt.getTime()).toBeGreaterThanOrEqual(recording.startedAt.getTime());
    expect(stamped.recordingOffsetMs).toBe(pin.pinnedAt.getTime() - done.startedAt.getTime());
    expect(done.durationMs).toBeGreaterThan(stamped.recordingOffsetMs!);
    expect(Number(done.bytes)).toBeGreaterThan(10_000);
    expect((await fetch(new URL(`/hls/${showId}/index.m3u8`, baseUrl))).status).toBe(404);

    // Copied as sent: H.264 video (the publisher's own), the file's length that of the broadcast.
    const info = probe(path.join(RECORDINGS, done.file));
    expect(info.streams.map((stream) => stream.codec_name)).toEqual(["h264"]);
    expect(Number(info.format.duration) * 1000).toBeCloseTo(done.durationMs!, -2);

    const url = `/recordings/${done.file}`;
    const whole = await fetch(new URL(url, baseUrl));
    expect(whole.status).toBe(200);
    const ranged = await fetch(new URL(url, baseUrl), { headers: { Range: "bytes=100-199" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toMatch(/^bytes 100-199\//);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);

    const state = await server.app.getLiveState(showId);
    expect(state?.recordingUrl).toBe(url);
    const moments = await replayMoments(showId, null);
    expect(moments).toEqual([
      expect.objectContaining({ recordingUrl: url, offsetSeconds: Math.round(stamped.recordingOffsetMs! / 1000) }),
    ]);
    room.close();
  }, 60_000);

  it("a workshop's studio lists the replays of shows that sold its goods, and only those", async () => {
    const recording = await db.recording.findFirstOrThrow({ where: { status: "ready" }, select: { showId: true } });
    await createPaidOrder({ workshopSlug: "nanyang-umbrella", lines: [{ showId: recording.showId }] });
    const umbrella = await workshopBySlug("nanyang-umbrella");
    const berry = await workshopBySlug("berry-good-market");
    expect((await replaysThatSold(umbrella.id)).map((replay) => replay.showId)).toContain(recording.showId);
    expect((await replaysThatSold(berry.id)).map((replay) => replay.showId)).not.toContain(recording.showId);
  });
});

/** The TURN server of a Link header (RFC 9725), with its credentials. */
function turnOf(link: string) {
  const match = /<(turn:[^>]+)>; rel="ice-server"; username="([^"]+)"; credential="([^"]+)"/.exec(link);
  if (!match) throw new Error(`no TURN server in ${link}`);
  return { urls: match[1], username: match[2], credential: match[3] };
}

describe("TURN for networks that block direct paths", () => {
  it("mints short-lived credentials per session by the TURN REST API scheme", async () => {
    const show = await liveShow();
    const [first, second] = await Promise.all(
      [1, 2].map(() => fetch(new URL(`/whep/${show.showId}`, baseUrl), { method: "OPTIONS" })),
    );
    expect(first.status).toBe(204);
    const a = turnOf(first.headers.get("link")!);
    const b = turnOf(second.headers.get("link")!);
    expect(a.urls).toBe(coturn.url);
    expect(a.username).not.toBe(b.username);
    const [expiry] = a.username.split(":");
    expect(Number(expiry) - Date.now() / 1000).toBeGreaterThan(3_600);
    expect(Number(expiry) - Date.now() / 1000).toBeLessThanOrEqual(4 * 3_600);
    expect(a.credential).toBe(createHmac("sha1", TURN_SECRET).update(a.username).digest("base64"));
  });

  it("a publisher and a viewer allowed only relayed paths still connect, through coturn", async () => {
    const { showId } = await liveShow();
    const host = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
    const relayOnly = async (path: string) => ({
      iceServers: [turnOf((await fetch(new URL(path, baseUrl), { method: "OPTIONS" })).headers.get("link")!)],
      iceTransportPolicy: "relay" as const,
    });
    const publisher = await nodePublisher(await relayOnly(`/whip/${showId}`));
    peers.push(publisher);
    expect(publisher.offer).toContain("typ relay");
    expect(publisher.offer).not.toContain("typ host");
    const published = await host.request(`/whip/${showId}`, {
      method: "POST",
      body: publisher.offer,
      headers: { "Content-Type": "application/sdp" },
    });
    expect(published.status).toBe(201);
    await publisher.accept(await published.text());
    await publisher.connected();
    const sending = publisher.sendFrames(45);

    const viewer = await nodeViewer(await relayOnly(`/whep/${showId}`));
    peers.push(viewer);
    expect(viewer.offer).not.toContain("typ host");
    const watched = await fetch(new URL(`/whep/${showId}`, baseUrl), {
      method: "POST",
      body: viewer.offer,
      headers: { "Content-Type": "application/sdp" },
    });
    expect(watched.status).toBe(201);
    await viewer.accept(await watched.text());
    await viewer.connected();
    await sending;
    expect(viewer.packets()).toBeGreaterThan(10);
  }, 30_000);
});
