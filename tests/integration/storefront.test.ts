import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function page(path: string, visitor = new Visitor(baseUrl)) {
  const response = await visitor.get(path);
  return { status: response.status, html: await response.text() };
}

/** The visible text of a page, so assertions read like what a shopper sees. */
function text(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
}

const shanghaiClock = (at: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);

/** The variant radio buttons of a page: which variants it offers and which one is chosen. */
function variantRadios(html: string) {
  return [...html.matchAll(/<input[^>]*name="variantId"[^>]*>/g)].map(([tag]) => ({
    value: tag.match(/value="([^"]*)"/)?.[1],
    checked: /\schecked=""/.test(tag),
    radio: tag.includes('type="radio"'),
  }));
}

async function variantOf(sku: string) {
  return db.variant.findUniqueOrThrow({ where: { sku } });
}

describe("home page", () => {
  it("lists the live shows with a live badge, the upcoming ones with Shanghai times, and the approved workshops", async () => {
    const { status, html } = await page("/");
    expect(status).toBe(200);
    expect(html).not.toContain("\u0000");
    const body = text(html);
    const live = await db.show.findMany({ where: { status: "live" } });
    expect(live).toHaveLength(2);
    for (const show of live) {
      expect(body).toContain(show.title);
      expect(html).toContain(`href="/live/${show.id}"`);
    }
    expect(body.match(/直播中/g)?.length).toBeGreaterThanOrEqual(2);

    const umbrellaShow = await db.show.findFirstOrThrow({ where: { title: { contains: "南阳伞共富价专场" } } });
    expect(body).toContain(umbrellaShow.title);
    expect(html).toContain(`href="/shows/${umbrellaShow.id}"`);
    expect(body).toContain(shanghaiClock(umbrellaShow.scheduledAt));
    expect(html).toContain(`dateTime="${umbrellaShow.scheduledAt.toISOString()}"`);

    for (const name of ["杜做酒坊", "南阳伞·共富工坊", "莓好集市", "红羽直播间"]) expect(body).toContain(name);
    expect(html).toContain('href="/workshops/nanyang-umbrella"');
    expect(body).not.toContain("钟埭村酒酿坊");
    expect(html).toContain('href="/search?category=fresh-fruit"');
    expect(html).toMatch(/<title>村播 · 共富工坊直播集市<\/title>/);
  });
});

describe("workshop page", () => {
  it("shows the workshop's story, figures, premium and active products", async () => {
    const { status, html } = await page("/workshops/nanyang-umbrella");
    expect(status).toBe(200);
    const body = text(html);
    expect(body).toContain("南阳伞·共富工坊");
    expect(body).toContain("南阳街道 · 萧山区");
    expect(body).toContain("把缝伞的活送到村民家门口");
    expect(body).toContain("从浙江杭州 萧山南阳发货");
    expect(body).toContain("260");
    expect(body).toContain("1个中心工坊+15个村级交流站");
    expect(body).toContain("共富价：售价比市场价高 22%，多出的钱直接给工坊的工人。");
    for (const title of ["三折晴雨伞", "直杆长柄伞", "手工桐油纸伞", "双人大伞"]) expect(body).toContain(title);
    expect(html).toContain('href="/products/nanyang-folding-umbrella"');
    expect(html).toMatch(/<title>南阳伞·共富工坊 · 村播<\/title>/);
  });

  it("leaves out draft products and says nothing of a premium when there is none", async () => {
    const body = text((await page("/workshops/red-feather-live")).html);
    expect(body).toContain("女款短款立领羽绒服");
    expect(body).not.toContain("白鹅绒派克大衣");
    expect(body).not.toContain("共富价");
  });

  it("shows a perishable workshop's shipping promise", async () => {
    const body = text((await page("/workshops/berry-good-market")).html);
    expect(body).toContain("付款后 24 小时内发出");
    expect(body).toContain("全程冷链");
  });
});

