// The shopper's address book and buying with it in one tap, over real HTTP against the real server: add, edit,
// default switching (one default, also in the database), someone else's address refused everywhere, bad input
// answered beside its field, a one-tap buy shipping to the saved address at the server's price, a first
// checkout filling the book, and the cart's − / + steppers held to their bounds and the stock.
import { beforeAll, describe, expect, it } from "vitest";
import { priceItems } from "~/domain/checkout/pricing.server";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { ADDRESS, liveTeaShow } from "../helpers/market";
import { newShopper, SHOPPER_PASSWORD } from "../helpers/shoppers";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const HOME = {
  contactName: "王阿姨",
  phone: "13812345678",
  province: "浙江省",
  city: "杭州市",
  district: "余杭区",
  street: "径山镇径山村 12 号",
};

async function signedInShopper() {
  const email = await newShopper("book");
  const visitor = await new Visitor(baseUrl).logIn(email, SHOPPER_PASSWORD);
  return { visitor, user: await db.user.findUniqueOrThrow({ where: { email } }) };
}

const bookOf = (userId: string) => db.address.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const defaultsOf = async (userId: string) => (await bookOf(userId)).filter((a) => a.isDefault).map((a) => a.street);

async function newVariant(stock: number, priceFen = 6800) {
  const { pin } = await liveTeaShow();
  return db.variant.create({
    data: {
      productId: pin.productId,
      sku: `BOOK-${Math.random().toString(36).slice(2)}`,
      nameZh: "直播专享装",
      nameEn: "Live pack",
      priceFen,
      stock,
    },
  });
}

async function buyNow(visitor: Visitor, fields: Record<string, string>) {
  const response = await visitor.post("/buy-now", fields);
  return { status: response.status, answer: (await response.json()) as { redirectTo?: string; reply?: unknown } };
}

const orderIdOf = (redirectTo: string) => new URL(redirectTo, baseUrl).pathname.split("/").pop()!;

