// A show's stream key, for publishing from an encoder (OBS's WHIP output) without a browser session: issued and
// shown once, kept only as its SHA-256, revocable, and replaced by issuing again.
import { createHash, randomBytes } from "node:crypto";
import { db } from "~/lib/db.server";

const PREFIX = "cbk_";

// The key is 256 random bits, so one fast hash is enough: there is nothing to guess that a slow hash would slow.
const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");

/** Issues the show's new key, revoking the one before; the returned key is never shown again. */
export async function issueStreamKey(showId: string): Promise<string> {
  const key = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  await db.$transaction(async (tx) => {
    await tx.streamKey.updateMany({ where: { showId, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.streamKey.create({ data: { showId, keyHash: hashOf(key) } });
  });
  return key;
}

/** Revokes the show's current key, if it has one; encoders holding it may no longer publish. */
export async function revokeStreamKey(showId: string): Promise<boolean> {
  const { count } = await db.streamKey.updateMany({
    where: { showId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** When the show's current key was issued (to say "a key exists"), or null. */
export async function currentStreamKeyIssuedAt(showId: string): Promise<Date | null> {
  const row = await db.streamKey.findFirst({ where: { showId, revokedAt: null }, select: { createdAt: true } });
  return row?.createdAt ?? null;
}

/** Whether `key` is the show's current key. */
export async function isCurrentStreamKey(showId: string, key: string): Promise<boolean> {
  if (!key.startsWith(PREFIX) || key.length > 100) return false;
  const row = await db.streamKey.findUnique({
    where: { keyHash: hashOf(key) },
    select: { showId: true, revokedAt: true },
  });
  return row?.showId === showId && row.revokedAt === null;
}
