import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
});

describe("accounts", () => {
  it("signs up a shopper, stores an Argon2id hash and keeps them signed in", async () => {
    const visitor = new Visitor(baseUrl);
    const response = await visitor.post("/signup", {
      name: "王阿姨",
      email: "Wang.Ayi@Example.com",
      password: "a-long-password",
      role: "shopper",
      redirectTo: "/",
    });
    expect(response.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: "wang.ayi@example.com" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const home = await (await visitor.get("/")).text();
    expect(home).toContain("王阿姨");
  });

  it("refuses a short password and a taken email with messages beside the fields", async () => {
    const visitor = new Visitor(baseUrl);
    const short = await visitor.post("/signup", {
      name: "x",
      email: "new@example.com",
      password: "short",
      role: "shopper",
    });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("密码至少 8 位");
    const taken = await visitor.post("/signup", {
      name: "x",
      email: "shopper@cunbo.test",
      password: "a-long-password",
      role: "shopper",
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("这个邮箱已注册");
  });

  it("a host applicant starts as a pending host", async () => {
    const visitor = new Visitor(baseUrl);
    await visitor.post("/signup", {
      name: "陈师傅",
      email: "chen@example.com",
      password: "a-long-password",
      role: "host",
      village: "径山村",
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: "chen@example.com" }, include: { host: true } });
    expect(user.host?.status).toBe("pending");
  });

  it("logs in with the right password only, and logs out", async () => {
    const visitor = new Visitor(baseUrl);
    const wrong = await visitor.post("/login", { email: "shopper@cunbo.test", password: "wrong-password" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("邮箱或密码不正确");
    await visitor.logIn("shopper@cunbo.test");
    expect(await (await visitor.get("/")).text()).toContain("李小梅");
    expect((await visitor.post("/logout", {})).status).toBe(302);
    expect(await (await visitor.get("/")).text()).not.toContain("李小梅");
  });

  it("never redirects off-site after log-in", async () => {
    const visitor = new Visitor(baseUrl);
    const response = await visitor.post("/login", {
      email: "shopper@cunbo.test",
      password: "cunbo2026",
      redirectTo: "//evil.example/steal",
    });
    expect(response.headers.get("location")).toBe("/");
  });
});
