// "Remind me" (预约) on a scheduled show, and the mark that a reminded shopper came to the room once it was live.
import { db } from "~/lib/db.server";
import { Conflict, NotFound } from "../errors.server";

/** Asks to be reminded when a scheduled show starts; a second ask keeps the one reminder. */
export async function remind(userId: string, showId: string) {
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true } });
  if (!show) throw new NotFound();
  if (show.status !== "scheduled") throw new Conflict("notices:error.notUpcoming");
  await db.reminder.createMany({ data: [{ userId, showId }], skipDuplicates: true });
}

export async function cancelReminder(userId: string, showId: string) {
  await db.reminder.deleteMany({ where: { userId, showId } });
}

/** A reminded shopper opened the room while the show was live: counted once, the first time. */
export async function markReminderCame(userId: string, showId: string, at = new Date()) {
  await db.reminder.updateMany({
    where: { userId, showId, cameAt: null, show: { status: "live" } },
    data: { cameAt: at },
  });
}
