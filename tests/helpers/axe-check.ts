// axe-core's serious and critical findings on a page, and the ways the walk avoids checking the same markup twice.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

const SERIOUS = new Set(["serious", "critical"]);
/** Rules axe rates moderate that are still held to here: skipping a heading level loses screen-reader users. */
const HELD_TO = new Set(["heading-order"]);

/** Each serious or critical violation in `include` (the whole page if empty) as "rule target: what is wrong". */
export async function violations(page: Page, include: string[] = []): Promise<string[]> {
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
export function markupOf() {
  const header = document.querySelector("body > header");
  const rest = [...document.body.children]
    .filter((child) => child !== header && child.tagName !== "SCRIPT")
    .map((child) => child.outerHTML)
    .join("");
  const plain = (html: string) => html.replace(/\d+/g, "0");
  return { header: header ? plain(header.outerHTML) : "", rest: plain(rest) };
}

/** Opens the buy sheet from the pinned card, then the checkout inside it, checking the room at each step. */
export async function withBuySheet(page: Page, check: (state: string) => Promise<void>) {
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
