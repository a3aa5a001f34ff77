// The PostgreSQL server tests run against: the one DATABASE_URL points at, or an embedded one under .data/.
import path from "node:path";
import pg from "pg";
import type { RunningPostgres } from "../../server/embedded-postgres.ts";

export async function startTestPostgres(): Promise<RunningPostgres> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const base = new URL(url);
    base.pathname = "";
    return { baseUrl: base.toString().replace(/\/$/, ""), stop: async () => {} };
  }
  const { startEmbeddedPostgres } = await import("../../server/embedded-postgres.ts");
  // A child run (tests/integration/suite-truth.test.ts) gets a cluster of its own, never the parent's running one.
  // server/embedded-postgres.ts takes off the exit hooks embedded-postgres adds, which made failed runs exit 0.
  return startEmbeddedPostgres(path.resolve(process.env.CUNBO_TEST_PG_DIR ?? ".data/test-pg"));
}

export async function withAdmin<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
