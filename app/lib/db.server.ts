// The one Prisma client, kept by the singleton helper so that every copy of this module in a process (the
// build's, and a test's own from source) shares one connection pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";
import { dropSingleton, existingSingleton, singleton } from "./singleton.server";

export type Db = PrismaClient;

// Every connection talks UTC, whatever the database's own TimeZone (Asia/Shanghai on most databases in China):
// Prisma's pg adapter sends instants without an offset and relabels the offsets it reads as +00:00
// (prisma/orm#26786, #28629), so on any other session zone every timestamptz it reads or writes is hours off.
const SESSION_OPTIONS = "-c TimeZone=UTC";
const DB = "db";

export function createDb(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max, options: SESSION_OPTIONS }) });
}

function lazyDb(): PrismaClient {
  return singleton(DB, () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    return createDb(url, env().DATABASE_POOL_SIZE);
  });
}

// Created on first use, so tests and scripts can set DATABASE_URL before anything connects.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = lazyDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the pool if anything opened one (a process that never queried has nothing to close); the next query opens a new one. */
export async function disconnectDb(): Promise<void> {
  const client = existingSingleton<PrismaClient>(DB);
  dropSingleton(DB);
  await client?.$disconnect();
}
