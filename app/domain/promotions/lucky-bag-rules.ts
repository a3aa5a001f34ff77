// Lucky bags (福袋), client-safe: the limits a host chooses within, the host's start form, what the room shows of
// a bag, the masked names winners are announced by, and the snippet anyone can run to recompute a draw.
import * as z from "zod";
import { maskedName } from "../accounts/masked-name";

export { maskedName };

export const LUCKY_BAG_MINUTES = [1, 3, 5, 10, 15] as const;
export const LUCKY_BAG_MIN_MINUTES = 1;
export const LUCKY_BAG_MAX_MINUTES = 15;
export const LUCKY_BAG_MAX_WINNERS = 100;
export const LUCKY_BAG_MAX_UNITS = 20;
export const LUCKY_BAG_PHRASE_MAX = 20;
/** A winner has this long after the draw to claim the prize with an address. */
export const LUCKY_BAG_CLAIM_HOURS = 24;
export const ENTRY_RULES = ["tap", "phrase", "follow"] as const;
export type EntryRule = (typeof ENTRY_RULES)[number];
export const DONORS = ["workshop", "host"] as const;

const whole = (key: string, min: number, max: number) => z.coerce.number(key).int(key).min(min, key).max(max, key);

export const LuckyBagFormSchema = z
  .object({
    intent: z.literal("lucky-bag"),
    variantId: z.string("luckybag:error.variant").min(1, "luckybag:error.variant").max(40, "luckybag:error.variant"),
    winnersCount: whole("luckybag:error.winners", 1, LUCKY_BAG_MAX_WINNERS),
    unitsPerWinner: whole("luckybag:error.units", 1, LUCKY_BAG_MAX_UNITS),
    donor: z.enum(DONORS, "luckybag:error.donor"),
    entryRule: z.enum(ENTRY_RULES, "luckybag:error.rule"),
    phrase: z.string().max(200).optional(),
    minutes: whole("luckybag:error.minutes", LUCKY_BAG_MIN_MINUTES, LUCKY_BAG_MAX_MINUTES),
  })
  .transform((value, ctx) => {
    const phrase = value.phrase?.normalize("NFC").replace(/\s+/g, " ").trim() ?? "";
    if (value.entryRule === "phrase" && (!phrase || [...phrase].length > LUCKY_BAG_PHRASE_MAX)) {
      ctx.addIssue({ code: "custom", path: ["phrase"], message: "luckybag:error.phrase" });
      return z.NEVER;
    }
    return { ...value, phrase: value.entryRule === "phrase" ? phrase : null };
  });
export type LuckyBagInput = Omit<z.output<typeof LuckyBagFormSchema>, "intent">;

/** What every viewer sees of a bag. The seed appears only once the bag is drawn. */
export type LuckyBagView = {
  id: string;
  showId: string;
  prize: {
    productId: string;
    titleZh: string;
    titleEn: string;
    variantNameZh: string;
    variantNameEn: string;
    image: string | null;
    unitsPerWinner: number;
  };
  winnersCount: number;
  entryRule: EntryRule;
  phrase: string | null;
  seedCommit: string;
  startsAt: string;
  endsAt: string;
  entriesCount: number;
  drawnAt: string | null;
  seed: string | null;
  /** The winning tickets (entry ids) with masked names, in draw order; null until drawn. */
  winners: { ticket: string; name: string }[] | null;
};

export type LuckyBagCount = { id: string; entriesCount: number };

/** What a chat line did for its author in a phrase bag: entered (their ticket), or refused (why). */
export type LuckyBagChatEntry = { ticket: string; bagId: string } | { refused: string };

/** The same phrase as the host set it, whatever spacing or width the viewer typed it in. */
export function samePhrase(text: string, phrase: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return norm(text) === norm(phrase);
}

/**
 * THE recomputation, as the result page prints it: standard Web Crypto only, so it runs as it is in a browser's
 * console or in Node 20+. It is the very algorithm the server draws with (a test runs this text against it).
 */
export const DRAW_SNIPPET = `async function draw(seedHex, tickets, winners) {
  const bytes = (hex) => new Uint8Array(hex.match(/../g).map((h) => parseInt(h, 16)));
  const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const commit = hex(await crypto.subtle.digest("SHA-256", bytes(seedHex)));
  const key = await crypto.subtle.importKey("raw", bytes(seedHex), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const pool = [...tickets].sort();
  let counter = 0;
  for (let i = 0; i < Math.min(winners, pool.length); i++) {
    const left = pool.length - i;
    const limit = Math.floor(2 ** 32 / left) * left; // numbers at or above it are skipped: no modulo bias
    let x;
    do {
      const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(String(counter++)));
      x = new DataView(mac).getUint32(0);
    } while (x >= limit);
    const j = i + (x % left);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return { commit, winners: pool.slice(0, Math.min(winners, pool.length)) };
}`;
