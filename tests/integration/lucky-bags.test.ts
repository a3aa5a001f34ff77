import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { commitOf } from "~/domain/promotions/lucky-bag-draw.server";
import { drawLuckyBag, returnUnclaimedPrizes } from "~/domain/promotions/lucky-bag-results.server";
import { DRAW_SNIPPET, type LuckyBagView } from "~/domain/promotions/lucky-bag-rules";
import { startLuckyBag } from "~/domain/promotions/lucky-bags.server";
import { orderStatement } from "~/domain/ledger/ledger.server";
import { startJobs, type RunningJobs } from "../../server/jobs";
import { Visitor } from "../helpers/http";
import { joinShow } from "../helpers/live-socket";
import { startTestServer } from "../helpers/server";
import { newShopper, SHOPPER_PASSWORD } from "../helpers/shoppers";

let baseUrl: string;
let showId: string;
let host: Visitor;
let jobs: RunningJobs;
const ENTER = "/enter";

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  jobs = await startJobs(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5 });
  const show = await db.show.findFirstOrThrow({
    where: { status: "live", host: { user: { email: "host.berry@cunbo.test" } } },
  });
  showId = show.id;
  host = await new Visitor(baseUrl).logIn("host.berry@cunbo.test");
});
afterAll(() => jobs?.stop());

/** Shoppers whose accounts are older than any bag started in these tests (a bag refuses accounts made after it). */
async function shoppers(tag: string, count: number) {
  const list: { id: string; email: string; visitor: Visitor }[] = [];
  for (let i = 0; i < count; i++) {
    const email = await newShopper(tag);
    const user = await db.user.update({
      where: { email },
      data: { createdAt: new Date(Date.now() - 86_400_000) },
    });
    list.push({ id: user.id, email, visitor: await new Visitor(baseUrl).logIn(email, SHOPPER_PASSWORD) });
  }
  return list;
}

/** A line-up variant with stock to give away; `skip` picks another product than the other tests use. */
async function lineUpVariant(skip = 0, minStock = 20) {
  const item = await db.showItem.findFirstOrThrow({
    where: { showId, product: { status: "active", variants: { some: { stock: { gte: minStock } } } } },
    orderBy: { position: "asc" },
    skip,
    include: { product: { include: { variants: { where: { stock: { gte: minStock } } }, workshop: true } } },
  });
  return { variant: item.product.variants[0], workshop: item.product.workshop };
}

/** A bag whose countdown (the shortest, one minute) ends about a second from now. */
function startEndingSoon(input: Partial<Parameters<typeof startLuckyBag>[1]> & { variantId: string }) {
  return startLuckyBag(
    showId,
    { winnersCount: 2, unitsPerWinner: 1, donor: "workshop", entryRule: "tap", phrase: null, minutes: 1, ...input },
    new Date(Date.now() - 57_000),
  );
}

async function enter(visitor: Visitor, bagId: string, via = "tap") {
  const response = await visitor.post(`/lucky-bags/${bagId}${ENTER}`, { via });
  return { status: response.status, body: (await response.json()) as { ticket?: string; error?: { key: string } } };
}

