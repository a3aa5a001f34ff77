// Lucky bags (福袋) in a live show: the host starts one (its prize units taken from stock at once, by a
// conditional update), viewers enter once each (by tapping 参与, sending the bag's phrase in the chat, or following
// the host), and a pg-boss job draws it when the countdown ends (lucky-bag-results.server.ts).
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { jobs, JOB } from "~/lib/jobs.server";
import { singleton } from "~/lib/singleton.server";
import { events } from "~/domain/events.server";
import { showRoom } from "~/domain/live/live-state";
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.server";
import { lockShow } from "../live/show-lock.server";
import { announceStock } from "../orders/order-events.server";
import { commitOf, newSeed } from "./lucky-bag-draw.server";
import {
  LUCKY_BAG_MAX_MINUTES,
  LUCKY_BAG_MAX_UNITS,
  LUCKY_BAG_MAX_WINNERS,
  LUCKY_BAG_MIN_MINUTES,
  maskedName,
  samePhrase,
  type EntryRule,
  type LuckyBagChatEntry,
  type LuckyBagInput,
  type LuckyBagView,
} from "./lucky-bag-rules";

type Tx = Prisma.TransactionClient;

export const luckyBagSelect = {
  id: true,
  showId: true,
  winnersCount: true,
  unitsPerWinner: true,
  entryRule: true,
  phrase: true,
  seedCommit: true,
  seed: true,
  startsAt: true,
  endsAt: true,
  drawnAt: true,
  entriesCount: true,
  variant: {
    select: {
      nameZh: true,
      nameEn: true,
      product: { select: { id: true, titleZh: true, titleEn: true, images: true } },
    },
  },
  wins: {
    orderBy: { position: "asc" },
    select: { entryId: true, user: { select: { name: true } } },
  },
} as const satisfies Prisma.LuckyBagSelect;

type BagRow = Prisma.LuckyBagGetPayload<{ select: typeof luckyBagSelect }>;

export function toLuckyBagView(bag: BagRow): LuckyBagView {
  const drawn = bag.drawnAt !== null;
  return {
    id: bag.id,
    showId: bag.showId,
    prize: {
      productId: bag.variant.product.id,
      titleZh: bag.variant.product.titleZh,
      titleEn: bag.variant.product.titleEn,
      variantNameZh: bag.variant.nameZh,
      variantNameEn: bag.variant.nameEn,
      image: bag.variant.product.images[0] ?? null,
      unitsPerWinner: bag.unitsPerWinner,
    },
    winnersCount: bag.winnersCount,
    entryRule: bag.entryRule,
    phrase: bag.phrase,
    seedCommit: bag.seedCommit,
    startsAt: bag.startsAt.toISOString(),
    endsAt: bag.endsAt.toISOString(),
    entriesCount: bag.entriesCount,
    drawnAt: bag.drawnAt?.toISOString() ?? null,
    // The seed is the secret that makes the draw unpredictable: it leaves the server only with the result.
    seed: drawn ? bag.seed : null,
    winners: drawn ? bag.wins.map((w) => ({ ticket: w.entryId, name: maskedName(w.user.name) })) : null,
  };
}

/** The show's bag to show in the room: the one running, else the one drawn in the last ten minutes. */
export async function currentLuckyBag(showId: string, now = new Date()): Promise<LuckyBagView | null> {
  const bag = await db.luckyBag.findFirst({
    where: {
      showId,
      OR: [{ drawnAt: null }, { drawnAt: { gt: new Date(now.getTime() - 10 * 60_000) } }],
    },
    orderBy: { createdAt: "desc" },
    select: luckyBagSelect,
  });
  return bag ? toLuckyBagView(bag) : null;
}

export async function luckyBagView(bagId: string): Promise<LuckyBagView | null> {
  const bag = await db.luckyBag.findUnique({ where: { id: bagId }, select: luckyBagSelect });
  return bag ? toLuckyBagView(bag) : null;
}

/** Takes the prize's units from stock, or refuses: never below zero (the CHECK on Variant.stock stands behind it). */
async function takePrizeStock(tx: Tx, variantId: string, units: number): Promise<number | null> {
  const rows = await tx.$queryRaw<{ stock: number }[]>`
    UPDATE "Variant" SET "stock" = "stock" - ${units}, "updatedAt" = now()
    WHERE "id" = ${variantId} AND "stock" >= ${units} RETURNING "stock"`;
  return rows[0]?.stock ?? null;
}

