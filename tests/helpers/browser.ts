// Debian's Chromium driven by playwright-core, with the flags this machine's closed network needs.
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterAll } from "vitest";

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/** `extraArgs`: flags one test needs (a fake camera), on top of the machine's. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
  afterAll(() => browser.close());
  return browser;
}

export async function newContext(browser: Browser, baseURL: string, viewport = PHONE): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport, locale: "zh-CN" });
}

/** Logs in through the real form, as a person would. */
export async function logIn(context: BrowserContext, email: string, password: string) {
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(/邮箱|Email/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole("button", { name: /^(登录|Log in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}
