import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { startDeal as startDealNow } from "~/domain/live/flash-deals.server";
import type { DealView, LiveState } from "~/domain/live/live-state";
import { Visitor } from "../helpers/http";
import { joinShow } from "../helpers/live-socket";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let showId: string;
let host: Visitor;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  const show = await db.show.findFirstOrThrow({
    where: { status: "live", host: { user: { email: "host.berry@cunbo.test" } } },
  });
  showId = show.id;
  host = await new Visitor(baseUrl).logIn("host.berry@cunbo.test");
});

async function startDeal(fields: Record<string, string>) {
  return host.post(`/host/shows/${showId}`, { intent: "deal", ...fields });
}

describe("flash deals", () => {
  it("ends by itself on time, for every viewer, exactly once", async () => {
    const berries = await db.product.findUniqueOrThrow({
      where: { slug: "jiande-hongyan-strawberry" },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    const variant = berries.variants[0];
    await host.post(`/host/shows/${showId}`, { intent: "pin", productId: berries.id });
    const viewers = await Promise.all([1, 2].map(() => joinShow(baseUrl, showId)));
    const started = viewers[0].next<DealView>("deal");
    // A deal of the shortest duration, started 29 s ago: its end comes in a second rather than in 30.
    await startDealNow(
      showId,
      { variantId: variant.id, priceFen: variant.priceFen - 1000, quantityCap: 3, durationSeconds: 30 },
      new Date(Date.now() - 29_000),
    );
    const deal = await started;
    const endsAt = Date.parse(deal.endsAt);
    expect(endsAt - Date.parse(deal.startsAt)).toBe(30_000);

    const ends = viewers.map((v) => v.next<{ id: string; reason: string }>("deal:end", (e) => e.id === deal.id, 5000));
    const results = await Promise.all(ends);
    const arrived = Date.now();
    expect(results.every((r) => r.reason === "ended")).toBe(true);
    expect(arrived).toBeGreaterThanOrEqual(endsAt);
    expect(arrived - endsAt).toBeLessThan(1500);
    const stored = await db.flashDeal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(stored.stoppedAt?.getTime()).toBe(stored.endsAt.getTime());
    expect(viewers[0].received.filter((e) => e.type === "deal:end").length).toBe(1);

    // A viewer joining afterwards sees no deal.
    const late = await joinShow(baseUrl, showId);
    expect((late.state as LiveState).deal).toBeNull();
  });

  it("refuses a deal price at or above the list price, a cap above stock and a duration out of range", async () => {
    const berries = await db.product.findUniqueOrThrow({
      where: { slug: "jiande-hongyan-strawberry" },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    const variant = berries.variants[0];
    const base = {
      variantId: variant.id,
      price: String(variant.priceFen - 100),
      quantityCap: "2",
      durationSeconds: "60",
    };

    const above = await startDeal({ ...base, price: String(variant.priceFen) });
    expect(above.status).toBe(400);
    expect(await above.text()).toContain("闪购价要低于原价");

    const cap = await startDeal({ ...base, quantityCap: "custom", customCap: String(variant.stock + 1) });
    expect(cap.status).toBe(400);
    expect(await cap.text()).toContain(`限量不能超过库存（${variant.stock} 件）`);

    for (const durationSeconds of ["29", "1201"]) {
      const response = await startDeal({ ...base, durationSeconds });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("时长在 30 秒到 20 分钟之间");
    }
    const zero = await startDeal({ ...base, price: "custom", customPrice: "0" });
    expect(zero.status).toBe(400);
    expect(await db.flashDeal.count({ where: { showId, stoppedAt: null } })).toBe(0);
  });

  it("a custom price typed in yuan becomes fen on the server", async () => {
    const berries = await db.product.findUniqueOrThrow({
      where: { slug: "jiande-hongyan-strawberry" },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    const variant = berries.variants[0];
    const response = await startDeal({
      variantId: variant.id,
      price: "custom",
      customPrice: "12.80",
      quantityCap: "1",
      durationSeconds: "45",
    });
    expect(response.status).toBe(200);
    const deal = await db.flashDeal.findFirstOrThrow({ where: { showId, stoppedAt: null } });
    expect(deal.priceFen).toBe(1280);
  });
});
