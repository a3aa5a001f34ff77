import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { liveTeaShow, variantBySku } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

async function cartOf(email: string) {
  return db.cart.findFirst({ where: { user: { email } }, include: { lines: true } });
}

describe("cart", () => {
  it("keeps a guest's lines with the show and pin that led to them", async () => {
    const { show, pin, variant } = await liveTeaShow();
    const guest = new Visitor(baseUrl);
    const added = await guest.post("/cart", {
      intent: "add",
      variantId: variant.id,
      quantity: "2",
      showId: show.id,
      pinId: pin.id,
    });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe("/cart");
    const page = await (await guest.get("/cart")).text();
    expect(page).toContain(pin.product.titleZh);
    const line = await db.cartLine.findFirstOrThrow({
      where: { variantId: variant.id, cart: { guestToken: { not: null } } },
    });
    expect(line).toMatchObject({ quantity: 2, showId: show.id, pinId: pin.id });
  });

  it("adds up repeated adds, updates and removes lines, and follows a same-site redirectTo", async () => {
    const umbrella = await variantBySku("NY-FD-NV");
    const guest = new Visitor(baseUrl);
    await guest.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "1" });
    const again = await guest.post("/cart", {
      intent: "add",
      variantId: umbrella.id,
      quantity: "2",
      redirectTo: "/checkout?sheet=1",
    });
    expect(again.headers.get("location")).toBe("/checkout?sheet=1");
    const offsite = await guest.post("/cart", {
      intent: "add",
      variantId: umbrella.id,
      quantity: "1",
      redirectTo: "//evil.example",
    });
    expect(offsite.headers.get("location")).toBe("/cart");
    const line = await db.cartLine.findFirstOrThrow({
      where: { variantId: umbrella.id },
      orderBy: { updatedAt: "desc" },
    });
    expect(line.quantity).toBe(4);
    expect((await guest.post("/cart", { intent: "update", lineId: line.id, quantity: "7" })).status).toBe(302);
    expect((await db.cartLine.findUniqueOrThrow({ where: { id: line.id } })).quantity).toBe(7);
    expect((await guest.post("/cart", { intent: "remove", lineId: line.id })).status).toBe(302);
    expect(await db.cartLine.findUnique({ where: { id: line.id } })).toBeNull();
  });

  it("refuses unknown variants, out-of-range quantities and prices with a message", async () => {
    const umbrella = await variantBySku("NY-FD-PK");
    const guest = new Visitor(baseUrl);
    const unknown = await guest.post("/cart", { intent: "add", variantId: "no-such-variant", quantity: "1" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("找不到这个商品规格");
    for (const quantity of ["0", "100", "1.5", "-3", "lots"]) {
      const bad = await guest.post("/cart", { intent: "add", variantId: umbrella.id, quantity });
      expect(bad.status, `quantity ${quantity}`).toBe(400);
      expect(await bad.text()).toContain("数量需为 1–99 的整数");
    }
    const priced = await guest.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "1", priceFen: "1" });
    expect(priced.status).toBe(400);
    expect(await priced.text()).toContain("价格、金额和运费都由村播计算");
    const someoneElses = await guest.post("/cart", { intent: "remove", lineId: "not-my-line" });
    expect(someoneElses.status).toBe(404);
  });

  it("merges a guest's cart into the shopper's own cart at log-in", async () => {
    const umbrella = await variantBySku("NY-FD-GN");
    const tea = await variantBySku("TF-MQ-100");
    const shopper = new Visitor(baseUrl);
    await shopper.logIn("shopper@cunbo.test");
    await shopper.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "1" });
    await shopper.post("/logout", {});

    const { show } = await liveTeaShow();
    await shopper.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "2" });
    await shopper.post("/cart", { intent: "add", variantId: tea.id, quantity: "1", showId: show.id });
    await shopper.logIn("shopper@cunbo.test");
    const cart = await cartOf("shopper@cunbo.test");
    const byVariant = Object.fromEntries(cart!.lines.map((l) => [l.variantId, l]));
    expect(byVariant[umbrella.id].quantity).toBe(3);
    expect(byVariant[tea.id]).toMatchObject({ quantity: 1, showId: show.id });
    expect(await db.cart.count({ where: { userId: null, lines: { some: { variantId: tea.id } } } })).toBe(0);
  });
});
