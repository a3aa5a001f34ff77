// Follow, reminders and sharing on a real database, a real server, the real pg-boss notice job and a stand-in push
// service on loopback that decrypts what it receives (RFC 8291, with http_ece) and checks the VAPID signature.
import { createECDH, createPublicKey, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transitionOne } from "~/domain/fulfilment/flow.server";
import { createShow, goLive } from "~/domain/live/shows.server";
import { noticeShowLive } from "~/domain/notices/notices.server";
import { db } from "~/lib/db.server";
import { startJobs, type RunningJobs } from "../../server/jobs";
import { Visitor } from "../helpers/http";
import { createPaidOrder, userByEmail, workshopBySlug } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";
import { newShopper, SHOPPER_PASSWORD } from "../helpers/shoppers";

type Received = { path: string; headers: IncomingHttpHeaders; body: Buffer };

let baseUrl: string;
let jobs: RunningJobs;
let pushService: Server;
let pushOrigin: string;
const received: Received[] = [];
// A path answering 410 stands for a browser that unsubscribed: the push service says the subscription is gone.
const GONE_PATH = "/push/gone";

beforeAll(async () => {
  const server = await startTestServer();
  baseUrl = server.url;
  jobs = await startJobs(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5 });
  pushService = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(request.url === GONE_PATH ? 410 : 201).end();
    });
  });
  await new Promise<void>((resolve) => pushService.listen(0, "127.0.0.1", resolve));
  pushOrigin = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await jobs.stop();
  await new Promise((resolve) => pushService.close(resolve));
});

async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function shopper(tag: string) {
  const email = await newShopper(tag);
  const visitor = await new Visitor(baseUrl).logIn(email, SHOPPER_PASSWORD);
  return { visitor, user: await userByEmail(email) };
}

/** A browser's push subscription: its P-256 key pair and auth secret, as the Push API makes them. */
function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { ecdh, p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };
}

