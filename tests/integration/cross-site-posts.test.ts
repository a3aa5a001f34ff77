// Forms sent from anywhere but Cunbo's own pages change nothing and get a 403 page that says why, on every kind of
// endpoint: the lean buy-now endpoint, log-out and a Remix action. Real HTTP against the real server, with the
// headers browsers send (Origin, Sec-Fetch-Site).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { ADDRESS, liveTeaShow, variantBySku } from "../helpers/market";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let otherPort: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  const url = new URL(baseUrl);
  url.port = String(Number(url.port) + 1);
  otherPort = url.origin;
});

/** A form post as a browser sends it, with the given Origin and Sec-Fetch-Site (omitted when undefined). */
function postFrom(
  visitor: Visitor,
  path: string,
  fields: Record<string, string>,
  from: { origin?: string; fetchSite?: string },
) {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (from.origin !== undefined) headers.Origin = from.origin;
  if (from.fetchSite !== undefined) headers["Sec-Fetch-Site"] = from.fetchSite;
  return visitor.request(path, { method: "POST", body: new URLSearchParams(fields), headers });
}

async function shopper() {
  return new Visitor(baseUrl).logIn("shopper@cunbo.test");
}

async function ordersOf(email: string) {
  return db.order.count({ where: { user: { email } } });
}

async function cartQuantity(email: string, variantId: string) {
  const line = await db.cartLine.findFirst({ where: { variantId, cart: { user: { email } } } });
  return line?.quantity ?? 0;
}

async function buyNowFields() {
  const { show, pin, variant } = await liveTeaShow();
  return { ...ADDRESS, variantId: variant.id, quantity: "1", showId: show.id, pinId: pin.id, sheet: "1" };
}

async function expectRefusalPage(response: Response, text: string) {
  expect(response.status).toBe(403);
  expect(response.headers.get("content-type")).toContain("text/html");
  expect(response.headers.get("set-cookie")).toBeNull();
  expect(response.headers.get("cache-control")).toBe("no-store");
  const page = await response.text();
  expect(page).toContain(text);
  expect(page).not.toMatch(/at .*\.(js|ts):\d+/);
  return page;
}

describe("posts from another origin", () => {
  it("a buy-now form posted from a page on another port of the same host places no order in the visitor's name", async () => {
    const visitor = await shopper();
    const before = await ordersOf("shopper@cunbo.test");
    const response = await postFrom(visitor, "/buy-now", await buyNowFields(), {
      origin: otherPort,
      fetchSite: "same-site",
    });
    await expectRefusalPage(response, "这个表单是从别的网站");
    expect(await ordersOf("shopper@cunbo.test")).toBe(before);

    // Older browsers send no Sec-Fetch-Site: the Origin alone gives the other port away.
    const bare = await postFrom(visitor, "/buy-now", await buyNowFields(), { origin: otherPort });
    expect(bare.status).toBe(403);
    expect(await ordersOf("shopper@cunbo.test")).toBe(before);
  });

  it("a log-out forged from another site leaves the visitor logged in", async () => {
    const visitor = await shopper();
    const response = await postFrom(visitor, "/logout", {}, { origin: "http://evil.example", fetchSite: "cross-site" });
    await expectRefusalPage(response, "这个表单是从别的网站");
    expect((await visitor.get("/account")).status).toBe(200);
  });

  it("a Remix action (add to cart) posted from another port changes nothing", async () => {
    const visitor = await shopper();
    const umbrella = await variantBySku("NY-FD-NV");
    const before = await cartQuantity("shopper@cunbo.test", umbrella.id);
    const fields = { intent: "add", variantId: umbrella.id, quantity: "3" };
    const response = await postFrom(visitor, "/cart", fields, { origin: otherPort });
    await expectRefusalPage(response, "这个表单是从别的网站");
    // The single-fetch form of the same action, as a script on the other page would send it.
    const data = await postFrom(visitor, "/cart.data", fields, { origin: otherPort, fetchSite: "same-site" });
    expect(data.status).toBe(403);
    expect(await cartQuantity("shopper@cunbo.test", umbrella.id)).toBe(before);
  });

  it("a form whose origin the browser hid (Origin: null) from another site is refused", async () => {
    const visitor = await shopper();
    const umbrella = await variantBySku("NY-FD-NV");
    const before = await cartQuantity("shopper@cunbo.test", umbrella.id);
    const fields = { intent: "add", variantId: umbrella.id, quantity: "1" };
    const crossSite = await postFrom(visitor, "/cart", fields, { origin: "null", fetchSite: "cross-site" });
    await expectRefusalPage(crossSite, "这个表单是从别的网站");
    const logout = await postFrom(visitor, "/logout", {}, { origin: "null", fetchSite: "cross-site" });
    expect(logout.status).toBe(403);
    const orders = await ordersOf("shopper@cunbo.test");
    const buy = await postFrom(visitor, "/buy-now", await buyNowFields(), { origin: "null", fetchSite: "cross-site" });
    expect(buy.status).toBe(403);

    // Without Sec-Fetch-Site nothing vouches for it: refused, saying the origin was hidden.
    const unvouched = await postFrom(visitor, "/cart", fields, { origin: "null" });
    await expectRefusalPage(unvouched, "浏览器没有告诉我们这个表单来自哪个页面");

    expect(await cartQuantity("shopper@cunbo.test", umbrella.id)).toBe(before);
    expect(await ordersOf("shopper@cunbo.test")).toBe(orders);
    expect((await visitor.get("/account")).status).toBe(200);
  });

  it("the refusal page is in the visitor's language", async () => {
    const visitor = new Visitor(baseUrl);
    await visitor.post("/set-locale", { locale: "en", redirectTo: "/" });
    const response = await postFrom(visitor, "/logout", {}, { origin: "http://evil.example" });
    const page = await expectRefusalPage(response, "This form was sent from another website");
    expect(page).not.toContain("这个表单");
  });
});

describe("posts from Cunbo's own pages", () => {
  it("go ahead with the page's real Origin, or with Origin: null when the browser vouches Sec-Fetch-Site: same-origin", async () => {
    const visitor = await shopper();
    const umbrella = await variantBySku("NY-FD-NV");
    const before = await cartQuantity("shopper@cunbo.test", umbrella.id);
    const fields = { intent: "add", variantId: umbrella.id, quantity: "1" };
    const real = await postFrom(visitor, "/cart", fields, { origin: baseUrl, fetchSite: "same-origin" });
    expect(real.status).toBe(302);
    // What a page served with Referrer-Policy: no-referrer sends (every page did, before this was fixed).
    const hidden = await postFrom(visitor, "/cart", fields, { origin: "null", fetchSite: "same-origin" });
    expect(hidden.status).toBe(302);
    expect(await cartQuantity("shopper@cunbo.test", umbrella.id)).toBe(before + 2);

    const orders = await ordersOf("shopper@cunbo.test");
    const buy = await postFrom(visitor, "/buy-now", await buyNowFields(), { origin: "null", fetchSite: "same-origin" });
    expect(buy.status).toBe(200);
    expect(await ordersOf("shopper@cunbo.test")).toBe(orders + 1);

    const logout = await postFrom(visitor, "/logout", {}, { origin: "null", fetchSite: "same-origin" });
    expect(logout.status).toBe(302);
    expect((await visitor.get("/account")).status).toBe(302);
  });
});
