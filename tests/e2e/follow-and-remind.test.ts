// A shopper on a phone follows the host and sets a reminder in a scheduled live room, hears when it goes live
// through the bell, and opens the notice back into the room.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShow, goLive } from "~/domain/live/shows.server";
import { db } from "~/lib/db.server";
import { startJobs, type RunningJobs } from "../../server/jobs";
import { launchBrowser, logIn, newContext, PHONE } from "../helpers/browser";
import { startTestServer } from "../helpers/server";
import { newShopper, SHOPPER_PASSWORD } from "../helpers/shoppers";

let baseUrl: string;
let browser: Browser;
let jobs: RunningJobs;
beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  jobs = await startJobs(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5 });
  browser = await launchBrowser();
});
afterAll(() => jobs.stop());

describe("follow and remind me in the live room", () => {
  it("follows the host and sets a reminder in place, then the bell tells of the show going live", async () => {
    const host = await db.host.findFirstOrThrow({ where: { user: { email: "host.tea@cunbo.test" } } });
    const product = await db.product.findFirstOrThrow({
      where: { status: "active", workshop: { status: "approved" } },
    });
    const title = "茶婆婆教你泡径山茶";
    const { id: showId } = await createShow(host.id, {
      title,
      coverImage: null,
      scheduledAt: new Date(Date.now() + 60 * 60_000),
      playback: null,
      productIds: [product.id],
    });
    const email = await newShopper("roomfan");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const context = await newContext(browser, baseUrl, PHONE);
    const errors: string[] = [];
    const page = await logIn(context, email, SHOPPER_PASSWORD);
    page.on("pageerror", (error) => errors.push(`${page.url()} ${error.message.slice(0, 40)}`));

    await page.goto(`/live/${showId}`);
    // Each name is the visible word, then (read out only) whom it is about and what a tap does.
    const follow = page.getByRole("button", { name: new RegExp(`^关注\\s*主播 ${host.displayNameZh}$`) });
    await follow.click();
    const unfollow = page.getByRole("button", {
      name: new RegExp(`^已关注\\s*，点按取消关注主播 ${host.displayNameZh}$`),
    });
    await unfollow.waitFor();
    expect(await unfollow.getAttribute("aria-pressed")).toBe("true");
    expect(await unfollow.evaluate((el) => el.firstChild?.textContent)).toBe("已关注");
    await page.getByRole("button", { name: /^预约\s*，开播时提醒我$/ }).click();
    await page.getByRole("button", { name: /^已预约\s*，点按取消预约$/ }).waitFor();
    // Answered in place (a fetcher), not by reloading the room.
    expect(page.url()).toBe(`${baseUrl}/live/${showId}`);
    // The buttons turn at once (optimistic UI); the rows follow when the posts are answered.
    await expect.poll(() => db.follow.count({ where: { userId: user.id, hostId: host.id } })).toBe(1);
    await expect.poll(() => db.reminder.count({ where: { userId: user.id, showId } })).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The host goes live; the shopper, still in the room, is counted as a reminded viewer who came.
    await goLive(showId);
    await expect
      .poll(async () => (await db.reminder.findFirstOrThrow({ where: { userId: user.id, showId } })).cameAt, {
        timeout: 15_000,
      })
      .not.toBeNull();
    await expect.poll(() => db.notice.count({ where: { userId: user.id } }), { timeout: 15_000 }).toBe(1);

    await page.goto("/");
    const bell = page.getByRole("link", { name: "消息，1 条未读" });
    await bell.click();
    await page.waitForURL("**/notices");
    await page.getByRole("heading", { level: 1, name: "消息" }).waitFor();
    await page.getByRole("button", { name: new RegExp(`你预约的直播开始了.*${title}`) }).click();
    await page.waitForURL(`**/live/${showId}`);
    expect((await db.notice.findFirstOrThrow({ where: { userId: user.id } })).readAt).not.toBeNull();
    await page.goto("/");
    await page.getByRole("link", { name: "消息", exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
