// Pinning a line-up item in a live show (at most one pin at a time, by the "Pin_one_active_per_show" index)
// and the pin history a replay turns into shoppable moments.
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { showRoom, type PinView, type ProductCard } from "~/domain/live/live-state";
import { Conflict, InvalidInput } from "../errors.server";
import { productCard, productCards } from "./live-state.server";
import { replayRecordings } from "./recordings.server";
import { lockShow } from "./show-lock.server";

/** Pins a product of the line-up; a pin already up comes down in the same transaction. */
export async function pinProduct(showId: string, productId: string, variantId: string | null = null): Promise<PinView> {
  const now = new Date();
  const { pin } = await db.$transaction(async (tx) => {
    // A pin is worth milliseconds, not a disk flush: on a crash the last moment's pins may be lost, never half-kept.
    await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
    const show = await lockShow(tx, showId);
    if (show.status !== "live") throw new Conflict("live:error.notLive");
    const item = await tx.showItem.findUnique({
      where: { showId_productId: { showId, productId } },
      select: { id: true },
    });
    if (!item) throw new InvalidInput("live:error.notInLineUp");
    if (variantId) {
      const variant = await tx.variant.findFirst({ where: { id: variantId, productId }, select: { id: true } });
      if (!variant) throw new InvalidInput("live:error.notInLineUp");
    }
    const current = await tx.pin.findFirst({ where: { showId, unpinnedAt: null }, select: { id: true } });
    if (current) await tx.pin.update({ where: { id: current.id }, data: { unpinnedAt: now } });
    // Stamped against the recording's clock, so the replay's moment seeks to where the pin fell in the video.
    const recording = await tx.recording.findFirst({
      where: { showId, status: "recording" },
      select: { id: true, startedAt: true },
    });
    const stamp = recording
      ? { recordingId: recording.id, recordingOffsetMs: Math.max(0, now.getTime() - recording.startedAt.getTime()) }
      : {};
    const pin = await tx.pin.create({
      data: { showId, productId, variantId, pinnedAt: now, ...stamp },
      select: { id: true },
    });
    return { pin };
  });
  // The card is built once, after the commit, and the same payload goes to every viewer.
  const card = await productCard(productId);
  if (!card) throw new InvalidInput("live:error.notInLineUp");
  const view: PinView = { pinId: pin.id, pinnedAt: now.toISOString(), variantId, card };
  // One event to the room: a new pin replaces the old one on every screen, so no separate unpin goes out.
  events.publish({ room: showRoom(showId), type: "pin", payload: view });
  return view;
}

export async function unpin(showId: string): Promise<string | null> {
  const pinId = await db.$transaction(async (tx) => {
    await lockShow(tx, showId);
    const current = await tx.pin.findFirst({ where: { showId, unpinnedAt: null }, select: { id: true } });
    if (!current) return null;
    await tx.pin.update({ where: { id: current.id }, data: { unpinnedAt: new Date() } });
    return current.id;
  });
  if (pinId) events.publish({ room: showRoom(showId), type: "unpin", payload: { pinId } });
  return pinId;
}

/** `recordingUrl`: the show's own recording the moment lies in (null: the replay's video, by the wall clock). */
export type ReplayMoment = {
  pinId: string;
  offsetSeconds: number;
  recordingUrl: string | null;
  pinnedAt: string;
  card: ProductCard;
};

/**
 * Each pin of an ended show as a moment of its replay, with the product's card. A pin stamped against a
 * recording seeks that recording to its offset; an older or unrecorded one falls back to seconds since the start.
 */
export async function replayMoments(showId: string, startedAt: Date | null): Promise<ReplayMoment[]> {
  const [pins, recordings] = await Promise.all([
    db.pin.findMany({
      where: { showId },
      orderBy: { pinnedAt: "asc" },
      select: { id: true, productId: true, pinnedAt: true, recordingId: true, recordingOffsetMs: true },
    }),
    replayRecordings(showId),
  ]);
  const urls = new Map(recordings.map((recording) => [recording.id, recording.url]));
  const cards = await productCards([...new Set(pins.map((p) => p.productId))]);
  const start = (recordings[0]?.startedAt ?? startedAt ?? pins[0]?.pinnedAt ?? new Date()).getTime();
  return pins.flatMap((pin) => {
    const card = cards.get(pin.productId);
    if (!card) return [];
    const recordingUrl = pin.recordingId ? (urls.get(pin.recordingId) ?? null) : null;
    const offsetMs =
      recordingUrl && pin.recordingOffsetMs !== null ? pin.recordingOffsetMs : pin.pinnedAt.getTime() - start;
    const offsetSeconds = Math.max(0, Math.round(offsetMs / 1000));
    return [{ pinId: pin.id, offsetSeconds, recordingUrl, pinnedAt: pin.pinnedAt.toISOString(), card }];
  });
}
