// Sets the TimeZone of this test file's database (Asia/Shanghai is the usual setting on databases in China), and
// opens plain sessions on it that keep that zone, as psql, a report or another program would see the data.
import pg from "pg";
import { inject } from "vitest";
import { disconnectDb } from "../../app/lib/db.server.ts";
import { withAdmin } from "./postgres.ts";

function databaseName(): string {
  return decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1));
}

/** From now on every new session on this file's database starts in `zone`; the app's pool reconnects to take it. */
export async function setDatabaseTimeZone(zone: string): Promise<void> {
  const name = databaseName().replace(/"/g, '""');
  await withAdmin(inject("pgBaseUrl"), (admin) => admin.query(`ALTER DATABASE "${name}" SET timezone TO '${zone}'`));
  // A session takes the database's settings when it opens, so sessions opened before would keep the old zone.
  await disconnectDb();
}

/** One query on a session of its own, in the database's own TimeZone. */
export async function plainQuery<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
