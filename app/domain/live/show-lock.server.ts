// The show row locked for the rest of a transaction, so pins, deals and status changes of one show queue up.
import type { Prisma } from "~/generated/prisma/client";
import { NotFound } from "../errors.server";

export async function lockShow(tx: Prisma.TransactionClient, showId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text AS status FROM "Show" WHERE id = ${showId} FOR UPDATE`;
  if (!rows[0]) throw new NotFound();
  return rows[0] as { id: string; status: "scheduled" | "live" | "ended" };
}
