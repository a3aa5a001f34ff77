// The one session store: the cookie carries only a signed, random session id; the Session table holds whose it
// is (and a guest's cart token), so deleting a row ends that session wherever its cookie still lingers.
import { randomBytes } from "node:crypto";
import { createSessionStorage, type SessionData, type SessionStorage } from "@remix-run/node";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "./db.server";
import { env } from "./env.server";

const DEV_SECRET = "cunbo-development-secret-change-me";
const MAX_AGE_SECONDS = 60 * 60 * 24 * 30;
// The account page shows when each device was last seen; writing that on every request would double the
// database work of a page view, so it is refreshed at most this often.
const LAST_SEEN_EVERY_MS = 10 * 60 * 1000;

/** Kept in their own columns (to list and end a user's sessions), not in the data blob. */
type Columns = { userId: string | null; ip: string | null; userAgent: string | null };

function split(data: SessionData): { columns: Columns; rest: Prisma.InputJsonObject } {
  const { userId, ip, userAgent, ...rest } = data as Record<string, unknown>;
  const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : null);
  return {
    columns: { userId: text(userId, 64), ip: text(ip, 64), userAgent: text(userAgent, 300) },
    rest: rest as Prisma.InputJsonObject,
  };
}

const fallbackExpiry = () => new Date(Date.now() + MAX_AGE_SECONDS * 1000);

let created: SessionStorage | undefined;

// Made on first use, like the database client, so tests and scripts can set the environment before it is read.
const storage = () =>
  (created ??= createSessionStorage({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      // Secure cookies only travel over HTTPS, so they follow the public URL rather than NODE_ENV.
      secure: env().PUBLIC_URL?.startsWith("https://") ?? false,
      // Several comma-separated secrets let an old one keep working while a new one takes over.
      secrets: (env().SESSION_SECRET ?? DEV_SECRET).split(",").map((secret) => secret.trim()),
      maxAge: MAX_AGE_SECONDS,
    },
    async createData(data, expires) {
      const id = randomBytes(32).toString("base64url");
      const { columns, rest } = split(data);
      const now = new Date();
      await db.session.create({ data: { id, ...columns, data: rest, expiresAt: expires ?? fallbackExpiry() } });
      // Log-ins are rare next to page views: a fine moment to sweep away sessions that ran out.
      await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
      return id;
    },
    async readData(id) {
      if (typeof id !== "string") return null;
      const row = await db.session.findUnique({ where: { id } });
      if (!row) return null;
      const now = Date.now();
      if (row.expiresAt.getTime() <= now) return null;
      if (now - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
        db.session
          .updateMany({ where: { id }, data: { lastSeenAt: new Date(now) } })
          .catch((error: Error) => console.error(`[session] last seen: ${error.message}`));
      }
      const data = { ...(row.data as Record<string, unknown>) };
      if (row.userId) data.userId = row.userId;
      if (row.ip) data.ip = row.ip;
      if (row.userAgent) data.userAgent = row.userAgent;
      return data;
    },
    async updateData(id, data, expires) {
      const { columns, rest } = split(data);
      const expiresAt = expires ?? fallbackExpiry();
      // A session ended elsewhere while this request ran (log out everywhere) comes back, if at all, only as a
      // guest's: a signed-in session is only ever made by createData at log-in.
      await db.session.upsert({
        where: { id },
        update: { ...columns, data: rest, expiresAt },
        create: { id, ...columns, userId: null, data: rest, expiresAt },
      });
    },
    async deleteData(id) {
      await db.session.deleteMany({ where: { id } });
    },
  }));

export const sessionStorage: SessionStorage = {
  async getSession(...args) {
    const session = await storage().getSession(...args);
    // A cookie signed before sessions moved into the table holds the data itself, so its "id" is an object: it
    // is not taken as anyone's session (it could never be ended), and the browser starts afresh.
    return typeof session.id === "string" ? session : storage().getSession();
  },
  commitSession: (...args) => storage().commitSession(...args),
  destroySession: (...args) => storage().destroySession(...args),
};

export async function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

/** Ends every session of a user: "log out everywhere", or an admin's doing. Returns how many ended. */
export async function endSessionsOf(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

export type DeviceSession = {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/** The devices a user is signed in on, the most recently seen first. */
export async function listSessionsOf(userId: string): Promise<DeviceSession[]> {
  return db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
}