describe("the address book", () => {
  it("adds addresses, edits one and switches the default, with exactly one default throughout", async () => {
    const { visitor, user } = await signedInShopper();
    const first = await visitor.post("/account/addresses/new", HOME);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/account/addresses?notice=added");
    // The first address is the default by itself.
    expect(await defaultsOf(user.id)).toEqual([HOME.street]);

    await visitor.post("/account/addresses/new", { ...HOME, street: "良渚街道 2 号" });
    expect(await defaultsOf(user.id)).toEqual([HOME.street]);
    await visitor.post("/account/addresses/new", { ...HOME, street: "仓前街道 3 号", makeDefault: "on" });
    expect(await defaultsOf(user.id)).toEqual(["仓前街道 3 号"]);

    const [home, second] = await bookOf(user.id);
    const switched = await visitor.post("/account/addresses", { intent: "default", addressId: second.id });
    expect(switched.headers.get("location")).toBe("/account/addresses?notice=default");
    expect(await defaultsOf(user.id)).toEqual(["良渚街道 2 号"]);

    const edited = await visitor.post(`/account/addresses/${home.id}`, { ...HOME, city: "湖州市", district: "安吉县" });
    expect(edited.status).toBe(302);
    expect(await db.address.findUniqueOrThrow({ where: { id: home.id } })).toMatchObject({
      city: "湖州市",
      district: "安吉县",
      isDefault: false,
    });

    // The list shows the default first.
    const page = await (await visitor.get("/account/addresses")).text();
    expect(page.indexOf("良渚街道 2 号")).toBeGreaterThan(-1);
    expect(page.indexOf("良渚街道 2 号")).toBeLessThan(page.indexOf(HOME.street));

    // Deleting the default hands it to another address: still exactly one.
    await visitor.post("/account/addresses", { intent: "delete", addressId: second.id });
    expect(await bookOf(user.id)).toHaveLength(2);
    expect(await defaultsOf(user.id)).toHaveLength(1);
  });

  it("the database itself refuses a second default address for one shopper", async () => {
    const { visitor, user } = await signedInShopper();
    await visitor.post("/account/addresses/new", HOME);
    const { contactName, ...where } = HOME;
    await expect(
      db.address.create({ data: { userId: user.id, recipientName: contactName, ...where, isDefault: true } }),
    ).rejects.toThrow();
    expect(await defaultsOf(user.id)).toHaveLength(1);
  });

  it("refuses someone else's address on every page, form and in a one-tap buy; a guest's address id is forbidden", async () => {
    const owner = await signedInShopper();
    await owner.visitor.post("/account/addresses/new", HOME);
    const [theirs] = await bookOf(owner.user.id);
    const other = await signedInShopper();

    expect((await other.visitor.get(`/account/addresses/${theirs.id}`)).status).toBe(404);
    expect(
      (await other.visitor.post(`/account/addresses/${theirs.id}`, { ...HOME, street: "别人的街 9 号" })).status,
    ).toBe(404);
    expect((await other.visitor.post("/account/addresses", { intent: "delete", addressId: theirs.id })).status).toBe(
      404,
    );
    expect((await other.visitor.post("/account/addresses", { intent: "default", addressId: theirs.id })).status).toBe(
      404,
    );
    expect(await db.address.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      street: HOME.street,
      isDefault: true,
    });

    const variant = await newVariant(5);
    const stolen = await buyNow(other.visitor, { variantId: variant.id, addressId: theirs.id, sheet: "1" });
    expect(stolen.status).toBe(404);
    const guest = await buyNow(new Visitor(baseUrl), { variantId: variant.id, addressId: theirs.id });
    expect(guest.status).toBe(403);
    expect(await db.order.count({ where: { lines: { some: { variantId: variant.id } } } })).toBe(0);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(5);
  });

  it("answers bad input with 400 and the reason beside its field, saving nothing", async () => {
    const { visitor, user } = await signedInShopper();
    const badPhone = await visitor.post("/account/addresses/new", { ...HOME, phone: "12345" });
    expect(badPhone.status).toBe(400);
    const html = await badPhone.text();
    const input = html.match(/<input[^>]*name="phone"[^>]*>/)?.[0] ?? "";
    const describedBy = input.match(/aria-describedby="([^"]+)"/)?.[1] ?? "";
    expect(input).toContain('aria-invalid="true"');
    expect(describedBy).not.toBe("");
    expect(html).toMatch(new RegExp(`id="${describedBy}"[^>]*>请填写 11 位中国大陆手机号`));

    for (const [field, value] of [
      ["province", "火星"],
      ["street", "ab"],
      ["contactName", ""],
      ["city", "x".repeat(31)],
    ]) {
      const answer = await visitor.post("/account/addresses/new", { ...HOME, [field]: value });
      expect(answer.status, field).toBe(400);
      const control = (await answer.text()).match(new RegExp(`<(?:input|select)[^>]*name="${field}"[^>]*>`))?.[0];
      expect(control, field).toContain('aria-invalid="true"');
    }
    expect(await bookOf(user.id)).toHaveLength(0);
    // A visitor who is not signed in is sent to log in.
    const guest = await new Visitor(baseUrl).post("/account/addresses/new", HOME);
    expect(guest.status).toBe(302);
    expect(guest.headers.get("location")).toMatch(/^\/login\?/);
  });
});

