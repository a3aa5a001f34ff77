// Sessions that can be ended: log-out, log-in on a fresh id, "log out everywhere", and an admin's doing.
import { createCookie } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { variantBySku } from "../helpers/market";
import { startTestServer } from "../helpers/server";
import { newShopper, SHOPPER_PASSWORD } from "../helpers/shoppers";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

const PASSWORD = SHOPPER_PASSWORD;
const person = () => newShopper("device");

/** Someone else holding a copy of a cookie (a shared computer, a stolen one). */
function withCookie(cookie: string, path: string) {
  return fetch(new URL(path, baseUrl), { headers: { Cookie: cookie }, redirect: "manual" });
}

/** The session id inside a signed session cookie, read with Remix's own cookie and the test's secret. */
async function sessionIdOf(cookieHeader: string): Promise<unknown> {
  const cookie = createCookie("__session", { secrets: [process.env.SESSION_SECRET as string] });
  return cookie.parse(cookieHeader);
}

const opensAccount = async (cookie: string) => (await withCookie(cookie, "/account")).status === 200;

describe("sessions", () => {
  it("logging out ends the session: a copy of the old cookie no longer opens /account", async () => {
    const visitor = await new Visitor(baseUrl).logIn(await person(), PASSWORD);
    const copy = visitor.cookieHeader();
    expect(await opensAccount(copy)).toBe(true);
    expect((await visitor.post("/logout", {})).status).toBe(302);
    expect(await opensAccount(copy)).toBe(false);
  });

  it("logging in starts on a new session id, so an id planted before log-in is never signed in", async () => {
    const umbrella = await variantBySku("NY-FD-NV");
    const guest = new Visitor(baseUrl);
    await guest.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "1" });
    const planted = guest.cookieHeader();
    const plantedId = await sessionIdOf(planted);
    expect(typeof plantedId).toBe("string");
    expect(await db.session.findUnique({ where: { id: plantedId as string } })).not.toBeNull();

    const email = await person();
    await guest.logIn(email, PASSWORD);
    const signedInId = await sessionIdOf(guest.cookieHeader());
    expect(signedInId).not.toBe(plantedId);
    expect(await db.session.findUnique({ where: { id: plantedId as string } })).toBeNull();
    const row = await db.session.findUniqueOrThrow({ where: { id: signedInId as string }, include: { user: true } });
    expect(row.user?.email).toBe(email);
    expect(await opensAccount(planted)).toBe(false);
  });

  it("a guest's cart comes along at log-in", async () => {
    const umbrella = await variantBySku("NY-FD-NV");
    const guest = new Visitor(baseUrl);
    await guest.post("/cart", { intent: "add", variantId: umbrella.id, quantity: "3" });
    const email = await person();
    await guest.logIn(email, PASSWORD);
    const cart = await db.cart.findFirstOrThrow({ where: { user: { email } }, include: { lines: true } });
    expect(cart.lines).toMatchObject([{ variantId: umbrella.id, quantity: 3 }]);
  });

  it("the account page lists each signed-in device with its browser and marks this one", async () => {
    const email = await person();
    const phone = new Visitor(baseUrl);
    await phone.request("/login", {
      method: "POST",
      body: new URLSearchParams({ email, password: PASSWORD }),
      headers: { Origin: baseUrl, "User-Agent": "CunboPhone/1.0 (Android)" },
    });
    const laptop = await new Visitor(baseUrl).logIn(email, PASSWORD);
    const page = await (await laptop.get("/account")).text();
    expect(page).toContain("CunboPhone/1.0 (Android)");
    expect(page).toContain("本机");
    expect(page).toContain("退出所有设备");
  });

  it("logging out everywhere ends the session on another device too", async () => {
    const email = await person();
    const phone = await new Visitor(baseUrl).logIn(email, PASSWORD);
    const laptop = await new Visitor(baseUrl).logIn(email, PASSWORD);
    const phoneCookie = phone.cookieHeader();
    const done = await laptop.post("/account", { intent: "logout-everywhere" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login");
    expect(await opensAccount(phoneCookie)).toBe(false);
    expect((await laptop.get("/account")).status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("an admin ends every session of a user from the admin desk; no one else can", async () => {
    const email = await person();
    const phone = await new Visitor(baseUrl).logIn(email, PASSWORD);
    const laptop = await new Visitor(baseUrl).logIn(email, PASSWORD);

    const notAdmin = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
    expect((await notAdmin.post("/admin", { intent: "end-sessions", email })).status).toBe(403);
    expect(await opensAccount(phone.cookieHeader())).toBe(true);

    const admin = await new Visitor(baseUrl).logIn("admin@cunbo.test");
    const unknown = await admin.post("/admin", { intent: "end-sessions", email: "nobody@sessions.test" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("没有使用这个邮箱的账户");
    const ended = await admin.post("/admin", { intent: "end-sessions", email: email.toUpperCase() });
    expect(ended.status).toBe(302);
    expect(ended.headers.get("location")).toBe("/admin?done=sessions-ended");
    expect(await opensAccount(phone.cookieHeader())).toBe(false);
    expect(await opensAccount(laptop.cookieHeader())).toBe(false);
    expect(await opensAccount(admin.cookieHeader())).toBe(true);
  });

  it("a session past its expiry, a made-up cookie and a forged id all count as a visitor, not an error", async () => {
    const email = await person();
    const visitor = await new Visitor(baseUrl).logIn(email, PASSWORD);
    const id = (await sessionIdOf(visitor.cookieHeader())) as string;
    // Thirty days pass.
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await opensAccount(visitor.cookieHeader())).toBe(false);

    const forged = await createCookie("__session", { secrets: ["not-the-secret-0123456789"] }).serialize(id);
    for (const cookie of ["__session=garbage", "__session=", forged.split(";")[0]]) {
      const account = await withCookie(cookie, "/account");
      expect(account.status).toBe(302);
      expect((await withCookie(cookie, "/")).status).toBe(200);
    }
  });

  it("a cookie signed before sessions moved into the table is a visitor's, who can still shop", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: await person() } });
    const legacy = await createCookie("__session", { secrets: [process.env.SESSION_SECRET as string] }).serialize({
      userId: user.id,
    });
    const cookie = legacy.split(";")[0];
    expect((await withCookie(cookie, "/")).status).toBe(200);
    expect(await opensAccount(cookie)).toBe(false);
    const umbrella = await variantBySku("NY-FD-NV");
    const added = await fetch(new URL("/cart", baseUrl), {
      method: "POST",
      body: new URLSearchParams({ intent: "add", variantId: umbrella.id, quantity: "1" }),
      headers: { Cookie: cookie, Origin: baseUrl },
      redirect: "manual",
    });
    expect(added.status).toBe(302);
    expect(typeof (await sessionIdOf(added.headers.get("set-cookie") ?? ""))).toBe("string");
  });
});