describe("product page", () => {
  it("offers every variant as a radio button in an add-to-cart form posting to /cart", async () => {
    const { status, html } = await page("/products/red-feather-short-down-jacket");
    expect(status).toBe(200);
    const form = html.match(/<form[^>]*action="\/cart"[\s\S]*?<\/form>/)?.[0] ?? "";
    expect(form).toMatch(/method="post"/);
    expect(form).toContain('name="intent" value="add"');
    expect(form).toMatch(/name="quantity"/);
    const radios = variantRadios(form);
    const sizes = await Promise.all(["S", "M", "L", "XL"].map((size) => variantOf(`RF-SJ-${size}`)));
    expect(radios.map((r) => r.value)).toEqual(sizes.map((v) => v.id));
    expect(radios.every((r) => r.radio)).toBe(true);
    expect(radios.filter((r) => r.checked).map((r) => r.value)).toEqual([sizes[0].id]);
    expect(text(html)).toContain("¥399.00");
  });

  it("shows the attributes table, e.g. a down jacket's fill weight", async () => {
    const body = text((await page("/products/red-feather-short-down-jacket")).html);
    expect(body).toMatch(/充绒量 180 g/);
    expect(body).toMatch(/面料 防泼水锦纶/);
  });

  it("explains the 共富价 premium of an umbrella in one line", async () => {
    const body = text((await page("/products/nanyang-folding-umbrella")).html);
    // The ledger's share of ¥59.00 at 22 % (5900 × 2200 / 12200, rounded down), as checkout and the ledger show it.
    expect(body).toContain("共富价：比市场价高 22%，多出的 ¥10.63 直接给做这件商品的工人");
  });

  it("tells a shopper that strawberries ship within 24 hours by cold chain", async () => {
    const body = text((await page("/products/jiande-hongyan-strawberry")).html);
    expect(body).toContain("鲜活易腐");
    expect(body).toContain("付款后 24 小时内发货");
    expect(body).toContain("冷链配送");
  });

  it("shows the pre-order batch: its name, ready date and the capacity not yet reserved", async () => {
    const batch = await db.batch.findFirstOrThrow({ where: { product: { slug: "duzuo-new-vat-rice-wine-2027" } } });
    await db.batch.update({ where: { id: batch.id }, data: { reserved: 150 } });
    const body = text((await page("/products/duzuo-new-vat-rice-wine-2027")).html);
    const ready = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric" })
      .formatToParts(batch.readyDate)
      .reduce<Record<string, string>>((parts, part) => ({ ...parts, [part.type]: part.value }), {});
    expect(body).toContain("预售 · 第4缸 糯米酒");
    expect(body).toContain(`预计 ${ready.month}月${ready.day}日`);
    expect(body).toContain("本批还可预订 50 份");
  });

  it("asks for the customisation with the workshop's prompt and a note field in the form", async () => {
    const { html } = await page("/products/duzuo-zongzi-flower-rice-wine");
    expect(text(html)).toContain("甜度（微甜/标准/偏甜），以及想写在坛贴上的一句话");
    const form = html.match(/<form[^>]*action="\/cart"[\s\S]*?<\/form>/)?.[0] ?? "";
    expect(form).toMatch(/<textarea[^>]*name="customisationNote"/);
  });

  it("shows stock left, and sold out when none is left", async () => {
    expect(text((await page("/products/nanyang-oil-paper-umbrella")).html)).toContain("仅剩 3 件");
    await db.variant.updateMany({ where: { sku: { in: ["NY-OP-PL", "NY-OP-LT"] } }, data: { stock: 0 } });
    const { html } = await page("/products/nanyang-oil-paper-umbrella");
    expect(text(html)).toContain("已售罄");
    expect(html).toMatch(/<button type="submit" disabled=""[^>]*>已售罄<\/button>/);
  });

  it("server-renders the price of the variant named in ?variant=", async () => {
    const gift = await variantOf("BG-HY-3J");
    const { html } = await page(`/products/jiande-hongyan-strawberry?variant=${gift.id}`);
    expect(variantRadios(html).find((r) => r.checked)?.value).toBe(gift.id);
    const body = text(html);
    expect(body).toContain("¥129.00");
    // 3 jin at ¥129.00: the ledger's 15 % premium share (12900 × 1500 / 11500, rounded down).
    expect(body).toContain("多出的 ¥16.82");
  });

  it("ignores a ?variant= of another product and shows its own first variant", async () => {
    const umbrella = await variantOf("NY-FD-NV");
    const first = await variantOf("BG-HY-2J");
    const { status, html } = await page(`/products/jiande-hongyan-strawberry?variant=${umbrella.id}`);
    expect(status).toBe(200);
    expect(variantRadios(html).find((r) => r.checked)?.value).toBe(first.id);
    expect(html).not.toContain(`value="${umbrella.id}"`);
    expect(text(html)).toContain("¥89.00");
  });

  it("lists the shows that have the product in their line-up", async () => {
    const show = await db.show.findFirstOrThrow({ where: { title: { contains: "茶婆婆径山现场炒茶" } } });
    const { html } = await page("/products/jingshan-tea-mingqian");
    expect(text(html)).toContain("在这些直播里");
    expect(html).toContain(`href="/live/${show.id}"`);
  });
});

