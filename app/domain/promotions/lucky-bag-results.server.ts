// A lucky bag's end: the draw (run by a pg-boss job when the countdown ends, and by the minute's sweep should that
// job be lost; only the first run draws), its announcement to the room, the prizes nobody claimed in time going
// back to stock, and what the public result page shows so anyone can check the draw.
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { showRoom } from "~/domain/live/live-state";
import { drawWinners } from "./lucky-bag-draw.server";
import { LUCKY_BAG_CLAIM_HOURS, maskedName } from "./lucky-bag-rules";
import {
  announceVariantStock,
  forgetCount,
  luckyBagSelect,
  returnPrizeStock,
  toLuckyBagView,
} from "./lucky-bags.server";

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/**
 * Draws a bag whose countdown has ended: locks it, picks the winners from its seed and its tickets, records them
 * with their claim deadline and gives back the units of prizes nobody is left to win. Returns false when it was
 * drawn already (or is not due yet): running it twice draws once.
 */
export async function drawLuckyBag(bagId: string, now = new Date()): Promise<boolean> {
  const outcome = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "LuckyBag" WHERE "id" = ${bagId} AND "drawnAt" IS NULL AND "endsAt" <= ${now} FOR UPDATE`;
    if (!locked[0]) return null;
    const bag = await tx.luckyBag.findUniqueOrThrow({
      where: { id: bagId },
      select: { seed: true, winnersCount: true, unitsPerWinner: true, variantId: true, showId: true },
    });
    const tickets = await tx.luckyBagEntry.findMany({ where: { bagId }, select: { id: true, userId: true } });
    const winners = drawWinners(
      bag.seed,
      tickets.map((t) => t.id),
      bag.winnersCount,
    );
    const userOf = new Map(tickets.map((t) => [t.id, t.userId]));
    const claimBy = new Date(now.getTime() + LUCKY_BAG_CLAIM_HOURS * 3_600_000);
    if (winners.length)
      await tx.luckyBagWin.createMany({
        data: winners.map((entryId, position) => ({
          bagId,
          entryId,
          userId: userOf.get(entryId)!,
          position,
          claimBy,
        })),
      });
    const unused = (bag.winnersCount - winners.length) * bag.unitsPerWinner;
    await tx.luckyBag.update({
      where: { id: bagId },
      data: { drawnAt: now, entriesCount: tickets.length, returnedUnits: unused },
    });
    const stock = unused ? await returnPrizeStock(tx, bag.variantId, unused) : null;
    return { showId: bag.showId, variantId: bag.variantId, stock };
  }, TX_OPTIONS);
  if (!outcome) return false;
  forgetCount(bagId);
  const view = await db.luckyBag.findUniqueOrThrow({ where: { id: bagId }, select: luckyBagSelect });
  events.publish({ room: showRoom(outcome.showId), type: "luckybag", payload: toLuckyBagView(view) });
  if (outcome.stock !== null) await announceVariantStock(outcome.variantId, outcome.stock);
  return true;
}

/** Prizes not claimed by their deadline go back to stock, each once. Returns how many. */
export async function returnUnclaimedPrizes(now = new Date()): Promise<number> {
  const due = await db.luckyBagWin.findMany({
    where: { claimedAt: null, returnedAt: null, claimBy: { lte: now } },
    select: { id: true },
    take: 500,
  });
  let returned = 0;
  for (const { id } of due) {
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ bagId: string }[]>`
        UPDATE "LuckyBagWin" SET "returnedAt" = ${now}
        WHERE "id" = ${id} AND "claimedAt" IS NULL AND "returnedAt" IS NULL AND "claimBy" <= ${now} RETURNING "bagId"`;
      if (!rows[0]) return null;
      const [bag] = await tx.$queryRaw<{ unitsPerWinner: number; variantId: string }[]>`
        UPDATE "LuckyBag" SET "returnedUnits" = "returnedUnits" + "unitsPerWinner"
        WHERE "id" = ${rows[0].bagId} RETURNING "unitsPerWinner", "variantId"`;
      return { variantId: bag.variantId, stock: await returnPrizeStock(tx, bag.variantId, bag.unitsPerWinner) };
    });
    if (!done) continue;
    returned++;
    await announceVariantStock(done.variantId, done.stock);
  }
  return returned;
}

/** The minute's sweep: draws every bag whose draw job was lost, and returns unclaimed prizes. */
export async function sweepLuckyBags(now = new Date()): Promise<{ drawn: number; returned: number }> {
  const overdue = await db.luckyBag.findMany({
    where: { drawnAt: null, endsAt: { lte: now } },
    select: { id: true },
  });
  let drawn = 0;
  for (const { id } of overdue) if (await drawLuckyBag(id, now)) drawn++;
  return { drawn, returned: await returnUnclaimedPrizes(now) };
}

export type LuckyBagResult = Awaited<ReturnType<typeof luckyBagResult>>;

/** The public result page: the bag, its show and host, and, for a signed-in winner, their own win. */
export async function luckyBagResult(bagId: string, userId: string | null) {
  const bag = await db.luckyBag.findUnique({
    where: { id: bagId },
    select: {
      ...luckyBagSelect,
      donor: true,
      show: { select: { title: true, host: { select: { displayNameZh: true, displayNameEn: true } } } },
      workshop: { select: { nameZh: true, nameEn: true } },
    },
  });
  if (!bag) return null;
  const mine = userId
    ? await db.luckyBagWin.findFirst({
        where: { bagId, userId },
        select: { id: true, entryId: true, claimBy: true, claimedAt: true, returnedAt: true, orderId: true },
      })
    : null;
  const myTicket = userId
    ? ((await db.luckyBagEntry.findUnique({ where: { bagId_userId: { bagId, userId } }, select: { id: true } }))?.id ??
      null)
    : null;
  return {
    view: toLuckyBagView(bag),
    donor: bag.donor,
    showTitle: bag.show.title,
    host: { nameZh: bag.show.host.displayNameZh, nameEn: bag.show.host.displayNameEn },
    workshop: bag.workshop,
    myTicket,
    myWin: mine
      ? {
          id: mine.id,
          claimBy: mine.claimBy.toISOString(),
          claimedAt: mine.claimedAt?.toISOString() ?? null,
          returnedAt: mine.returnedAt?.toISOString() ?? null,
          orderId: mine.orderId,
        }
      : null,
  };
}

/** Every ticket of a drawn bag, sorted as the draw sorts them, with masked names: the input to recompute it. */
export async function luckyBagEntries(bagId: string): Promise<{ ticket: string; name: string }[] | null> {
  const bag = await db.luckyBag.findUnique({ where: { id: bagId }, select: { drawnAt: true } });
  if (!bag?.drawnAt) return null;
  const entries = await db.luckyBagEntry.findMany({
    where: { bagId },
    select: { id: true, user: { select: { name: true } } },
  });
  return entries
    .map((e) => ({ ticket: e.id, name: maskedName(e.user.name) }))
    .sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0));
}
