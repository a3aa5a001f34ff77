// Every page, as every kind of visitor, in Chinese and in English, opened once and looked at twice: it speaks one
// language (no text of the other outside what is marked as data or as written in it) and axe-core finds no
// violation of serious or critical impact — on the live room, also with its buy sheet open and the checkout in it.
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { markupOf, violations, withBuySheet } from "../helpers/axe-check";
import { languageProblems } from "../helpers/language-check";
import { setUpWalk, walkPages, type WalkPlan } from "../helpers/page-walk";

let plan: WalkPlan;
const languages = new Set<string>();
const accessibility = new Set<string>();
let axeChecks = 0;
let visits = 0;

beforeAll(async () => {
  let baseUrl: string;
  let browser: Browser;
  ({ baseUrl, browser, plan } = await setUpWalk());
  // Markup already checked in this language has the same axe findings: each way a page looks is checked once.
  const seen = new Set<string>();
  await walkPages(browser, baseUrl, plan, async ({ page, entry, role, locale }) => {
    visits++;
    for (const problem of await languageProblems(page, locale, entry.route, `${entry.url} (${role})`))
      languages.add(problem);
    const note = async (state: string, include: string[] = []) => {
      axeChecks++;
      for (const found of await violations(page, include))
        accessibility.add(`${locale} ${entry.route}${state} ${found}`);
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
}, 900_000);

describe("every page, for every visitor, in both languages", () => {
  it("walks every route it knows of, each in both languages", () => {
    expect(plan.pages.length).toBeGreaterThan(10);
    expect(visits).toBeGreaterThanOrEqual(plan.pages.length * 2);
  });

  it("shows no text of the other language outside marked data, and a title in the page's language", () => {
    expect([...languages].sort()).toEqual([]);
  });

  it("has no serious or critical axe violation, with the live room's buy sheet open too", () => {
    expect([...accessibility].sort()).toEqual([]);
    expect(axeChecks).toBeGreaterThan(plan.pages.length);
  });
});
