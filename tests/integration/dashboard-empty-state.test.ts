// A workshop with no sales yet sees "no sales yet" instead of a month of ¥0 days; one with sales sees its gross
// sales beside its own net income, every figure in one money format.
import { beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "~/lib/money";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { createPaidOrder } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const shown = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

describe("the workshop dashboard", () => {
  it("says there are no sales yet instead of drawing ¥0 days and ¥0 bars", async () => {
    const sold = await db.ledgerEntry.count({ where: { orderLine: { workshop: { slug: "osprey-team-dinghe" } } } });
    expect(sold).toBe(0);
    const staff = await new Visitor(baseUrl).logIn("staff.tea@cunbo.test");
    const html = shown(await (await staff.get("/studio/osprey-team-dinghe/dashboard")).text());
    expect(html.match(/data-testid="chart-empty"/g)).toHaveLength(3);
    expect(html).not.toMatch(/<svg[^>]*role="img"/);
  });

  it("shows gross sales and the workshop's own net income from the ledger, all as ¥1,436.00", async () => {
    await createPaidOrder({ workshopSlug: "nanyang-umbrella" });
    const [net] = await db.$queryRaw<{ fen: bigint }[]>`
      SELECT coalesce(sum(le."amountFen"), 0)::bigint AS fen FROM "LedgerEntry" le
      JOIN "OrderLine" ol ON ol.id = le."orderLineId" JOIN "Workshop" w ON w.id = ol."workshopId"
      WHERE w.slug = 'nanyang-umbrella' AND le.account = 'workshop'`;
    expect(Number(net.fen)).toBeGreaterThan(0);
    const staff = await new Visitor(baseUrl).logIn("staff.umbrella@cunbo.test");
    const html = shown(await (await staff.get("/studio/nanyang-umbrella/dashboard")).text());
    expect(html).toContain("近 30 天工坊净收入");
    expect(html).toContain(formatMoney(Number(net.fen)));
    // Every ¥ figure on the page has its fen: no "¥1,436" beside "¥1,436.00".
    const figures = html.match(/¥[\d,]+(\.\d\d)?/g) ?? [];
    expect(figures.length).toBeGreaterThan(5);
    expect(figures.filter((figure) => !/\.\d\d$/.test(figure))).toEqual([]);
  });
});

describe("a workshop's public impact page", () => {
  it("is linked from the workshop's page and from each of its product pages", async () => {
    const guest = new Visitor(baseUrl);
    const link = 'href="/workshops/nanyang-umbrella/impact"';
    expect(await (await guest.get("/workshops/nanyang-umbrella")).text()).toContain(link);
    const product = await db.product.findFirstOrThrow({ where: { workshop: { slug: "nanyang-umbrella" } } });
    expect(await (await guest.get(`/products/${product.slug}`)).text()).toContain(link);
    expect((await guest.get("/workshops/nanyang-umbrella/impact")).status).toBe(200);
  });
});