describe("what shoppers may not see", () => {
  it("answers 404 for a draft product, the pending workshop and its products", async () => {
    expect((await page("/products/red-feather-goose-down-parka")).status).toBe(404);
    expect((await page("/workshops/zhongdai-sweet-rice")).status).toBe(404);
    // Even an active product stays hidden while its workshop awaits approval.
    await db.product.update({ where: { slug: "zhongdai-sweet-fermented-rice" }, data: { status: "active" } });
    expect((await page("/products/zhongdai-sweet-fermented-rice")).status).toBe(404);
    expect(text((await page("/search?q=酒酿")).html)).not.toContain("钟埭甜酒酿");
  });

  it("answers 404, not 500, for unknown slugs and shows, with a friendly page", async () => {
    for (const path of ["/products/no-such-thing", "/workshops/no-such-workshop", "/shows/no-such-show"]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(404);
      expect(text(html)).toContain("页面不存在");
    }
  });

  it("hides archived products", async () => {
    await db.product.update({ where: { slug: "haining-jasmine" }, data: { status: "archived" } });
    expect((await page("/products/haining-jasmine")).status).toBe(404);
  });
});

describe("search", () => {
  it("finds products by a Chinese word", async () => {
    const body = text((await page(`/search?q=${encodeURIComponent("草莓")}`)).html);
    expect(body).toContain("建德红颜草莓");
    expect(body).toContain("建德章姬草莓");
    expect(body).not.toContain("三折晴雨伞");
  });

  it("finds products by an English word in any case", async () => {
    const body = text((await page("/search?q=UMBRELLA")).html);
    expect(body).toContain("三折晴雨伞");
    expect(body).toContain("双人大伞");
    expect(body).not.toContain("建德红颜草莓");
  });

  it("finds products by their workshop's name and by several words", async () => {
    expect(text((await page(`/search?q=${encodeURIComponent("鱼鹰团")}`)).html)).toContain("清水丝绵被");
    const body = text((await page("/search?q=golf+umbrella")).html);
    expect(body).toContain("双人大伞");
    expect(body).not.toContain("三折晴雨伞");
  });

  it("filters by category, alone and with words", async () => {
    const tea = text((await page("/search?category=tea")).html);
    expect(tea).toContain("径山茶·明前特级");
    expect(tea).not.toContain("建德红颜草莓");
    const both = text((await page(`/search?category=local-food&q=${encodeURIComponent("粽")}`)).html);
    expect(both).toContain("鱼鹰优选·塘栖鲜肉粽");
    expect(both).not.toContain("粽子花米酒");
  });

  it("shows an empty state, and never a draft product", async () => {
    const empty = text((await page("/search?q=zzzzqqq")).html);
    expect(empty).toContain("没有找到相关商品");
    expect(text((await page(`/search?q=${encodeURIComponent("派克")}`)).html)).toContain("没有找到相关商品");
  });

  it("pages through everything, and shrugs off odd parameters", async () => {
    const first = await page("/search");
    expect(first.status).toBe(200);
    expect(first.html).toContain('href="/search?page=2"');
    expect(text((await page("/search?page=2")).html)).toContain("第 2 / ");
    for (const path of [
      "/search?page=abc",
      "/search?page=99999",
      "/search?category=NOT%20A%20SLUG",
      `/search?q=${"x".repeat(500)}`,
    ]) {
      expect((await page(path)).status, path).toBe(200);
    }
  });
});

describe("show page", () => {
  it("shows a live show's host, schedule and line-up, with a way into the live room", async () => {
    const show = await db.show.findFirstOrThrow({
      where: { title: { contains: "茶婆婆径山现场炒茶" } },
      include: { host: true },
    });
    const { status, html } = await page(`/shows/${show.id}`);
    expect(status).toBe(200);
    const body = text(html);
    expect(body).toContain(show.title);
    expect(body).toContain("径山茶婆婆·桂英");
    expect(body).toContain("直播中");
    expect(body).toContain(`${shanghaiClock(show.startedAt!)} 开播`);
    expect(body).toContain("径山茶·明前特级");
    expect(body).toContain("塘栖茶糕");
    expect(html).toMatch(new RegExp(`href="/live/${show.id}"[^>]*>进入直播间<`));
  });

  it("offers the live room of an ended show (its replay) but not of one still to come", async () => {
    const ended = await db.show.findFirstOrThrow({ where: { status: "ended" } });
    expect((await page(`/shows/${ended.id}`)).html).toContain(`href="/live/${ended.id}"`);
    const scheduled = await db.show.findFirstOrThrow({ where: { status: "scheduled" } });
    const { html } = await page(`/shows/${scheduled.id}`);
    expect(text(html)).toContain("开播");
    expect(html).not.toContain(`href="/live/${scheduled.id}"`);
  });
});

describe("in English", () => {
  it("shows the store in English once the visitor switches", async () => {
    const visitor = new Visitor(baseUrl);
    expect((await visitor.post("/set-locale", { locale: "en", redirectTo: "/" })).status).toBe(302);
    const home = text((await page("/", visitor)).html);
    expect(home).toContain("Live now");
    expect(home).toContain("Nanyang Umbrella Workshop");
    const product = text((await page("/products/nanyang-folding-umbrella", visitor)).html);
    expect(product).toContain("Three-fold rain-or-shine umbrella");
    expect(product).toContain("22% above market; the extra ¥10.63 goes straight to the workers who made it");
  });
});
