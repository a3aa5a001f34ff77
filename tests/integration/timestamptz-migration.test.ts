// The move to timestamptz on a database that already holds data: every stored time stays the instant it was, even
// on a database whose TimeZone is Asia/Shanghai, and no column is left without its zone.
import { cp, mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "~/lib/db.server";
import { migrate } from "../../server/migrate";
import { withAdmin } from "../helpers/postgres";

const MIGRATIONS = "prisma/migrations";
const baseUrl = inject("pgBaseUrl");
const name = `${decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1))}_upgrade`;
const url = `${baseUrl}/${name}`;

afterAll(() => withAdmin(baseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

/** The migrations a database made before the move to timestamptz had. */
async function migrationsBeforeTimestamptz(): Promise<string> {
  const names = (await readdir(MIGRATIONS, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const until = names.findIndex((n) => n.endsWith("_timestamptz"));
  const dir = await mkdtemp(path.join(os.tmpdir(), "cunbo-migrations-"));
  for (const n of names.slice(0, until === -1 ? names.length : until)) {
    await cp(path.join(MIGRATIONS, n), path.join(dir, n), { recursive: true });
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe("the move to timestamptz", () => {
  it("keeps every stored time the same instant on a Shanghai-time database, and leaves no time without a zone", async () => {
    await withAdmin(baseUrl, async (admin) => {
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.query(`ALTER DATABASE "${name}" SET timezone TO 'Asia/Shanghai'`);
    });
    await migrate(url, await migrationsBeforeTimestamptz());
    // What Prisma wrote into the old columns: UTC wall time. 16:30 UTC is 00:30 the next day in Shanghai.
    await query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
       VALUES ('u1', 'old@cunbo.test', '老用户', 'x', '2026-11-30 16:30:00.123', '2026-11-30 23:59:59.999')`,
    );

    await migrate(url);

    const naive = await query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`,
    );
    expect(naive).toEqual([]);
    const [row] = await query<{ created: boolean; updated: boolean }>(
      `SELECT "createdAt" = '2026-11-30T16:30:00.123Z'::timestamptz AS created,
              "updatedAt" = '2026-11-30T23:59:59.999Z'::timestamptz AS updated FROM "User" WHERE id = 'u1'`,
    );
    expect(row).toEqual({ created: true, updated: true });
    const db = createDb(url, 1);
    try {
      const user = await db.user.findUniqueOrThrow({ where: { id: "u1" } });
      expect(user.createdAt.toISOString()).toBe("2026-11-30T16:30:00.123Z");
      expect(user.updatedAt.toISOString()).toBe("2026-11-30T23:59:59.999Z");
    } finally {
      await db.$disconnect();
    }
  });
});