/** Checks the VAPID header (RFC 8292) as a push service would and returns the JWT's claims. */
function verifyVapid(headers: IncomingHttpHeaders, endpointOrigin: string) {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(String(headers.authorization));
  expect(match).not.toBeNull();
  const [, jwt, k] = match!;
  const [head, claims, signature] = jwt.split(".");
  const point = Buffer.from(k, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const valid = verify(
    "sha256",
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  expect(valid).toBe(true);
  const payload = JSON.parse(Buffer.from(claims, "base64url").toString()) as { aud: string; exp: number; sub: string };
  expect(payload.aud).toBe(endpointOrigin);
  expect(payload.exp * 1000).toBeGreaterThan(Date.now());
  return { ...payload, publicKey: k };
}

async function scheduledTeaShow(title: string) {
  const host = await db.host.findFirstOrThrow({ where: { user: { email: "host.tea@cunbo.test" } } });
  const product = await db.product.findFirstOrThrow({
    where: { status: "active", workshop: { status: "approved" } },
  });
  const scheduledAt = new Date(Date.now() + 2 * 60 * 60_000);
  scheduledAt.setUTCSeconds(0, 0);
  const show = await createShow(host.id, {
    title,
    coverImage: null,
    scheduledAt,
    playback: null,
    productIds: [product.id],
  });
  return { showId: show.id, host, scheduledAt };
}

describe("follow and remind me", () => {
  it("a follow is once per shopper and host or workshop; unfollowing ends it; a guest is sent to log in first", async () => {
    const { visitor, user } = await shopper("follower");
    const host = await db.host.findFirstOrThrow({ where: { status: "approved" } });
    const workshop = await workshopBySlug("duzuo-rice-wine");
    for (let i = 0; i < 2; i++) {
      const answer = await visitor.post("/follows", { intent: "follow", hostId: host.id, redirectTo: "/shows/x" });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe("/shows/x");
    }
    expect(await db.follow.count({ where: { userId: user.id, hostId: host.id } })).toBe(1);
    const asData = await visitor.post("/follows", { intent: "follow", workshopId: workshop.id, answer: "data" });
    expect(await asData.json()).toMatchObject({ following: true, followers: expect.any(Number) });
    expect(await db.follow.count({ where: { userId: user.id, workshopId: workshop.id } })).toBe(1);

    await visitor.post("/follows", { intent: "unfollow", hostId: host.id });
    expect(await db.follow.count({ where: { userId: user.id, hostId: host.id } })).toBe(0);

    // Both targets at once, neither, an unknown host, a redirect off-site: refused or kept home, never a 500.
    expect(
      (await visitor.post("/follows", { intent: "follow", hostId: host.id, workshopId: workshop.id })).status,
    ).toBe(400);
    expect((await visitor.post("/follows", { intent: "follow" })).status).toBe(400);
    expect((await visitor.post("/follows", { intent: "follow", hostId: "no-such-host" })).status).toBe(404);
    const offSite = await visitor.post("/follows", { intent: "follow", hostId: host.id, redirectTo: "//evil.example" });
    expect(offSite.headers.get("Location")).toBe("/");

    const guest = await new Visitor(baseUrl).post("/follows", {
      intent: "follow",
      hostId: host.id,
      redirectTo: "/live/abc",
    });
    expect(guest.status).toBe(302);
    expect(guest.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/live/abc" })}`);
    // The database refuses a follow of both or neither, whatever the code above does.
    await expect(db.$executeRaw`INSERT INTO "Follow" (id, "userId") VALUES ('bad-follow', ${user.id})`).rejects.toThrow(
      /Follow_one_target/,
    );
  });

  it("a reminder is once per shopper and show, and only for a show still to come", async () => {
    const { visitor, user } = await shopper("reminder");
    const { showId } = await scheduledTeaShow("径山茶婆婆：明前茶预告");
    await visitor.post("/reminders", { intent: "remind", showId });
    await visitor.post("/reminders", { intent: "remind", showId });
    expect(await db.reminder.count({ where: { userId: user.id, showId } })).toBe(1);
    const live = await db.show.findFirstOrThrow({ where: { status: "live" } });
    const refused = await visitor.post("/reminders", { intent: "remind", showId: live.id, answer: "data" });
    const withoutScript = await visitor.post("/reminders", { intent: "remind", showId: live.id });
    expect(withoutScript.status).toBe(409);
    expect(await withoutScript.text()).toBe("这场直播已经开始或结束，不能再预约");
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toBe("这场直播已经开始或结束，不能再预约");
    expect((await visitor.post("/reminders", { intent: "remind", showId: "nope" })).status).toBe(404);
    await visitor.post("/reminders", { intent: "cancel", showId });
    expect(await db.reminder.count({ where: { userId: user.id, showId } })).toBe(0);
  });
});

describe("notices", () => {
  it("reminders reach followers when a show goes live: inbox, bell, Web Push (decrypted), and who came", async () => {
    const title = "钟埭村米酒开缸直播";
    const { showId, host } = await scheduledTeaShow(title);
    const reminded = await shopper("remindedviewer");
    const follower = await shopper("hostfollower");
    const both = await shopper("bothways");
    const bystander = await shopper("bystander");
    await reminded.visitor.post("/reminders", { intent: "remind", showId });
    await follower.visitor.post("/follows", { intent: "follow", hostId: host.id });
    await both.visitor.post("/follows", { intent: "follow", hostId: host.id });
    await both.visitor.post("/reminders", { intent: "remind", showId });

    // The reminded shopper's phone subscribed from the notices page (in English), the follower's in Chinese.
    const phone = browserKeys();
    const phoneEndpoint = `${pushOrigin}/push/reminded-phone`;
    await reminded.visitor.post("/set-locale", { locale: "en", redirectTo: "/notices" });
    const subscribed = await reminded.visitor.post("/notices/push", {
      intent: "subscribe",
      endpoint: phoneEndpoint,
      p256dh: phone.p256dh,
      auth: phone.auth,
    });
    expect(subscribed.status).toBe(200);
    const followerPhone = browserKeys();
    await follower.visitor.post("/notices/push", {
      intent: "subscribe",
      endpoint: `${pushOrigin}/push/follower-phone`,
      p256dh: followerPhone.p256dh,
      auth: followerPhone.auth,
    });

    const started = Date.now();
    await goLive(showId);
    // Told by the job, not by the host's request: nothing is written before the worker picks it up… then it is.
    const ours = [reminded, follower, both, bystander].map((one) => one.user.id);
    const notices = await until(async () => {
      const rows = await db.notice.findMany({
        where: { showId, userId: { in: ours } },
        select: { userId: true, kind: true },
      });
      return rows.length === 3 && rows;
    });
    expect(new Map(notices.map((n) => [n.userId, n.kind]))).toEqual(
      new Map([
        [reminded.user.id, "show_starting"],
        [follower.user.id, "host_live"],
        [both.user.id, "show_starting"],
      ]),
    );
    expect(await db.notice.count({ where: { userId: bystander.user.id } })).toBe(0);

    const pushes = await until(async () => {
      const mine = received.filter((r) => r.path.endsWith("-phone"));
      return mine.length >= 2 && mine;
    });
    const toPhone = pushes.find((p) => p.path === "/push/reminded-phone")!;
    expect(toPhone.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(toPhone.headers.ttl)).toBeGreaterThan(0);
    const vapid = verifyVapid(toPhone.headers, pushOrigin);
    expect(vapid.sub).toMatch(/^mailto:/);
    // The body is ciphertext: the show's title is nowhere in it until the phone's private key opens it.
    expect(toPhone.body.includes(Buffer.from(title))).toBe(false);
    const opened = JSON.parse(
      ece.decrypt(toPhone.body, { version: "aes128gcm", privateKey: phone.ecdh, authSecret: phone.auth }).toString(),
    );
    expect(opened).toMatchObject({
      title: "A show you asked to be reminded of has started",
      body: `${host.displayNameEn}: ${title}`,
      url: `/live/${showId}`,
    });
    const toFollower = pushes.find((p) => p.path === "/push/follower-phone")!;
    const followerOpened = JSON.parse(
      ece
        .decrypt(toFollower.body, {
          version: "aes128gcm",
          privateKey: followerPhone.ecdh,
          authSecret: followerPhone.auth,
        })
        .toString(),
    );
    expect(followerOpened.title).toBe(`${host.displayNameZh} 开播了`);
    expect(followerOpened.body).toContain(title);
    expect(Date.now() - started).toBeLessThan(20_000);

    // Going live twice cannot happen, and the job run again tells no one twice.
    const everyone = await db.notice.count({ where: { showId } });
    expect(await noticeShowLive(showId)).toEqual([]);
    expect(await db.notice.count({ where: { showId } })).toBe(everyone);

    // The bell shows one unread notice; the inbox lists it; opening it marks it read and leads to the room.
    const home = await (await reminded.visitor.get("/")).text();
    expect(home).toMatch(/data-testid="notice-count"[^>]*>1</);
    const inbox = await (await reminded.visitor.get("/notices")).text();
    expect(inbox).toContain(title);
    const notice = await db.notice.findFirstOrThrow({ where: { userId: reminded.user.id } });
    // Someone else cannot mark it read.
    await follower.visitor.post("/notices", { intent: "read", noticeId: notice.id, redirectTo: "/" });
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).readAt).toBeNull();
    const open = await reminded.visitor.post("/notices", {
      intent: "read",
      noticeId: notice.id,
      redirectTo: `/live/${showId}`,
    });
    expect(open.headers.get("Location")).toBe(`/live/${showId}`);
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).readAt).not.toBeNull();
    expect(await (await reminded.visitor.get("/")).text()).not.toContain('data-testid="notice-count"');

    // The reminded shopper comes to the room; the other reminded one does not: the host sees 2 reminders, 1 came.
    const room = await reminded.visitor.get(`/live/${showId}`);
    expect(room.status).toBe(200);
    await room.arrayBuffer();
    await reminded.visitor.get(`/live/${showId}`);
    const hostVisitor = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
    const dashboard = await (await hostVisitor.get("/host/dashboard")).text();
    const audience = /data-testid="host-audience"(.*?)<\/dl>/s.exec(dashboard)![1];
    const figures = [...audience.matchAll(/<dd[^>]*>(\d+)<\/dd>/g)].map((m) => Number(m[1]));
    const followers = await db.follow.count({ where: { hostId: host.id } });
    const reminders = await db.reminder.count({ where: { show: { hostId: host.id } } });
    expect(figures).toEqual([followers, reminders, 1]);
    expect(await db.reminder.count({ where: { showId, cameAt: { not: null } } })).toBe(1);
  });

  it("a buyer is told when their parcel ships, once, with courier and tracking number", async () => {
    const { user } = await shopper("buyer");
    const order = await createPaidOrder({ workshopSlug: "berry-good-market", buyerEmail: user.email });
    const berry = await workshopBySlug("berry-good-market");
    const staffId = (await userByEmail("staff.berry@cunbo.test")).id;
    const base = { workshopId: berry.id, actorUserId: staffId, id: order.fulfilmentOrderId };
    await transitionOne({ ...base, action: "accept" });
    await transitionOne({ ...base, action: "pack" });
    expect(await db.notice.count({ where: { userId: user.id } })).toBe(0);
    await transitionOne({ ...base, action: "ship", ship: { courier: "sf", trackingNumber: "SF123456789012" } });
    const notice = await until(() =>
      db.notice.findFirst({
        where: { userId: user.id, kind: "order_shipped", fulfilmentOrderId: order.fulfilmentOrderId },
      }),
    );
    expect(notice.subjectId).toBe(order.fulfilmentOrderId);
    const visitor = await new Visitor(baseUrl).logIn(user.email, SHOPPER_PASSWORD);
    const inbox = await (await visitor.get("/notices")).text();
    expect(inbox).toContain(`订单 ${order.number} 已发货`);
    expect(inbox).toContain("SF123456789012");
  });

  it("refuses push endpoints off the known push services, and forgets one the push service says is gone", async () => {
    const { visitor, user } = await shopper("pushy");
    const keys = browserKeys();
    for (const endpoint of ["https://169.254.169.254/latest", "http://10.0.0.1/push", "file:///etc/passwd", "nope"]) {
      const answer = await visitor.post("/notices/push", {
        intent: "subscribe",
        endpoint,
        p256dh: keys.p256dh,
        auth: keys.auth,
      });
      expect(answer.status, endpoint).toBe(400);
    }
    expect(
      (
        await visitor.post("/notices/push", {
          intent: "subscribe",
          endpoint: `${pushOrigin}/x`,
          p256dh: "short",
          auth: keys.auth,
        })
      ).status,
    ).toBe(400);
    await visitor.post("/notices/push", {
      intent: "subscribe",
      endpoint: `${pushOrigin}${GONE_PATH}`,
      p256dh: keys.p256dh,
      auth: keys.auth,
    });
    expect(await db.pushSubscription.count({ where: { userId: user.id } })).toBe(1);
    const { showId, host } = await scheduledTeaShow("伞厂直播：共富价雨伞");
    await visitor.post("/follows", { intent: "follow", hostId: host.id });
    await goLive(showId);
    await until(async () => (await db.pushSubscription.count({ where: { userId: user.id } })) === 0);
    expect(await db.notice.count({ where: { userId: user.id, showId } })).toBe(1);
  });
});

