// What a host sees of their audience: followers, and per show how many asked to be reminded and how many of those
// came to the room once it was live.
import { db } from "~/lib/db.server";

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
