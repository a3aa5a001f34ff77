// One truth about the 共富价: for the same price × quantity, the product page, the live room's pinned card
// (with and without a flash deal, in the HTML and in the socket state), the cart, the checkout, the order page,
// the ledger and the dashboards all show what the ledger's allocation gives the workers' premium fund.
import { beforeAll, describe, expect, it } from "vitest";
import { linePremiumFen } from "~/domain/ledger/allocation";
import { db } from "~/lib/db.server";
import { formatMoney } from "~/lib/money";
import { Visitor } from "../helpers/http";
import { joinShow } from "../helpers/live-socket";
import { ADDRESS } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let host: Visitor;
let show: { id: string };
let product: Awaited<ReturnType<typeof premiumProduct>>;

/** A product of a workshop with a premium, in the line-up of a live show. */
const premiumProduct = async () => {
  const item = await db.showItem.findFirstOrThrow({
    where: {
      show: { status: "live" },
      product: { preorder: false, status: "active", workshop: { premiumRateBp: { gt: 0 } } },
    },
    orderBy: { product: { workshop: { premiumRateBp: "desc" } } },
  });
  return db.product.findUniqueOrThrow({
    where: { id: item.productId },
    include: { workshop: true, variants: { orderBy: { position: "asc" } } },
  });
};

const yuan = (fen: number) => formatMoney(fen, "zh-CN");
const QTY = 3;

/** The money figure shown right after a label on a dashboard (the first ¥ amount after it). */
function figureAfter(html: string, label: string): number {
  const at = html.indexOf(label);
  expect(at, `label ${label}`).toBeGreaterThan(-1);
  const match = /¥([\d,]+)\.(\d\d)/.exec(html.slice(at));
  return Number(match![1].replace(/,/g, "")) * 100 + Number(match![2]);
}

async function dashboards() {
  const member = await db.workshopMember.findFirstOrThrow({
    where: { workshopId: product.workshop.id },
    include: { user: true },
  });
  const staff = await new Visitor(baseUrl).logIn(member.user.email);
  const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
  const workshopPage = await (await staff.get(`/studio/${product.workshop.slug}/dashboard`)).text();
  const impactPage = await (await new Visitor(baseUrl).get(`/workshops/${product.workshop.slug}/impact`)).text();
  const adminPage = await (await admin.get("/admin/dashboard")).text();
  return {
    workshop: figureAfter(workshopPage, "累计付给工人的共富价"),
    impact: figureAfter(impactPage, "工人拿到的共富价"),
    admin: figureAfter(adminPage, "累计付给工人的共富价"),
  };
}

/** Buys QTY of the variant as a guest through cart → checkout → local payment, checking each page on the way. */
async function buyAndCheck(variantId: string, unitPriceFen: number, extra: Record<string, string>) {
  const expected = linePremiumFen({ unitPriceFen, quantity: QTY, premiumRateBp: product.workshop.premiumRateBp });
  const sentence = `含共富价 ${yuan(expected)}，直达工人`;
  const guest = new Visitor(baseUrl);
  const added = await guest.post("/cart", { intent: "add", variantId, quantity: String(QTY), ...extra });
  expect(added.status).toBe(302);
  const cart = await (await guest.get("/cart")).text();
  expect(cart).toContain(sentence);
  expect(cart).toContain(`其中共富价溢价 ${yuan(expected)}`);
  const checkout = await (await guest.get("/checkout")).text();
  expect(checkout).toContain(sentence);
  expect(checkout).toContain(`其中共富价溢价 ${yuan(expected)}`);
  const before = await dashboards();
  const placed = await guest.post("/checkout", ADDRESS);
  expect(placed.status).toBe(302);
  const payUrl = new URL(placed.headers.get("location")!, baseUrl);
  const orderId = payUrl.pathname.split("/").pop()!;
  const token = payUrl.searchParams.get("token")!;
  expect((await guest.post(payUrl.pathname + payUrl.search, { outcome: "succeed", token })).status).toBe(302);

  const line = await db.orderLine.findFirstOrThrow({ where: { orderId } });
  expect(line.unitPriceFen).toBe(unitPriceFen);
  const ledger = await db.ledgerEntry.findFirstOrThrow({ where: { orderLineId: line.id, account: "workers_premium" } });
  expect(ledger.amountFen).toBe(expected);
  const orderPage = await (await guest.get(`/orders/${orderId}?token=${token}`)).text();
  expect(orderPage).toContain(sentence);
  expect(orderPage).toContain(`其中共富价溢价 ${yuan(expected)}`);
  const after = await dashboards();
  expect(after.workshop - before.workshop).toBe(expected);
  expect(after.impact - before.impact).toBe(expected);
  expect(after.admin - before.admin).toBe(expected);
  return expected;
}

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  product = await premiumProduct();
  const live = await db.show.findFirstOrThrow({
    where: { status: "live", items: { some: { productId: product.id } } },
    include: { host: { include: { user: true } } },
  });
  show = live;
  host = await new Visitor(baseUrl).logIn(live.host.user.email);
  const pinned = await host.post(`/host/shows/${show.id}`, { intent: "pin", productId: product.id });
  expect(pinned.status).toBeLessThan(400);
});

