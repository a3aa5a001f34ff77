// What a page tells a person in each language. Fields held in one language (…Zh names, Chinese addresses) carry
// `lang="zh-CN"`, as does the language switch its own language; what people wrote in their own words (show titles,
// names, chat, a problem's note) carries `data-as-written`; codes (a browser's user agent) `translate="no"`.
// The <title>, placeholders, aria-labels, titles and alt texts are read as well as the text, with any marked data
// they quote (a show's title in the <title>) taken out first.
import type { Page } from "playwright-core";

/** Latin words a Chinese page may carry: names of brands and formats that Chinese users read as they are. */
const ALLOWED_LATIN = [
  "Cunbo",
  "SKU",
  "CSV",
  "JSON",
  "SHA",
  "PDF",
  "PNG",
  "JPEG",
  "JPG",
  "WebP",
  "Stripe",
  "App",
  "ID",
  "QR",
  "HLS",
  "OBS",
  "WHIP",
  "Bearer",
];
/** Units written in Latin letters on Chinese labels and packaging. */
const UNITS = ["ml", "kg", "cm", "mm", "km", "MB", "KB", "vol"];

type Piece = { where: string; lang: string; text: string; data?: boolean };

/** Everything a person (or a screen reader) is told on the page, each piece with the language it is marked in. */
export function piecesOf(): Piece[] {
  const pieces: Piece[] = [];
  const langOf = (element: Element | null) => element?.closest("[lang]")?.getAttribute("lang") ?? "";
  const describe = (element: Element) => {
    const id = element.id ? `#${element.id}` : "";
    const testId = element.getAttribute("data-testid");
    return `<${element.tagName.toLowerCase()}${id}${testId ? ` data-testid=${testId}` : ""}>`;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim();
    if (!parent || !text || parent.closest("script, style, noscript, template, [translate=no]")) continue;
    const data = Boolean(parent.closest("[data-as-written]"));
    pieces.push({ where: describe(parent), lang: data ? "" : langOf(parent), text, data });
  }
  const attributes = ["placeholder", "aria-label", "title", "alt", "aria-description", "aria-roledescription"];
  for (const element of document.querySelectorAll(attributes.map((name) => `[${name}]`).join(","))) {
    if (element.closest("[translate=no], [data-as-written]")) continue;
    for (const name of attributes) {
      const value = element.getAttribute(name)?.trim();
      if (value) pieces.push({ where: `${describe(element)}[${name}]`, lang: langOf(element), text: value });
    }
  }
  for (const input of document.querySelectorAll<HTMLInputElement>("input[type=submit], input[type=button]"))
    if (input.value.trim()) pieces.push({ where: `${describe(input)}[value]`, lang: langOf(input), text: input.value });
  pieces.push({ where: "<title>", lang: document.documentElement.lang, text: document.title.trim() });
  return pieces;
}

export const HAN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]/u;

/** What in `piece` is of the other language than the one it is marked in, or null; `quoted` is the page's data. */
export function foreign(piece: Piece, quoted: string[]): string | null {
  let text = piece.text.replace(/\s+/g, " ");
  for (const data of quoted) text = text.split(data).join(" ");
  if (piece.lang.startsWith("en")) return HAN.test(text) ? text : null;
  if (piece.lang.startsWith("zh")) {
    const words = text
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ")
      .replace(/https?:\/\/\S+/g, " ")
      .split(/[^A-Za-z0-9]+/)
      .filter((word) => /^[A-Za-z]{2,}$/.test(word))
      .filter((word) => ![...ALLOWED_LATIN, ...UNITS].some((allowed) => allowed.toLowerCase() === word.toLowerCase()));
    return words.length ? `${words.join(" ")} in "${text.slice(0, 80)}"` : null;
  }
  return `no language marked for "${text.slice(0, 80)}"`;
}

/** Each place on the loaded page where text of the other language than `locale` shows outside marked data. */
export async function languageProblems(page: Page, locale: string, route: string, url: string): Promise<string[]> {
  const problems: string[] = [];
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== locale) problems.push(`${locale} ${url}: <html lang="${lang}">`);
  const pieces = await page.evaluate(piecesOf);
  const title = pieces.find((piece) => piece.where === "<title>");
  if (!title?.text) problems.push(`${locale} ${url}: empty <title>`);
  // Data quoted elsewhere on the page (a show's title in the <title> or an alt text), longest first.
  const quoted = pieces
    .filter((piece) => piece.data || (piece.lang !== lang && piece.where !== "<title>"))
    .map((piece) => piece.text.replace(/\s+/g, " "))
    // (Short pieces would cut words apart; a two-character Chinese name is still a name.)
    .filter((text) => text.length > 2 || (text.length === 2 && HAN.test(text)))
    .sort((a, b) => b.length - a.length);
  for (const piece of pieces) {
    if (piece.data) continue;
    const found = foreign(piece, quoted);
    // The route, not the role, names where to fix it: one line per place however many roles see it.
    if (found) problems.push(`${locale} ${route} ${piece.where}: ${found}`);
  }
  // The title says something in the page's language besides the data it quotes.
  const own = quoted.reduce((text, data) => text.split(data).join(" "), title?.text ?? "");
  if (!(locale === "en" ? /[A-Za-z]{2}/ : /\p{Script=Han}/u).test(own))
    problems.push(`${locale} ${route} <title>: "${title?.text}" says nothing in ${locale}`);
  return problems;
}