/** Gives prize units back to stock (a draw with too few entries, unclaimed prizes). */
export async function returnPrizeStock(tx: Tx, variantId: string, units: number): Promise<number> {
  const rows = await tx.$queryRaw<{ stock: number }[]>`
    UPDATE "Variant" SET "stock" = "stock" + ${units}, "updatedAt" = now() WHERE "id" = ${variantId} RETURNING "stock"`;
  return rows[0].stock;
}

export function announceVariantStock(variantId: string, stock: number) {
  return announceStock({ variants: new Map([[variantId, stock]]), deals: new Map(), batches: new Map() });
}

function checkInput(input: LuckyBagInput) {
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(input.winnersCount, 1, LUCKY_BAG_MAX_WINNERS)) throw new InvalidInput("luckybag:error.winners");
  if (!whole(input.unitsPerWinner, 1, LUCKY_BAG_MAX_UNITS)) throw new InvalidInput("luckybag:error.units");
  if (!whole(input.minutes, LUCKY_BAG_MIN_MINUTES, LUCKY_BAG_MAX_MINUTES))
    throw new InvalidInput("luckybag:error.minutes");
  if ((input.entryRule === "phrase") !== Boolean(input.phrase)) throw new InvalidInput("luckybag:error.phrase");
}

/**
 * Starts a lucky bag in a live show. `now` is when it starts (a test may start one whose countdown is about to
 * end rather than wait a minute).
 */
export async function startLuckyBag(showId: string, input: LuckyBagInput, now = new Date()): Promise<LuckyBagView> {
  checkInput(input);
  const seed = newSeed();
  const { bag, stock } = await db.$transaction(async (tx) => {
    const show = await lockShow(tx, showId);
    if (show.status !== "live") throw new Conflict("live:error.notLive");
    const open = await tx.luckyBag.findFirst({ where: { showId, drawnAt: null }, select: { id: true } });
    if (open) throw new Conflict("luckybag:error.running");
    const variant = await tx.variant.findFirst({
      where: { id: input.variantId, product: { status: "active", showItems: { some: { showId } } } },
      select: { stock: true, product: { select: { workshopId: true } } },
    });
    if (!variant) throw new InvalidInput("live:error.notInLineUp");
    const units = input.winnersCount * input.unitsPerWinner;
    const stock = await takePrizeStock(tx, input.variantId, units);
    if (stock === null) throw new InvalidInput("luckybag:error.stock", { stock: variant.stock, units });
    const { hostId } = await tx.show.findUniqueOrThrow({ where: { id: showId }, select: { hostId: true } });
    const bag = await tx.luckyBag.create({
      data: {
        showId,
        hostId,
        variantId: input.variantId,
        workshopId: variant.product.workshopId,
        donor: input.donor,
        winnersCount: input.winnersCount,
        unitsPerWinner: input.unitsPerWinner,
        entryRule: input.entryRule,
        phrase: input.phrase,
        seed,
        seedCommit: commitOf(seed),
        startsAt: now,
        endsAt: new Date(now.getTime() + input.minutes * 60_000),
      },
      select: luckyBagSelect,
    });
    return { bag, stock };
  });
  const view = toLuckyBagView(bag);
  events.publish({ room: showRoom(showId), type: "luckybag", payload: view });
  await announceVariantStock(input.variantId, stock);
  await jobs.send(JOB.luckyBagDraw, [{ data: { bagId: bag.id }, startAfter: bag.endsAt, singletonKey: bag.id }]);
  return view;
}

// Entry counts reach the room at most once a second per bag, however many enter at once.
const countTimers = singleton("luckybag:count-timers", () => new Map<string, NodeJS.Timeout>());

function announceCountSoon(showId: string, bagId: string) {
  if (countTimers.get(bagId)) return;
  const timer = setTimeout(() => {
    countTimers.delete(bagId);
    void db.luckyBag
      .findUnique({ where: { id: bagId }, select: { entriesCount: true, drawnAt: true } })
      .then((bag) => {
        if (bag && !bag.drawnAt)
          events.publish({
            room: showRoom(showId),
            type: "luckybag:count",
            payload: { id: bagId, entriesCount: bag.entriesCount },
          });
      })
      .catch((error: unknown) => console.warn("[lucky-bags] could not announce the count:", error));
  }, 1000);
  timer.unref();
  countTimers.set(bagId, timer);
}

