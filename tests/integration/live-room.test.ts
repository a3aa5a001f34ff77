import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import type { ChatLine, DealView, LiveState, PinView } from "~/domain/live/live-state";
import { Visitor } from "../helpers/http";
import { connect, joinShow, sleep } from "../helpers/live-socket";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let showId: string;
let host: Visitor;

async function product(slug: string) {
  return db.product.findUniqueOrThrow({ where: { slug }, include: { variants: { orderBy: { position: "asc" } } } });
}

function hostAction(visitor: Visitor, fields: Record<string, string>) {
  return visitor.post(`/host/shows/${showId}`, fields);
}

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  const show = await db.show.findFirstOrThrow({
    where: { status: "live", host: { user: { email: "host.tea@cunbo.test" } } },
  });
  showId = show.id;
  host = await new Visitor(baseUrl).logIn("host.tea@cunbo.test");
});

describe("live room", () => {
  it("a pin reaches every viewer with the full card: price, premium, stock and variants", async () => {
    const viewers = await Promise.all([1, 2, 3].map(() => joinShow(baseUrl, showId)));
    const previous = viewers[0].state.pin?.pinId;
    const qingming = await product("jingshan-tea-qingming");
    const arrivals = viewers.map((v) => v.next<PinView>("pin", (pin) => pin.card.productId === qingming.id));

    const response = await hostAction(host, { intent: "pin", productId: qingming.id });
    expect(response.status).toBe(200);

    for (const pin of await Promise.all(arrivals)) {
      expect(pin.card.titleZh).toBe(qingming.titleZh);
      expect(pin.card.image).toBe(qingming.images[0]);
      expect(pin.card.premiumRateBp).toBeGreaterThan(0);
      expect(pin.card.variants.map((v) => [v.id, v.priceFen, v.stock, v.marketPriceFen])).toEqual(
        qingming.variants.map((v) => [v.id, v.priceFen, v.stock, v.marketPriceFen]),
      );
    }
    // It replaced the previous pin with one event (no separate unpin); the database holds one active pin.
    expect(previous).toBeTruthy();
    expect(viewers[0].received.filter((e) => e.type === "unpin")).toEqual([]);
    expect(viewers[0].received.filter((e) => e.type === "pin")).toHaveLength(1);
    expect(await db.pin.count({ where: { showId, unpinnedAt: null } })).toBe(1);
  });

  it("a viewer joining mid-show gets the current pin and the running deal in one state event", async () => {
    const cakes = await product("osprey-tea-cakes");
    const variant = cakes.variants[0];
    expect((await hostAction(host, { intent: "pin", productId: cakes.id })).status).toBe(200);
    const deal = await hostAction(host, {
      intent: "deal",
      variantId: variant.id,
      price: String(variant.priceFen - 500),
      quantityCap: "10",
      durationSeconds: "120",
    });
    expect(deal.status).toBe(200);

    const late = await joinShow(baseUrl, showId);
    expect(late.state.status).toBe("live");
    expect(late.state.pin?.card.productId).toBe(cakes.id);
    expect(late.state.deal).toMatchObject({
      variantId: variant.id,
      priceFen: variant.priceFen - 500,
      quantityCap: 10,
      remaining: 10,
    });
    const endsIn = Date.parse(late.state.deal!.endsAt) - Date.now();
    expect(endsIn).toBeGreaterThan(100_000);
    expect(endsIn).toBeLessThanOrEqual(120_000);
    expect(late.state.lineUp.length).toBe(7);
    expect(late.state.chat.length).toBeGreaterThan(0);

    // The host's early stop ends it for everyone.
    const ended = late.next<{ id: string; reason: string }>("deal:end");
    expect((await hostAction(host, { intent: "stop-deal", dealId: late.state.deal!.id })).status).toBe(200);
    expect(await ended).toEqual({ id: late.state.deal!.id, reason: "stopped" });
  });

  it("refuses a pin from anyone but the show's host: 403, and no event reaches viewers", async () => {
    const viewer = await joinShow(baseUrl, showId);
    const loquat = await product("osprey-loquat-leaf-tea");
    const shopper = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
    const otherHost = await new Visitor(baseUrl).logIn("host.berry@cunbo.test");

    expect((await hostAction(shopper, { intent: "pin", productId: loquat.id })).status).toBe(403);
    expect((await hostAction(otherHost, { intent: "pin", productId: loquat.id })).status).toBe(403);
    const anonymous = await hostAction(new Visitor(baseUrl), { intent: "pin", productId: loquat.id });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);

    // The host's own announcement to the room is the barrier: a refused pin that leaked would have come first.
    const earlier = viewer.before("chat:slow");
    expect((await hostAction(host, { intent: "slow-mode", seconds: "0" })).status).toBe(200);
    expect((await earlier).filter((e) => e.type === "pin" || e.type === "unpin")).toEqual([]);
    expect(viewer.received.filter((e) => e.type === "pin" || e.type === "unpin")).toEqual([]);
    expect(await db.pin.count({ where: { showId, productId: loquat.id } })).toBe(0);
  });

  it("an admin may run any show", async () => {
    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    const viewer = await joinShow(baseUrl, showId);
    const unpinned = viewer.next("unpin");
    expect((await hostAction(admin, { intent: "unpin" })).status).toBe(200);
    await unpinned;
  });

  it("a pin for a product outside the line-up is refused with a reason", async () => {
    const umbrella = await product("nanyang-folding-umbrella");
    const response = await hostAction(host, { intent: "pin", productId: umbrella.id });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("这件商品不在本场清单里");
  });

  it("counts viewers and tells the room, once a second rather than once per join", async () => {
    const first = await joinShow(baseUrl, showId);
    const others = await Promise.all([1, 2, 3, 4].map(() => joinShow(baseUrl, showId)));
    const count = await first.next<{ count: number }>("viewers", (v) => v.count >= 5, 3000);
    expect(count.count).toBeGreaterThanOrEqual(5);
    const before = first.received.filter((e) => e.type === "viewers").length;
    for (const other of others) other.close();
    const after = await first.next<{ count: number }>("viewers", (v) => v.count < count.count, 3000);
    expect(after.count).toBe(count.count - 4);
    // Four leaving make one or two updates (a tick may fall between them), not four.
    expect(first.received.filter((e) => e.type === "viewers").length - before).toBeLessThanOrEqual(2);
  });

  it("a reconnect within the recovery window replays what was missed; a client may also ask for the state again", async () => {
    const viewer = await joinShow(baseUrl, showId);
    const everyday = await product("jingshan-tea-everyday");
    const reconnected = new Promise<void>((resolve) => viewer.socket.once("connect", () => resolve()));
    viewer.socket.io.engine.close(); // the network drops
    await hostAction(host, { intent: "pin", productId: everyday.id });
    await reconnected;
    expect(viewer.socket.recovered).toBe(true);
    const missed = () =>
      viewer.received.some((e) => e.type === "pin" && (e.payload as PinView).card.productId === everyday.id);
    for (let i = 0; i < 20 && !missed(); i++) await sleep(100);
    expect(missed()).toBe(true);

    const fresh = viewer.next<LiveState>("state");
    viewer.socket.emit("resync");
    expect((await fresh).pin?.card.productId).toBe(everyday.id);
  });

  it("refuses a socket whose Origin is another site, and an unknown show", async () => {
    const foreign = connect(baseUrl, { origin: "http://evil.example" });
    await new Promise<void>((resolve) => foreign.once("connect_error", () => resolve()));
    foreign.disconnect();

    const socket = connect(baseUrl);
    const error = new Promise<{ reason: string }>((resolve) => socket.once("room:error", resolve));
    socket.emit("join", "cm0000000000000000000000");
    expect(await error).toEqual({ reason: "notFound" });
  });
});

