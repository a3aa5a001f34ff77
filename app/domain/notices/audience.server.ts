// What pages show of the audience (reads only): whether a shopper follows a host or workshop or set a reminder,
// their unread notices (the bell), and for a host their followers and, per show, how many asked to be reminded
// and how many of those came to the room once it was live.
import { db } from "~/lib/db.server";
import type { FollowTarget } from "./follows.server";

export async function isFollowing(userId: string | null, target: FollowTarget): Promise<boolean> {
  if (!userId) return false;
  return (await db.follow.count({ where: { userId, ...target } })) > 0;
}

export async function followerCount(target: FollowTarget): Promise<number> {
  return db.follow.count({ where: target });
}

export async function hasReminder(userId: string | null, showId: string): Promise<boolean> {
  if (!userId) return false;
  return (await db.reminder.count({ where: { userId, showId } })) > 0;
}

/** Which of these shows the shopper asked to be reminded of (for lists of show cards). */
export async function remindedShowIds(userId: string | null, showIds: string[]): Promise<Set<string>> {
  if (!userId || showIds.length === 0) return new Set();
  const rows = await db.reminder.findMany({ where: { userId, showId: { in: showIds } }, select: { showId: true } });
  return new Set(rows.map((row) => row.showId));
}

export async function unreadNoticeCount(userId: string): Promise<number> {
  return db.notice.count({ where: { userId, readAt: null } });
}

export type ShowAudience = { reminders: number; came: number };

export async function hostAudience(hostId: string) {
  const [followers, reminders, came] = await Promise.all([
    db.follow.count({ where: { hostId } }),
    db.reminder.groupBy({ by: ["showId"], where: { show: { hostId } }, _count: { _all: true } }),
    db.reminder.groupBy({ by: ["showId"], where: { show: { hostId }, cameAt: { not: null } }, _count: { _all: true } }),
  ]);
  const byShow: Record<string, ShowAudience> = {};
  for (const row of reminders) byShow[row.showId] = { reminders: row._count._all, came: 0 };
  for (const row of came) byShow[row.showId] = { reminders: byShow[row.showId]?.reminders ?? 0, came: row._count._all };
  const all = Object.values(byShow);
  return {
    followers,
    reminders: all.reduce((sum, show) => sum + show.reminders, 0),
    came: all.reduce((sum, show) => sum + show.came, 0),
    byShow,
  };
}