describe("sharing", () => {
  it("a show's calendar file is one RFC 5545 event at the show's time, with a reminder and the room's link", async () => {
    const { showId, scheduledAt } = await scheduledTeaShow("鱼鹰团粽子专场");
    const answer = await new Visitor(baseUrl).get(`/shows/${showId}/calendar`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(answer.headers.get("Content-Disposition")).toContain(".ics");
    const ics = (await answer.text()).replace(/\r\n[ \t]/g, "");
    const stamp = scheduledAt
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`DTSTART:${stamp}`);
    expect(ics).toContain("SUMMARY:鱼鹰团粽子专场");
    expect(ics).toContain(`URL:${baseUrl}/live/${showId}`);
    expect(ics).toContain("BEGIN:VALARM");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect((await new Visitor(baseUrl).get("/shows/no-such-show/calendar")).status).toBe(404);
  });

  it("show and product posters are PNGs, and their pages carry Open Graph tags pointing at them", async () => {
    const { showId } = await scheduledTeaShow("建德草莓冷链直发");
    const product = await db.product.findFirstOrThrow({
      where: { status: "active", workshop: { status: "approved" } },
    });
    for (const path of [`/shows/${showId}/poster`, `/products/${product.slug}/poster`]) {
      const answer = await new Visitor(baseUrl).get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get("Content-Type")).toBe("image/png");
      const png = Buffer.from(await answer.arrayBuffer());
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([750, 1200]);
    }
    expect((await new Visitor(baseUrl).get("/products/no-such-product/poster")).status).toBe(404);
    const page = await (await new Visitor(baseUrl).get(`/shows/${showId}`)).text();
    expect(page).toContain(`property="og:image" content="${baseUrl}/shows/${showId}/poster"`);
    expect(page).toContain('property="og:title" content="建德草莓冷链直发"');
    const productPage = await (await new Visitor(baseUrl).get(`/products/${product.slug}`)).text();
    expect(productPage).toContain(`property="og:image" content="${baseUrl}/products/${product.slug}/poster"`);
    expect(productPage).toContain('property="og:type" content="product"');
  });
});