/** The draw's announcement carries the final count: no count is sent after it. */
export function forgetCount(bagId: string) {
  clearTimeout(countTimers.get(bagId));
  countTimers.delete(bagId);
}

export type Entered = { ticket: string; bagId: string; showId: string; already: boolean };

/**
 * Enters a person in a bag, once: a second entry answers the first's ticket. Refused after the countdown, to
 * the host, to viewers muted in the show, to accounts made after the bag started, and by a way the bag's rule
 * does not allow (the phrase rule enters only through the chat). No purchase is ever asked for.
 */
export async function enterLuckyBag(bagId: string, userId: string, via: EntryRule): Promise<Entered> {
  const bag = await db.luckyBag.findUnique({
    where: { id: bagId },
    select: {
      id: true,
      showId: true,
      hostId: true,
      entryRule: true,
      startsAt: true,
      endsAt: true,
      drawnAt: true,
      host: { select: { userId: true } },
      show: { select: { mutes: { where: { userId }, select: { id: true } } } },
    },
  });
  if (!bag) throw new NotFound();
  if (bag.drawnAt || bag.endsAt.getTime() <= Date.now()) throw new Conflict("luckybag:error.closed");
  if (via !== bag.entryRule) throw new InvalidInput(`luckybag:error.rule.${bag.entryRule}`);
  const user = await db.user.findUnique({ where: { id: userId }, select: { createdAt: true } });
  if (!user) throw new NotAllowed();
  if (bag.host.userId === userId) throw new NotAllowed("luckybag:error.ownBag");
  if (bag.show.mutes.length) throw new NotAllowed("luckybag:error.muted");
  if (user.createdAt.getTime() > bag.startsAt.getTime()) throw new NotAllowed("luckybag:error.newAccount");
  const entered = await db.$transaction(async (tx) => {
    if (via === "follow") {
      await tx.$executeRaw`
        INSERT INTO "Follow" ("id", "userId", "hostId") VALUES (${`f${randomUUID().replace(/-/g, "")}`}, ${userId}, ${bag.hostId})
        ON CONFLICT ("userId", "hostId") DO NOTHING`;
    }
    const created = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "LuckyBagEntry" ("id", "bagId", "userId", "via")
      VALUES (${`e${Date.now().toString(36)}${randomUUID().replace(/-/g, "").slice(0, 16)}`}, ${bagId}, ${userId},
        ${via}::"LuckyBagEntryRule")
      ON CONFLICT ("bagId", "userId") DO NOTHING RETURNING "id"`;
    if (!created[0]) {
      const entry = await tx.luckyBagEntry.findUniqueOrThrow({ where: { bagId_userId: { bagId, userId } } });
      return { ticket: entry.id, already: true };
    }
    // Counted under the bag's row lock, which the draw takes too: an entry lands before the draw or not at all.
    const counted = await tx.$executeRaw`
      UPDATE "LuckyBag" SET "entriesCount" = "entriesCount" + 1
      WHERE "id" = ${bagId} AND "drawnAt" IS NULL AND "endsAt" > now()`;
    if (!counted) throw new Conflict("luckybag:error.closed");
    return { ticket: created[0].id, already: false };
  });
  if (!entered.already) announceCountSoon(bag.showId, bagId);
  return { ...entered, bagId, showId: bag.showId };
}

/** A chat line that is the running bag's phrase enters its author; null when it is not one. */
export async function enterByChatPhrase(
  showId: string,
  userId: string,
  text: string,
): Promise<LuckyBagChatEntry | null> {
  const bag = await db.luckyBag.findFirst({
    where: { showId, drawnAt: null, entryRule: "phrase", endsAt: { gt: new Date() } },
    select: { id: true, phrase: true },
  });
  if (!bag?.phrase || !samePhrase(text, bag.phrase)) return null;
  try {
    const { ticket } = await enterLuckyBag(bag.id, userId, "phrase");
    return { ticket, bagId: bag.id };
  } catch (error) {
    if (error instanceof NotAllowed || error instanceof Conflict) return { refused: error.messageKey };
    throw error;
  }
}

/** The signed-in viewer's ticket in a bag, if they entered. */
export async function ticketOf(bagId: string, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const entry = await db.luckyBagEntry.findUnique({ where: { bagId_userId: { bagId, userId } }, select: { id: true } });
  return entry?.id ?? null;
}
