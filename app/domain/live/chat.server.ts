// Live-room chat: what a message may be (plain text, short), who may post and how often (per-user rate limit,
// the show's slow mode, mutes), and the host's moderation (hide a message, mute a user, slow mode).
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { showRoom, type ChatLine } from "~/domain/live/live-state";
import { takeRateLimit, type RateLimit } from "~/lib/rate-limits.server";
import { Conflict, DomainError, InvalidInput, NotAllowed, NotFound } from "../errors.server";
import type { LuckyBagChatEntry } from "../promotions/lucky-bag-rules";
import { enterByChatPhrase } from "../promotions/lucky-bags.server";

export const CHAT_MAX_LENGTH = 120;
export const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60] as const;
/** Five messages in a burst, then one every three seconds, per user (across processes when they share Redis). */
export const CHAT_BURST = 5;
export const CHAT_REFILL_MS = 3000;
const CHAT_LIMIT: RateLimit = { name: "chat", burst: CHAT_BURST, refillMs: CHAT_REFILL_MS };

// Control characters, zero-width characters and bidirectional overrides: invisible, and used to spoof text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The text as it will be stored and shown: plain, trimmed, whitespace collapsed. Markup stays literal text. */
export function cleanChatText(raw: unknown): string {
  if (typeof raw !== "string") return "";
  return raw.normalize("NFC").replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
}

/** Posts a line; a line that is the running lucky bag's phrase also enters its author (`luckyBag` says how it went). */
export async function postChat(
  showId: string,
  userId: string,
  raw: unknown,
): Promise<ChatLine & { luckyBag?: LuckyBagChatEntry }> {
  const text = cleanChatText(raw);
  if (!text) throw new InvalidInput("live:chat.error.empty");
  if ([...text].length > CHAT_MAX_LENGTH) throw new InvalidInput("live:chat.error.tooLong", { max: CHAT_MAX_LENGTH });
  const show = await db.show.findUnique({
    where: { id: showId },
    select: {
      status: true,
      slowModeSeconds: true,
      host: { select: { userId: true } },
      mutes: { where: { userId }, select: { id: true } },
      chat: { where: { userId }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  if (!show) throw new NotFound();
  if (show.status !== "live") throw new Conflict("live:chat.error.notLive");
  const byHost = show.host.userId === userId;
  if (show.mutes.length) throw new NotAllowed("live:chat.error.muted");
  const last = show.chat[0]?.createdAt.getTime();
  if (!byHost && show.slowModeSeconds > 0 && last !== undefined) {
    const wait = Math.ceil((last + show.slowModeSeconds * 1000 - Date.now()) / 1000);
    if (wait > 0) throw new DomainError("live:chat.error.slow", 429, { seconds: wait });
  }
  if (!(await takeRateLimit(CHAT_LIMIT, userId))) throw new DomainError("live:chat.error.rateLimited", 429);
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  if (!user) throw new NotAllowed();
  const message = await db.chatMessage.create({
    data: { showId, userId, authorName: user.name, text },
    select: { id: true, createdAt: true },
  });
  const line: ChatLine = { id: message.id, authorName: user.name, text, at: message.createdAt.toISOString(), byHost };
  events.publish({ room: showRoom(showId), type: "chat", payload: line });
  const luckyBag = byHost ? null : await enterByChatPhrase(showId, userId, text);
  return luckyBag ? { ...line, luckyBag } : line;
}

export async function hideMessage(showId: string, messageId: string): Promise<void> {
  const { count } = await db.chatMessage.updateMany({ where: { id: messageId, showId }, data: { hidden: true } });
  if (!count) throw new NotFound();
  events.publish({ room: showRoom(showId), type: "chat:hide", payload: { id: messageId } });
}

/** Mutes whoever wrote a message (the host never sees their user id) and hides that message. */
export async function muteAuthor(showId: string, messageId: string): Promise<void> {
  const message = await db.chatMessage.findFirst({
    where: { id: messageId, showId },
    select: { userId: true, show: { select: { host: { select: { userId: true } } } } },
  });
  if (!message) throw new NotFound();
  if (!message.userId) throw new InvalidInput("live:chat.error.noAuthor");
  if (message.userId === message.show.host.userId) throw new Conflict("live:chat.error.muteHost");
  await db.showMute.upsert({
    where: { showId_userId: { showId, userId: message.userId } },
    create: { showId, userId: message.userId },
    update: {},
  });
  await hideMessage(showId, messageId);
}

export async function unmute(showId: string, userId: string): Promise<void> {
  await db.showMute.deleteMany({ where: { showId, userId } });
}

export async function mutedUsers(showId: string) {
  const mutes = await db.showMute.findMany({
    where: { showId },
    orderBy: { createdAt: "desc" },
    select: { userId: true, createdAt: true, user: { select: { name: true } } },
  });
  return mutes.map((m) => ({ userId: m.userId, name: m.user.name, at: m.createdAt.toISOString() }));
}

export async function setSlowMode(showId: string, seconds: number): Promise<void> {
  if (!(SLOW_MODE_CHOICES as readonly number[]).includes(seconds)) throw new InvalidInput("live:chat.error.slowChoice");
  await db.show.update({ where: { id: showId }, data: { slowModeSeconds: seconds } });
  events.publish({ room: showRoom(showId), type: "chat:slow", payload: { seconds } });
}