describe("buying in one tap", () => {
  it("places the order with the saved address (whatever else the client sends) at the server's price", async () => {
    const { visitor, user } = await signedInShopper();
    await visitor.post("/account/addresses/new", { ...HOME, makeDefault: "on" });
    const [saved] = await bookOf(user.id);
    const { show, pin } = await liveTeaShow();
    const variant = await newVariant(5, 3300);
    const item = { variantId: variant.id, quantity: "2", showId: show.id, pinId: pin.id };

    const expected = await priceItems([{ variantId: variant.id, quantity: 2, showId: show.id, pinId: pin.id }]);
    // 2 × ¥33.00 is below free shipping: the standard parcel is added.
    expect(expected.totalFen).toBe(2 * 3300 + expected.shippingFen);
    expect(expected.shippingFen).toBeGreaterThan(0);
    const quoted = (await (await visitor.get(`/checkout/quote?${new URLSearchParams(item)}`)).json()) as {
      totalFen: number;
      quote: string;
    };
    expect(quoted.totalFen).toBe(expected.totalFen);

    const { status, answer } = await buyNow(visitor, {
      ...item,
      addressId: saved.id,
      quote: quoted.quote,
      submission: "one-tap-1",
      sheet: "1",
      // Another address sent beside the id changes nothing: the saved one is used.
      contactName: "冒名的人",
      phone: "13900000000",
      street: "别处 1 号",
    });
    expect(status).toBe(200);
    expect(new URL(answer.redirectTo!, baseUrl).pathname).toMatch(/^\/pay\/local\//);
    const order = await db.order.findUniqueOrThrow({
      where: { id: orderIdOf(answer.redirectTo!) },
      include: { lines: true },
    });
    expect(order).toMatchObject({
      userId: user.id,
      status: "pending_payment",
      contactName: HOME.contactName,
      phone: HOME.phone,
      province: HOME.province,
      city: HOME.city,
      district: HOME.district,
      street: HOME.street,
      totalFen: expected.totalFen,
      shippingFen: expected.shippingFen,
    });
    expect(order.lines.map((l) => [l.variantId, l.quantity, l.unitPriceFen])).toEqual([[variant.id, 2, 3300]]);
    // A one-tap buy adds nothing to the book.
    expect(await bookOf(user.id)).toHaveLength(1);

    // Money from the client is refused, and a quote of other prices places nothing.
    expect((await buyNow(visitor, { ...item, addressId: saved.id, unitPriceFen: "1" })).status).toBe(400);
    const stale = await buyNow(visitor, { ...item, quantity: "1", addressId: saved.id, quote: quoted.quote });
    expect(stale.status).toBe(409);
  });

  it("a shopper's first checkout typed by hand fills the address book, as the default", async () => {
    const { visitor, user } = await signedInShopper();
    const variant = await newVariant(10);
    const first = await buyNow(visitor, { ...ADDRESS, variantId: variant.id });
    expect(first.status).toBe(200);
    expect(await bookOf(user.id)).toMatchObject([
      { recipientName: ADDRESS.contactName, phone: ADDRESS.phone, street: ADDRESS.street, isDefault: true },
    ]);
    // The same address again is not saved twice; a new one joins the book, the first staying the default.
    await buyNow(visitor, { ...ADDRESS, variantId: variant.id, submission: "again" });
    await buyNow(visitor, { ...ADDRESS, street: "递铺街道 8 号", variantId: variant.id, submission: "new" });
    expect((await bookOf(user.id)).map((a) => [a.street, a.isDefault])).toEqual([
      [ADDRESS.street, true],
      ["递铺街道 8 号", false],
    ]);
    // The checkout page starts from the default address.
    const page = await (await visitor.get(`/checkout?variantId=${variant.id}`)).text();
    expect(page).toMatch(
      new RegExp(`name="street"[^>]*value="${ADDRESS.street}"|value="${ADDRESS.street}"[^>]*name="street"`),
    );
  });
});

describe("the cart's steppers", () => {
  it("post the next quantity, held by the server to 1–99 and the stock; the header counts the cart", async () => {
    const variant = await newVariant(3);
    const guest = new Visitor(baseUrl);
    await guest.post("/cart", { intent: "add", variantId: variant.id, quantity: "2" });
    const line = await db.cartLine.findFirstOrThrow({ where: { variantId: variant.id } });

    const page = await (await guest.get("/cart")).text();
    expect(page).toMatch(/<button[^>]*name="quantity"[^>]*value="1"[^>]*aria-label="[^"]*减少一件"/);
    expect(page).toMatch(/<button[^>]*name="quantity"[^>]*value="3"[^>]*aria-label="[^"]*增加一件"/);
    expect(page).toMatch(/data-testid="cart-count"[^>]*>2</);

    const step = (quantity: string) => guest.post("/cart", { intent: "update", lineId: line.id, quantity });
    expect((await step("3")).status).toBe(302);
    const tooMany = await step("4");
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("库存只剩 3 件");
    for (const bad of ["0", "-1", "100", "1.5", "x"]) expect((await step(bad)).status, bad).toBe(400);
    expect((await db.cartLine.findUniqueOrThrow({ where: { id: line.id } })).quantity).toBe(3);

    // Fewer always works, even of something that has since run short.
    await db.variant.update({ where: { id: variant.id }, data: { stock: 1 } });
    expect((await step("2")).status).toBe(302);
    expect((await db.cartLine.findUniqueOrThrow({ where: { id: line.id } })).quantity).toBe(2);
    expect(await (await guest.get("/")).text()).toMatch(/data-testid="cart-count"[^>]*>2</);
  });

  it("an add from the product page without JavaScript comes back to the page, at its form, saying so", async () => {
    const variant = await newVariant(5);
    const product = await db.product.findUniqueOrThrow({ where: { id: variant.productId } });
    const guest = new Visitor(baseUrl);
    const added = await guest.post("/cart", {
      intent: "add",
      variantId: variant.id,
      quantity: "1",
      answer: "page",
      redirectTo: `/products/${product.slug}?variant=${variant.id}`,
    });
    expect(added.status).toBe(302);
    const location = added.headers.get("location")!;
    expect(location).toBe(`/products/${product.slug}?variant=${variant.id}&added=1#add-to-cart`);
    const page = await (await guest.get(location.split("#")[0])).text();
    expect(page).toContain("已加入购物车");
    expect(page).toMatch(/data-testid="cart-count"[^>]*>1</);
  });
});
