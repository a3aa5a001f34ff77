// A mixed burst at the moment everything runs out: buy-nows (the lean endpoint) and cart checkouts (the Remix
// action) for one pre-order variant whose stock, flash-deal cap and batch capacity are the same number. Every
// buyer past the last unit hears "sold out" as a 4xx; none sees a server error, whichever path they came by.
process.env.DATABASE_POOL_SIZE = "20";
import { beforeAll, describe, expect, it } from "vitest";
import { createBatch } from "~/domain/catalogue/batches.server";
import { createProduct } from "~/domain/catalogue/products.server";
import { db } from "~/lib/db.server";
import { translator } from "~/lib/locale.server";
import { Visitor } from "../helpers/http";
import { ADDRESS, liveTeaShow, startFlashDeal } from "../helpers/market";
import { startTestServer } from "../helpers/server";

const UNITS = 6;
const BUY_NOWS = 36;
const CART_CHECKOUTS = 24;

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

/** A pre-order product of the live show's workshop, with one variant whose stock and batch both hold `units`. */
async function preorderVariant(units: number) {
  const { show, pin } = await liveTeaShow();
  const workshopId = pin.product.workshopId;
  const category = await db.category.findFirstOrThrow();
  const suffix = Math.random().toString(36).slice(2, 8);
  const product = await createProduct(workshopId, {
    titleZh: "明前预售茶",
    titleEn: "Pre-order spring tea",
    descriptionZh: "今年第一批明前茶，炒好即发。",
    descriptionEn: "This year's first spring tea, sent when roasted.",
    categoryId: category.id,
    status: "active",
    perishable: false,
    preorder: true,
    customisable: false,
    customisationPromptZh: null,
    customisationPromptEn: null,
    attributes: [],
    variants: [
      {
        nameZh: "一罐",
        nameEn: "One tin",
        sku: `BURST-${suffix}`,
        priceFen: 8800,
        marketPriceFen: null,
        stock: units,
        weightGrams: 250,
      },
    ],
  });
  const variant = await db.variant.findFirstOrThrow({ where: { productId: product.id } });
  const batch = await createBatch(workshopId, product.id, {
    nameZh: "第一锅",
    nameEn: "First roast",
    readyDate: new Date(Date.now() + 10 * 86_400_000),
    capacity: units,
    status: "open",
  });
  const deal = await startFlashDeal(show.id, variant.id, 6600, units);
  return { show, product, variant, batch, deal };
}

describe("a burst that runs stock, deal cap and batch capacity out together", () => {
  it("answers every buy-now and cart checkout past the last unit with the sold-out refusal, never a 5xx", async () => {
    const { show, product, variant, batch, deal } = await preorderVariant(UNITS);
    // Each cart shopper has the deal's item in their cart before the burst.
    const carts = await Promise.all(
      Array.from({ length: CART_CHECKOUTS }, async () => {
        const shopper = new Visitor(baseUrl);
        const added = await shopper.post("/cart", {
          intent: "add",
          variantId: variant.id,
          quantity: "1",
          flashDealId: deal.id,
          showId: show.id,
        });
        expect(added.status).toBe(302);
        return shopper;
      }),
    );

    type Answer = { path: "buy-now" | "checkout"; status: number; text: string };
    const buyNows = Array.from({ length: BUY_NOWS }, async (): Promise<Answer> => {
      const response = await new Visitor(baseUrl).post("/buy-now", {
        ...ADDRESS,
        variantId: variant.id,
        quantity: "1",
        flashDealId: deal.id,
        showId: show.id,
      });
      return { path: "buy-now", status: response.status, text: await response.text() };
    });
    const checkouts = carts.map(async (shopper): Promise<Answer> => {
      const response = await shopper.post("/checkout", ADDRESS);
      return { path: "checkout", status: response.status, text: await response.text() };
    });
    // Interleaved, so that each path meets what the other has just found sold out.
    const answers = await Promise.all(
      buyNows.flatMap((buyNow, i) => (i < checkouts.length ? [buyNow, checkouts[i]] : [buyNow])),
    );

    const serverErrors = answers.filter((a) => a.status >= 500);
    expect(serverErrors.map((a) => `${a.path} ${a.status}: ${a.text.slice(0, 120)}`)).toEqual([]);

    const t = translator("zh-CN");
    const names = { titleZh: product.titleZh, titleEn: product.titleEn };
    const soldOutMessages = ["checkout:error.soldOut", "checkout:error.dealSoldOut", "checkout:error.batchFull"].map(
      (key) => t(key, names),
    );
    const placed = answers.filter((a) => (a.path === "buy-now" ? a.status === 200 : a.status === 302));
    const refused = answers.filter((a) => !placed.includes(a));
    expect(placed).toHaveLength(UNITS);
    for (const refusal of refused) {
      expect(refusal.status).toBe(409);
      expect(soldOutMessages.some((message) => refusal.text.includes(message))).toBe(true);
    }

    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(0);
    expect((await db.flashDeal.findUniqueOrThrow({ where: { id: deal.id } })).sold).toBe(UNITS);
    expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).reserved).toBe(UNITS);
  });
});
