// Flash deals: a lower price for one variant during a live show, with a quantity cap and an end time. One runs
// at a time per show. Each deal ends by itself: a timer in this process, re-armed from the database at start-up,
// closes it exactly once (whichever process gets there first) and tells the room.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { showRoom, type DealEnd, type DealView } from "~/domain/live/live-state";
import { singleton } from "~/lib/singleton.server";
import { Conflict, InvalidInput } from "../errors.server";
import { dealSelect, toDealView } from "./live-state.server";
import { DEAL_MAX_SECONDS, DEAL_MIN_SECONDS } from "./flash-deal-limits";
import { lockShow } from "./show-lock.server";

export type DealInput = { variantId: string; priceFen: number; quantityCap: number; durationSeconds: number };

const timers = singleton("live:deal-timers", () => new Map<string, NodeJS.Timeout>());

function publishEnd(showId: string, end: DealEnd) {
  events.publish({ room: showRoom(showId), type: "deal:end", payload: end });
}

/** Closes a deal whose time is up. Safe to call any number of times, from any process: only the first closes it. */
export async function finishDeal(dealId: string): Promise<boolean> {
  timers.delete(dealId);
  const rows = await db.$queryRaw<{ showId: string }[]>`
    UPDATE "FlashDeal" SET "stoppedAt" = "endsAt" WHERE id = ${dealId} AND "stoppedAt" IS NULL RETURNING "showId"`;
  if (!rows[0]) return false;
  publishEnd(rows[0].showId, { id: dealId, reason: "ended" });
  return true;
}

export function armDealEnd(dealId: string, endsAt: Date) {
  clearTimeout(timers.get(dealId));
  const wait = endsAt.getTime() - Date.now();
  if (wait <= 0) {
    void finishDeal(dealId).catch((error) => console.error("[deals] could not close", dealId, error));
    return;
  }
  // Timers may fire a hair early; check again rather than end a deal before its time.
  const timer = setTimeout(() => armDealEnd(dealId, endsAt), wait);
  timer.unref();
  timers.set(dealId, timer);
}

/** At start-up: every deal still open gets its timer back (and those whose time passed while down close now). */
export async function rearmRunningDeals(): Promise<number> {
  const open = await db.flashDeal.findMany({ where: { stoppedAt: null }, select: { id: true, endsAt: true } });
  for (const deal of open) armDealEnd(deal.id, deal.endsAt);
  return open.length;
}

function checkInput(input: DealInput) {
  const whole = (n: number) => Number.isInteger(n);
  if (!whole(input.priceFen) || input.priceFen <= 0) throw new InvalidInput("live:deal.error.price");
  if (!whole(input.quantityCap) || input.quantityCap < 1) throw new InvalidInput("live:deal.error.cap");
  const { durationSeconds: d } = input;
  if (!whole(d) || d < DEAL_MIN_SECONDS || d > DEAL_MAX_SECONDS) throw new InvalidInput("live:deal.error.duration");
}

/** Stops the deals of a show that are still running (inside the caller's transaction); returns their ids. */
export async function closeDealsOfShow(tx: Prisma.TransactionClient, showId: string, now: Date): Promise<string[]> {
  const running = await tx.flashDeal.findMany({
    where: { showId, stoppedAt: null, endsAt: { gt: now } },
    select: { id: true },
  });
  const ids = running.map((d) => d.id);
  if (ids.length) await tx.flashDeal.updateMany({ where: { id: { in: ids } }, data: { stoppedAt: now } });
  for (const id of ids) clearTimeout(timers.get(id));
  return ids;
}

/**
 * Starts a deal on a line-up variant; a deal already running in the show stops first. `now` is when it starts
 * (a test may start one that is about to end, rather than wait out the minimum).
 */
export async function startDeal(showId: string, input: DealInput, now = new Date()): Promise<DealView> {
  checkInput(input);
  const { deal, stopped } = await db.$transaction(async (tx) => {
    const show = await lockShow(tx, showId);
    if (show.status !== "live") throw new Conflict("live:error.notLive");
    const variant = await tx.variant.findFirst({
      where: { id: input.variantId, product: { showItems: { some: { showId } } } },
      select: { priceFen: true, stock: true },
    });
    if (!variant) throw new InvalidInput("live:error.notInLineUp");
    if (input.priceFen >= variant.priceFen) throw new InvalidInput("live:deal.error.priceAbove");
    if (input.quantityCap > variant.stock) throw new InvalidInput("live:deal.error.capStock", { stock: variant.stock });
    const stopped = await closeDealsOfShow(tx, showId, now);
    const deal = await tx.flashDeal.create({
      data: {
        showId,
        variantId: input.variantId,
        priceFen: input.priceFen,
        quantityCap: input.quantityCap,
        startsAt: now,
        endsAt: new Date(now.getTime() + input.durationSeconds * 1000),
      },
      select: dealSelect,
    });
    return { deal, stopped };
  });
  for (const id of stopped) publishEnd(showId, { id, reason: "stopped" });
  const view = toDealView(deal);
  events.publish({ room: showRoom(showId), type: "deal", payload: view });
  armDealEnd(deal.id, deal.endsAt);
  return view;
}

/** The host's early stop. Stopping a deal that already ended changes nothing. */
export async function stopDeal(showId: string, dealId: string): Promise<boolean> {
  const now = new Date();
  const { count } = await db.flashDeal.updateMany({
    where: { id: dealId, showId, stoppedAt: null, endsAt: { gt: now } },
    data: { stoppedAt: now },
  });
  clearTimeout(timers.get(dealId));
  timers.delete(dealId);
  if (count) publishEnd(showId, { id: dealId, reason: "stopped" });
  return count > 0;
}
