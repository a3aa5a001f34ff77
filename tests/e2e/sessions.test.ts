// In a browser with JavaScript: the log-in form's refusal after too many misses, and "log out everywhere".
import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { signUp } from "~/domain/accounts/accounts.server";
import { DESKTOP, launchBrowser, logIn, newContext, PHONE } from "../helpers/browser";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let browser: Browser;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  browser = await launchBrowser();
});

const PASSWORD = "a-long-password";

describe("sessions in the browser", () => {
  it("after too many wrong passwords the form says, beside itself, when to try again", async () => {
    const email = "guessed@sessions-e2e.test";
    await signUp({ email, name: "被猜的人", password: PASSWORD, role: "shopper" });
    const context = await newContext(browser, baseUrl, PHONE);
    const page = await context.newPage();
    await page.goto("/login");
    // Scripted submits go to /login.data; the refusal must come back there too, as a message, not an error page.
    const alert = page.getByRole("alert");
    for (let i = 0; i < 8; i++) {
      await page.getByLabel("邮箱").fill(email);
      await page.getByLabel("密码").fill(`wrong-${i}`);
      const answered = page.waitForResponse((response) => response.url().includes("/login.data"));
      await page.getByRole("button", { name: "登录" }).click();
      await answered;
    }
    await expect(alert.textContent()).resolves.toMatch(/尝试次数太多，请 \d+ 秒后再试。/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it("log out everywhere on one computer signs the phone out too", async () => {
    const email = "two-devices@sessions-e2e.test";
    await signUp({ email, name: "两台设备", password: PASSWORD, role: "shopper" });
    const phone = await newContext(browser, baseUrl, PHONE);
    const laptop = await newContext(browser, baseUrl, DESKTOP);
    await logIn(phone, email, PASSWORD);
    const laptopPage = await logIn(laptop, email, PASSWORD);

    await laptopPage.goto("/account");
    await laptopPage.getByRole("heading", { name: "登录的设备" }).waitFor();
    expect(await laptopPage.getByText("本机").count()).toBe(1);
    await laptopPage.getByRole("button", { name: "退出所有设备" }).click();
    await laptopPage.waitForURL("**/login");

    const phonePage = await phone.newPage();
    await phonePage.goto("/account");
    await phonePage.waitForURL("**/login?redirectTo=%2Faccount");
    await Promise.all([phone.close(), laptop.close()]);
  });
});
