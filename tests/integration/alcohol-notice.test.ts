// Rice wine carries the minors notice Chinese platforms show (未成年人禁止饮酒) on its product page, on the pinned
// card over a live stream and on its cart and checkout lines; other goods do not.
import { beforeAll, describe, expect, it } from "vitest";
import { goLive } from "~/domain/live/shows.server";
import { pinProduct } from "~/domain/live/pins.server";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { startTestServer } from "../helpers/server";

const NOTICE = "未成年人禁止饮酒";
let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

/** The page as shown, without its scripts (which carry the translations, this notice among them). */
const html = async (visitor: Visitor, path: string) => {
  const response = await visitor.get(path);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
};
const product = (slug: string) =>
  db.product.findUniqueOrThrow({ where: { slug }, include: { variants: true, category: true } });

describe("the minors notice on alcohol", () => {
  it("is on a rice wine's product page, in both languages, and not on an umbrella's", async () => {
    const wine = await product("duzuo-glutinous-rice-wine");
    expect(wine.category.alcohol).toBe(true);
    const guest = new Visitor(baseUrl);
    expect(await html(guest, "/products/duzuo-glutinous-rice-wine")).toContain(
      `${NOTICE} · 本品不向未满 18 周岁者出售`,
    );
    const umbrella = await db.product.findFirstOrThrow({ where: { category: { slug: "umbrellas" } } });
    expect(await html(guest, `/products/${umbrella.slug}`)).not.toContain(NOTICE);
    await guest.post("/set-locale", { locale: "en", redirectTo: "/" });
    expect(await html(guest, "/products/duzuo-glutinous-rice-wine")).toContain("Not for sale to minors");
  });

  it("is on the pinned card when a host pins rice wine", async () => {
    const show = await db.show.findFirstOrThrow({
      where: { items: { some: { product: { slug: "duzuo-sakura-rice-wine" } } }, status: "scheduled" },
    });
    await goLive(show.id);
    const wine = await product("duzuo-sakura-rice-wine");
    await pinProduct(show.id, wine.id);
    const page = await html(new Visitor(baseUrl), `/live/${show.id}`);
    const card = page.slice(page.indexOf('data-testid="pinned-card"'));
    expect(card.slice(0, card.indexOf("</article>"))).toContain(NOTICE);
  });

  it("is on the rice wine's line in the cart and at checkout, and only there", async () => {
    const wine = await product("duzuo-zongzi-flower-rice-wine");
    const umbrella = await db.product.findFirstOrThrow({
      where: { category: { slug: "umbrellas" } },
      include: { variants: true },
    });
    const guest = new Visitor(baseUrl);
    for (const variant of [wine.variants[0], umbrella.variants[0]])
      expect((await guest.post("/cart", { intent: "add", variantId: variant.id, quantity: "1" })).status).toBe(302);
    for (const path of ["/cart", "/checkout"]) {
      const page = await html(guest, path);
      expect(page.split(NOTICE)).toHaveLength(2); // once: on the wine's line, not the umbrella's
      expect(page.indexOf(NOTICE)).toBeGreaterThan(page.indexOf(wine.titleZh));
    }
  });
});
