// `npm start`: everything a fresh clone needs. With no DATABASE_URL it runs an embedded PostgreSQL under
// ./.data/ (or DATA_DIR), applies the committed migrations, seeds an empty database once, builds the app when the build
// is missing or older than the sources, then serves it and prints the URL.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import webpush from "web-push";
import { loadAppBuild } from "./app-build.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { serverOptions, startServer } from "./index.ts";
import { startJobs } from "./jobs.ts";
import { ensureDatabase, migrate } from "./migrate.ts";

const started = Date.now();
// The two settings needed before the app may read its environment (its env() parses once and caches, and the
// SESSION_SECRET and DATABASE_URL this file provides are not set yet); every other setting comes from env().
const DATA_DIR = path.resolve(process.env.DATA_DIR || ".data");
const DEBUG_POSTGRES = Boolean(process.env.DEBUG_POSTGRES);
const say = (line: string) => console.log(`[cunbo] ${line}`);

async function sessionSecret(): Promise<string> {
  const file = path.join(DATA_DIR, "session-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** The Web Push key pair, generated once and kept beside the session secret (subscriptions are bound to it). */
async function vapidKeys(): Promise<{ publicKey: string; privateKey: string }> {
  const file = path.join(DATA_DIR, "vapid-keys.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8"));
  const keys = webpush.generateVAPIDKeys();
  await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Seeds a database without workshops (the seed's own test), in a child process: the seed runs app code from
 * source, which the serving process never loads. Asked here first so that a seeded database costs no child.
 */
async function seedIfEmpty(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client
    .query<{ seeded: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Workshop") AS seeded`)
    .finally(() => client.end());
  if (rows[0].seeded) return;
  const result = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed-demo.ts"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("seeding the database failed");
}

function buildIfNeeded() {
  const built = path.resolve("build/index.js");
  const stale = !existsSync(built) || statSync(built).mtimeMs < newestMtime(path.resolve("app"));
  if (!stale) return;
  say("building the app (remix build)…");
  const result = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("remix build failed");
}

// What has been started so far, stopped in reverse order by a signal at any point (during migrations or the seed
// too), so that no signal leaves the database running without us.
const running: (() => Promise<void>)[] = [];
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: shutting down`);
  let code = 0;
  for (const stop of running.reverse()) {
    await stop().catch((error) => {
      console.error(error);
      code = 1;
    });
  }
  process.exit(code);
}

async function main() {
  // SIGHUP: the terminal was closed.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal));
  await mkdir(DATA_DIR, { recursive: true });
  process.env.NODE_ENV ??= "production";
  process.env.SESSION_SECRET ??= await sessionSecret();
  if (!process.env.VAPID_PUBLIC_KEY || !process.env.VAPID_PRIVATE_KEY) {
    const keys = await vapidKeys();
    process.env.VAPID_PUBLIC_KEY = keys.publicKey;
    process.env.VAPID_PRIVATE_KEY = keys.privateKey;
  }

  if (!process.env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres(
      path.join(DATA_DIR, "pg"),
      (line) => {
        if (DEBUG_POSTGRES) console.log(line);
      },
      say,
    );
    say(
      `no DATABASE_URL: embedded PostgreSQL running with its data in ${path.relative(process.cwd(), pg.dataDir ?? "") || pg.dataDir}`,
    );
    running.push(pg.stop);
    process.env.DATABASE_URL = `${pg.baseUrl}/cunbo`;
  }
  const databaseUrl = process.env.DATABASE_URL;
  await ensureDatabase(databaseUrl);
  const applied = await migrate(databaseUrl);
  say(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  await seedIfEmpty(databaseUrl);

  buildIfNeeded();
  const { api } = await loadAppBuild();
  running.push(() => api.disconnectDb());
  const jobs = await startJobs(databaseUrl);
  running.push(() => jobs.stop());
  const settings = api.env();
  const server = await startServer(serverOptions(settings));
  running.push(() => server.close());
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`\n  Cunbo 村播 is running at ${server.url}\n`);
}

main().catch((error) => {
  // A signal's shutdown stops what failed under it; it exits when done.
  if (stopping) return;
  console.error(error);
  process.exit(1);
});