describe("live chat", () => {
  it("shows markup as plain text, to viewers and in the page", async () => {
    const shopper = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
    const writer = await joinShow(baseUrl, showId, { cookie: shopper.cookieHeader() });
    const reader = await joinShow(baseUrl, showId);
    const text = '<img src=x onerror="alert(1)"> 好茶！';
    const line = reader.next<ChatLine>("chat", (c) => c.text.includes("好茶"));
    expect(await writer.chat(text)).toEqual({ ok: true });
    expect(await line).toMatchObject({ text, authorName: "李小梅", byHost: false });

    const html = await (await new Visitor(baseUrl).get(`/live/${showId}`)).text();
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).not.toContain('<img src=x onerror="alert(1)">');
  });

  it("limits each user's pace, length and invisible characters, and needs a signed-in user", async () => {
    const user = await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test");
    const writer = await joinShow(baseUrl, showId, { cookie: user.cookieHeader() });
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push(await writer.chat(`第 ${i} 条`));
    expect(replies.slice(0, 5)).toEqual(Array(5).fill({ ok: true }));
    expect(replies.slice(5).every((r) => r.error === "live:chat.error.rateLimited")).toBe(true);

    const other = await new Visitor(baseUrl).logIn("staff.berry@cunbo.test");
    const second = await joinShow(baseUrl, showId, { cookie: other.cookieHeader() });
    expect(await second.chat("长".repeat(121))).toMatchObject({ error: "live:chat.error.tooLong" });
    expect(await second.chat("\u200b\u202e  ")).toMatchObject({ error: "live:chat.error.empty" });
    expect(await second.chat({ text: "not a string" })).toMatchObject({ error: "live:chat.error.empty" });

    const guest = await joinShow(baseUrl, showId);
    expect(await guest.chat("你好")).toMatchObject({ error: "live:chat.error.signIn" });
  });

  it("lets the host hide a message, mute its author and slow the chat down", async () => {
    const staff = await new Visitor(baseUrl).logIn("staff.umbrella@cunbo.test");
    const writer = await joinShow(baseUrl, showId, { cookie: staff.cookieHeader() });
    const reader = await joinShow(baseUrl, showId);
    const arrived = reader.next<ChatLine>("chat", (c) => c.text === "广告：加我微信");
    await writer.chat("广告：加我微信");
    const line = await arrived;

    const hidden = reader.next<{ id: string }>("chat:hide");
    expect((await hostAction(host, { intent: "mute", messageId: line.id })).status).toBe(200);
    expect(await hidden).toEqual({ id: line.id });
    expect(await writer.chat("再发一条")).toMatchObject({ error: "live:chat.error.muted" });
    expect((await joinShow(baseUrl, showId)).state.chat.some((c) => c.id === line.id)).toBe(false);

    const slow = reader.next<{ seconds: number }>("chat:slow");
    expect((await hostAction(host, { intent: "slow-mode", seconds: "30" })).status).toBe(200);
    expect(await slow).toEqual({ seconds: 30 });
    const tea = await new Visitor(baseUrl).logIn("staff.tea@cunbo.test");
    const slowWriter = await joinShow(baseUrl, showId, { cookie: tea.cookieHeader() });
    expect(await slowWriter.chat("第一条")).toEqual({ ok: true });
    expect(await slowWriter.chat("第二条")).toMatchObject({ error: "live:chat.error.slow" });
    // The host is never slowed down.
    const hostSocket = await joinShow(baseUrl, showId, { cookie: host.cookieHeader() });
    expect(await hostSocket.chat("欢迎大家")).toEqual({ ok: true });
    expect(await hostSocket.chat("今天的明前茶")).toEqual({ ok: true });
    await hostAction(host, { intent: "slow-mode", seconds: "0" });
  });
});

