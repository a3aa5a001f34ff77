// Following a host or a workshop: one follow per (shopper, target), made and undone idempotently.
import { db } from "~/lib/db.server";
import { NotFound } from "../errors.server";

export type FollowTarget = { hostId: string } | { workshopId: string };

async function assertTargetExists(target: FollowTarget) {
  const found =
    "hostId" in target
      ? await db.host.findFirst({ where: { id: target.hostId, status: "approved" }, select: { id: true } })
      : await db.workshop.findFirst({ where: { id: target.workshopId, status: "approved" }, select: { id: true } });
  if (!found) throw new NotFound();
}

/** Follows the target; following twice keeps the one follow (the unique index decides, not a read first). */
export async function follow(userId: string, target: FollowTarget) {
  await assertTargetExists(target);
  await db.follow.createMany({ data: [{ userId, ...target }], skipDuplicates: true });
}

export async function unfollow(userId: string, target: FollowTarget) {
  await db.follow.deleteMany({ where: { userId, ...target } });
}
