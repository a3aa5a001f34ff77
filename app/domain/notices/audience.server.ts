// What a host sees of their audience: followers, and per show how many asked to be reminded and how many of those
// came to the room once it was live.
import { db } from "~/lib/db.server";

export type ShowAudience = { showId: string; title: string; status: string; scheduledAt: string; reminders: number; came: number };

export async function hostAudience(hostId: string) {
  const [followers, shows] = await Promise.all([
    db.follow.count({ where: { hostId } }),
    db.show.findMany({
      where: { hostId },
      orderBy: { scheduledAt: "desc" },
      take: 10,
      select: { id: true, title: true, status: true, scheduledAt: true, _count: { select: { reminders: true } } },
    }),
  ]);
  const came = await db.reminder.groupBy({
    by: ["showId"],
    where: { showId: { in: shows.map((show) => show.id) }, cameAt: { not: null } },
    _count: { _all: true },
  });
  const cameBy = new Map(came.map((row) => [row.showId, row._count._all]));
  const perShow: ShowAudience[] = shows.map((show) => ({
    showId: show.id,
    title: show.title,
    status: show.status,
    scheduledAt: show.scheduledAt.toISOString(),
    reminders: show._count.reminders,
    came: cameBy.get(show.id) ?? 0,
  }));
  return {
    followers,
    reminders: perShow.reduce((sum, show) => sum + show.reminders, 0),
    came: perShow.reduce((sum, show) => sum + show.came, 0),
    shows: perShow,
  };
}