describe("lucky bags", () => {
  it("draws on time by its job, and the draw recomputed from the revealed seed with the published snippet gives the same winners", async () => {
    const { variant } = await lineUpVariant();
    const people = await shoppers("bagdraw", 5);
    const viewer = await joinShow(baseUrl, showId);
    const started = viewer.next<LuckyBagView>("luckybag");
    const bag = await startEndingSoon({ variantId: variant.id, winnersCount: 2, unitsPerWinner: 2 });
    const announced = await started;
    expect(announced.seed).toBeNull();
    expect(announced.seedCommit).toMatch(/^[0-9a-f]{64}$/);
    // The prize's units left stock when the bag started.
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(variant.stock - 4);

    const tickets = await Promise.all(people.map((p) => enter(p.visitor, bag.id)));
    expect(tickets.every((t) => t.status === 200 && t.body.ticket)).toBe(true);
    // One entry per person: entering again answers the same ticket and counts nothing.
    const again = await enter(people[0].visitor, bag.id);
    expect(again.body.ticket).toBe(tickets[0].body.ticket);

    const drawn = await viewer.next<LuckyBagView>("luckybag", (b) => b.id === bag.id && b.drawnAt !== null, 10_000);
    expect(drawn.entriesCount).toBe(5);
    expect(drawn.winners).toHaveLength(2);
    expect(commitOf(drawn.seed!)).toBe(announced.seedCommit);

    const list = (await (await fetch(`${baseUrl}/lucky-bags/${bag.id}/entries.json`)).json()) as {
      seed: string;
      tickets: string[];
      winners: string[];
    };
    expect([...list.tickets].sort()).toEqual(tickets.map((t) => t.body.ticket).sort());
    const draw = new Function(`${DRAW_SNIPPET}; return draw;`)() as (
      seed: string,
      tickets: string[],
      winners: number,
    ) => Promise<{ commit: string; winners: string[] }>;
    const recomputed = await draw(list.seed, list.tickets, 2);
    expect(recomputed.commit).toBe(announced.seedCommit);
    expect(recomputed.winners).toEqual(drawn.winners!.map((w) => w.ticket));
    const stored = await db.luckyBagWin.findMany({ where: { bagId: bag.id }, orderBy: { position: "asc" } });
    expect(stored.map((w) => w.entryId)).toEqual(recomputed.winners);

    // Drawing again (a retried job, the sweep) changes nothing; entering after the draw is refused.
    expect(await drawLuckyBag(bag.id, new Date(Date.now() + 60_000))).toBe(false);
    expect(await db.luckyBagWin.count({ where: { bagId: bag.id } })).toBe(2);
    const late = await shoppers("baglate", 1);
    expect((await enter(late[0].visitor, bag.id)).status).toBe(409);
    // The result page shows the seed and how to recompute.
    const page = await (await fetch(`${baseUrl}/lucky-bags/${bag.id}`)).text();
    expect(page).toContain(drawn.seed);
    expect(page).toContain("crypto.subtle");
  });

  it("a winner's prize reaches the packing room as a zero-price order, its cost booked to the donor", async () => {
    const { variant, workshop } = await lineUpVariant();
    const [winner, other] = await shoppers("bagwin", 2);
    const bag = await startEndingSoon({ variantId: variant.id, winnersCount: 1, unitsPerWinner: 2, donor: "host" });
    await enter(winner.visitor, bag.id);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(bag.endsAt) - Date.now())));
    await drawLuckyBag(bag.id);
    expect((await db.luckyBagWin.findFirstOrThrow({ where: { bagId: bag.id } })).userId).toBe(winner.id);
    const address = await db.address.create({
      data: {
        userId: winner.id,
        recipientName: "中奖的人",
        phone: "13800001234",
        province: "浙江省",
        city: "杭州市",
        district: "西湖区",
        street: "文三路 1 号",
        isDefault: true,
      },
    });
    // Someone else cannot claim it; a claim without an address says so beside the field.
    expect((await other.visitor.post(`/lucky-bags/${bag.id}`, { intent: "claim", addressId: address.id })).status).toBe(
      403,
    );
    const missing = await winner.visitor.post(`/lucky-bags/${bag.id}`, { intent: "claim" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("请选择收货地址");

    const claimed = await winner.visitor.post(`/lucky-bags/${bag.id}`, { intent: "claim", addressId: address.id });
    expect(claimed.status).toBe(302);
    const win = await db.luckyBagWin.findFirstOrThrow({ where: { bagId: bag.id }, include: { order: true } });
    expect(win.order).toMatchObject({ status: "paid", totalFen: 0, userId: winner.id, contactName: "中奖的人" });
    // Claiming twice gives the same order.
    const twice = await winner.visitor.post(`/lucky-bags/${bag.id}`, { intent: "claim", addressId: address.id });
    expect(twice.headers.get("Location")).toBe(claimed.headers.get("Location"));
    expect(await db.order.count({ where: { userId: winner.id } })).toBe(1);

    const staff = await db.workshopMember.findFirstOrThrow({
      where: { workshopId: workshop.id },
      include: { user: true },
    });
    const room = await new Visitor(baseUrl).logIn(staff.user.email);
    const queue = await (await room.get(`/studio/${workshop.slug}/fulfilment`)).text();
    expect(queue).toContain(win.order!.number);
    expect(
      await db.fulfilmentOrder.count({ where: { orderId: win.orderId!, workshopId: workshop.id, status: "queued" } }),
    ).toBe(1);

    const statement = await orderStatement(win.orderId!);
    expect(statement.totalFen).toBe(0);
    const entries = await db.ledgerEntry.findMany({ where: { orderId: win.orderId! } });
    const cost = entries.filter((e) => e.kind === "promotion");
    expect(cost).toHaveLength(1);
    expect(cost[0]).toMatchObject({
      account: "host",
      hostId: bag.showId ? cost[0].hostId : null,
      amountFen: -variant.priceFen * 2,
    });
    expect(cost[0].hostId).toBe((await db.show.findUniqueOrThrow({ where: { id: showId } })).hostId);
    // The workers' premium and the village get their parts of the prize's value, as on a sale.
    const village = entries.find((e) => e.account === "village");
    expect(village?.amountFen).toBeGreaterThan(0);
  });

  it("refuses entry to muted viewers, accounts made after the bag started, the host, and by a way the rule does not allow", async () => {
    const { variant } = await lineUpVariant();
    const [muted, follower, phraseUser] = await shoppers("bagrules", 3);
    await db.showMute.create({ data: { showId, userId: muted.id } });
    const bag = await startLuckyBag(showId, {
      variantId: variant.id,
      winnersCount: 1,
      unitsPerWinner: 1,
      donor: "workshop",
      entryRule: "follow",
      phrase: null,
      minutes: 1,
    });
    const mutedAnswer = await enter(muted.visitor, bag.id, "follow");
    expect(mutedAnswer.status).toBe(403);
    expect(mutedAnswer.body.error?.key).toBe("luckybag:error.muted");
    const freshEmail = await newShopper("bagfresh");
    const fresh = await new Visitor(baseUrl).logIn(freshEmail, SHOPPER_PASSWORD);
    expect((await enter(fresh, bag.id, "follow")).body.error?.key).toBe("luckybag:error.newAccount");
    expect((await enter(host, bag.id, "follow")).body.error?.key).toBe("luckybag:error.ownBag");
    expect((await enter(follower.visitor, bag.id, "tap")).body.error?.key).toBe("luckybag:error.rule.follow");
    // The follow rule: entering follows the host.
    expect((await enter(follower.visitor, bag.id, "follow")).status).toBe(200);
    const hostId = (await db.show.findUniqueOrThrow({ where: { id: showId } })).hostId;
    expect(await db.follow.count({ where: { userId: follower.id, hostId } })).toBe(1);
    // A second bag cannot start while this one runs.
    const second = await host.post(`/host/shows/${showId}`, {
      intent: "lucky-bag",
      variantId: variant.id,
      winnersCount: "1",
      unitsPerWinner: "1",
      donor: "workshop",
      entryRule: "tap",
      minutes: "3",
    });
    expect(second.status).toBe(409);
    await drawLuckyBag(bag.id, new Date(Date.parse(bag.endsAt) + 1));

    // The phrase rule enters through the chat only.
    const phraseBag = await startLuckyBag(showId, {
      variantId: variant.id,
      winnersCount: 1,
      unitsPerWinner: 1,
      donor: "workshop",
      entryRule: "phrase",
      phrase: "村播好物",
      minutes: 1,
    });
    expect((await enter(phraseUser.visitor, phraseBag.id, "tap")).body.error?.key).toBe("luckybag:error.rule.phrase");
    const chatter = await joinShow(baseUrl, showId, { cookie: phraseUser.visitor.cookieHeader() });
    const other = await chatter.chat("hello");
    expect(other).toEqual({ ok: true });
    const reply = (await chatter.chat(" 村播 好物 ")) as { ok: true; luckyBag?: { ticket: string } };
    expect(reply.luckyBag?.ticket).toMatch(/^e/);
    expect(await db.luckyBagEntry.count({ where: { bagId: phraseBag.id, userId: phraseUser.id, via: "phrase" } })).toBe(
      1,
    );
    const mutedChat = await joinShow(baseUrl, showId, { cookie: muted.visitor.cookieHeader() });
    expect((await mutedChat.chat("村播好物")).error).toBe("live:chat.error.muted");
    await drawLuckyBag(phraseBag.id, new Date(Date.parse(phraseBag.endsAt) + 1));
  });

  it("refuses a bag whose prize stock is short or whose form is wrong, and gives unclaimed and unwon prizes back to stock", async () => {
    const { variant } = await lineUpVariant(1);
    const base = {
      intent: "lucky-bag",
      variantId: variant.id,
      winnersCount: "1",
      unitsPerWinner: "1",
      donor: "workshop",
      entryRule: "tap",
      minutes: "3",
    };
    const short = await host.post(`/host/shows/${showId}`, { ...base, winnersCount: "100", unitsPerWinner: "20" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("库存不够");
    const long = await host.post(`/host/shows/${showId}`, { ...base, minutes: "16" });
    expect(long.status).toBe(400);
    const noPhrase = await host.post(`/host/shows/${showId}`, { ...base, entryRule: "phrase", phrase: " " });
    expect(noPhrase.status).toBe(400);
    expect(await db.luckyBag.count({ where: { showId, drawnAt: null } })).toBe(0);

    const [only] = await shoppers("bagstock", 1);
    const before = (await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock;
    const bag = await startEndingSoon({ variantId: variant.id, winnersCount: 3, unitsPerWinner: 2 });
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(before - 6);
    await enter(only.visitor, bag.id);
    await drawLuckyBag(bag.id, new Date(Date.parse(bag.endsAt) + 1));
    // One entry for three prizes: two prizes' units come back at the draw.
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(before - 2);
    // Unclaimed after 24 hours: the last prize comes back too, once.
    const later = new Date(Date.now() + 25 * 3_600_000);
    expect(await returnUnclaimedPrizes(later)).toBeGreaterThanOrEqual(1);
    expect(await returnUnclaimedPrizes(later)).toBe(0);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(before);
    expect((await db.luckyBag.findUniqueOrThrow({ where: { id: bag.id } })).returnedUnits).toBe(6);
  });
});
