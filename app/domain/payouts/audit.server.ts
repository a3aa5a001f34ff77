// The audit log of money out: who did what to which run, payout or account, when and from which address.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";

type Tx = Prisma.TransactionClient;

export type Actor = { userId: string | null; ip: string | null };

export async function audit(
  actor: Actor,
  action: string,
  subjectId: string | null,
  detail: Prisma.InputJsonValue = {},
  tx: Tx = db,
) {
  await tx.auditLog.create({ data: { actorId: actor.userId, ip: actor.ip, action, subjectId, detail } });
}

export async function recentAudit(limit = 50) {
  const rows = await db.auditLog.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  const users = await db.user.findMany({
    where: { id: { in: rows.map((r) => r.actorId).filter((id): id is string => Boolean(id)) } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? r.actorId) : null }));
}