describe("show status", () => {
  it("ending a show takes down the pin and the deal for everyone and turns the room into a replay", async () => {
    const viewer = await joinShow(baseUrl, showId);
    const cakes = await product("osprey-tea-cakes");
    await hostAction(host, { intent: "pin", productId: cakes.id });
    const started = viewer.next<DealView>("deal");
    await hostAction(host, {
      intent: "deal",
      variantId: cakes.variants[0].id,
      price: String(cakes.variants[0].priceFen - 100),
      quantityCap: "5",
      durationSeconds: "300",
    });
    const deal = await started;
    const status = viewer.next<{ status: string; endedAt: string }>("status");
    const dealEnd = viewer.next<{ id: string; reason: string }>("deal:end");
    expect((await hostAction(host, { intent: "end" })).status).toBe(200);
    expect((await status).status).toBe("ended");
    expect(await dealEnd).toEqual({ id: deal.id, reason: "show_ended" });
    expect(viewer.received.some((e) => e.type === "unpin")).toBe(true);
    expect(await db.pin.count({ where: { showId, unpinnedAt: null } })).toBe(0);

    const page = await (await new Visitor(baseUrl).get(`/live/${showId}`)).text();
    expect(page).toContain("精彩时刻");
    expect((await hostAction(host, { intent: "pin", productId: cakes.id })).status).toBe(409);
  });
});
