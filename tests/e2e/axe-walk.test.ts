// axe-core in Chromium over every page, as every kind of visitor, in both languages, and over the live room with
// its buy sheet open (and the checkout inside it): no violation of serious or critical impact.
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpWalk, walkPages, type WalkPlan } from "../helpers/page-walk";

let baseUrl: string;
let browser: Browser;
let plan: WalkPlan;

beforeAll(async () => {
  ({ baseUrl, browser, plan } = await setUpWalk());
});

const SERIOUS = new Set(["serious", "critical"]);
/** Rules axe rates moderate that are still held to here: skipping a heading level loses screen-reader users. */
const HELD_TO = new Set(["heading-order"]);

/** Each serious or critical violation in `include` (the whole page if empty) as "rule target: what is wrong". */
async function violations(page: Page, include: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  for (const selector of include) builder = builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => SERIOUS.has(violation.impact ?? "") || HELD_TO.has(violation.id))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} ${node.target.join(" ")}: ${node.failureSummary?.split("\n").slice(1, 2).join("")}`,
      ),
    );
}

/**
 * The site header's markup and the rest of the page's, digits left out (counters, countdowns): markup already
 * checked in this language has the same violations, so the header is checked once per visitor and a page that
 * looks the same to two visitors once.
 */
function markupOf() {
  const header = document.querySelector("body > header");
  const rest = [...document.body.children]
    .filter((child) => child !== header && child.tagName !== "SCRIPT")
    .map((child) => child.outerHTML)
    .join("");
  const plain = (html: string) => html.replace(/\d+/g, "0");
  return { header: header ? plain(header.outerHTML) : "", rest: plain(rest) };
}

/** Opens the buy sheet from the pinned card, then the checkout inside it, checking the room at each step. */
async function withBuySheet(page: Page, check: (state: string) => Promise<void>) {
  const card = page.getByTestId("pinned-card");
  await card.getByRole("button", { name: /^(立即购买|Buy now)$/ }).click();
  const sheet = page.getByTestId("buy-sheet");
  await sheet.waitFor();
  await check("buy sheet open");
  // A shopper with a saved address buys in one tap: the sheet is all there is (the others open the checkout in it).
  if (await sheet.locator('input[name="addressId"]').count()) return;
  await sheet.getByRole("button", { name: /^(立即购买|Buy now) · / }).click();
  const frame = page.frameLocator('[data-testid="checkout-frame"]');
  await frame.locator("main").waitFor();
  await check("checkout in the sheet");
}

describe("every page is accessible", () => {
  it("has no serious or critical axe violation, for any visitor, in either language", async () => {
    const problems = new Set<string>();
    const seen = new Set<string>();
    let checked = 0;
    await walkPages(browser, baseUrl, plan, async ({ page, entry, locale }) => {
      const note = async (state: string, include: string[] = []) => {
        checked++;
        for (const found of await violations(page, include)) problems.add(`${locale} ${entry.route}${state} ${found}`);
      };
      const { header, rest } = await page.evaluate(markupOf);
      const [headerKey, restKey] = [`${locale}${header}`, `${locale}${rest}`];
      if (!seen.has(restKey)) await note("");
      else if (!seen.has(headerKey)) await note(" (header)", ["body > header"]);
      seen.add(headerKey).add(restKey);
      if (entry.route !== "routes/live.$showId") return;
      await withBuySheet(page, async (state) => {
        // The sheet and the checkout in it, in every frame: checked once for each way they look.
        const frames = await Promise.all(page.frames().map((frame) => frame.evaluate(markupOf)));
        const key = `${locale}${frames.map((markup) => markup.rest).join("")}`;
        if (seen.has(key)) return;
        seen.add(key);
        await note(` (${state})`);
      });
    });
    expect([...problems].sort()).toEqual([]);
    expect(checked).toBeGreaterThan(plan.pages.length);
  }, 900_000);
});