describe("the 共富价 premium shown for a line", () => {
  it("without a deal: the product page, pinned card (HTML and socket state), cart, checkout, order page, ledger and dashboards agree with the allocation", async () => {
    const variant = product.variants[0];
    const rate = product.workshop.premiumRateBp;
    const unit = linePremiumFen({ unitPriceFen: variant.priceFen, quantity: 1, premiumRateBp: rate });
    expect(unit).toBeGreaterThan(0);
    // The old product page showed price − market price, which is not what the ledger gives the workers.
    const productPage = await (await new Visitor(baseUrl).get(`/products/${product.slug}`)).text();
    expect(productPage).toContain(`多出的 ${yuan(unit)} 直接给`);
    const room = await (await new Visitor(baseUrl).get(`/live/${show.id}`)).text();
    expect(room).toContain(`其中 ${yuan(unit)} 直接给做工的人`);
    const viewer = await joinShow(baseUrl, show.id);
    const card = viewer.state.pin!.card;
    expect(card.productId).toBe(product.id);
    expect(viewer.state.deal).toBeNull();
    const shown = card.variants.find((v) => v.id === variant.id)!;
    expect(linePremiumFen({ unitPriceFen: shown.priceFen, quantity: 1, premiumRateBp: card.premiumRateBp })).toBe(unit);
    viewer.close();
    await buyAndCheck(variant.id, variant.priceFen, {});
  });

  it("with a live flash deal: every page shows the allocation of the deal price, not of the list price", async () => {
    const variant = product.variants[0];
    const rate = product.workshop.premiumRateBp;
    const dealFen = Math.round(variant.priceFen * 0.8);
    const viewer = await joinShow(baseUrl, show.id);
    const dealEvent = viewer.next<{ priceFen: number; variantId: string }>("deal");
    const started = await host.post(`/host/shows/${show.id}`, {
      intent: "deal",
      variantId: variant.id,
      price: "custom",
      customPrice: (dealFen / 100).toFixed(2),
      quantityCap: "20",
      durationSeconds: "600",
    });
    expect(started.status).toBeLessThan(400);
    const deal = await dealEvent;
    expect(deal).toMatchObject({ priceFen: dealFen, variantId: variant.id });
    const unit = linePremiumFen({ unitPriceFen: dealFen, quantity: 1, premiumRateBp: rate });
    expect(unit).not.toBe(linePremiumFen({ unitPriceFen: variant.priceFen, quantity: 1, premiumRateBp: rate }));
    const room = await (await new Visitor(baseUrl).get(`/live/${show.id}`)).text();
    expect(room).toContain(`其中 ${yuan(unit)} 直接给做工的人`);
    const rejoined = await joinShow(baseUrl, show.id);
    expect(rejoined.state.deal?.priceFen).toBe(dealFen);
    expect(
      linePremiumFen({
        unitPriceFen: rejoined.state.deal!.priceFen,
        quantity: 1,
        premiumRateBp: rejoined.state.pin!.card.premiumRateBp,
      }),
    ).toBe(unit);
    const dealRow = await db.flashDeal.findFirstOrThrow({
      where: { showId: show.id, variantId: variant.id, stoppedAt: null },
    });
    const pin = await db.pin.findFirstOrThrow({ where: { showId: show.id, unpinnedAt: null } });
    await buyAndCheck(variant.id, dealFen, { showId: show.id, pinId: pin.id, flashDealId: dealRow.id });
    viewer.close();
    rejoined.close();
  });
});
