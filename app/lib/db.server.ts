// The one Prisma client. A guarded global, because server/ (run from source) and the Remix build
// both import this module and must share one connection pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

declare global {
  var __cunboDb: PrismaClient | undefined;
}

export type Db = PrismaClient;

// Every connection talks UTC, whatever the database's own TimeZone (Asia/Shanghai on most databases in China):
// Prisma's pg adapter sends instants without an offset and relabels the offsets it reads as +00:00
// (prisma/orm#26786, #28629), so on any other session zone every timestamptz it reads or writes is hours off.
const SESSION_OPTIONS = "-c TimeZone=UTC";

export function createDb(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max, options: SESSION_OPTIONS }) });
}

function lazyDb(): PrismaClient {
  if (!globalThis.__cunboDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    globalThis.__cunboDb = createDb(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));
  }
  return globalThis.__cunboDb;
}

// Created on first use, so tests and scripts can set DATABASE_URL before anything connects.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = lazyDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
