// The Redis connection shared live rooms use when REDIS_URL is set, and the key prefix that keeps one
// deployment's keys (and each test database's) apart from another's on the same Redis.
import { createHash } from "node:crypto";
import { createClient } from "redis";

function newClient(url: string) {
  return createClient({
    url,
    socket: { connectTimeout: 3000, reconnectStrategy: (retries) => Math.min(retries * 200, 3000) },
  });
}

export type Redis = ReturnType<typeof newClient>;

export async function connectRedis(url: string): Promise<Redis> {
  const client = newClient(url);
  let reported = false;
  client.on("error", (error: Error) => {
    // Reconnection is automatic; say so once per outage rather than on every retry.
    if (!reported) console.error(`[realtime] Redis error: ${error.message}`);
    reported = true;
  });
  client.on("ready", () => {
    reported = false;
  });
  await client.connect();
  return client;
}

/** Processes share rooms when they share a database, so the prefix follows the database (never its password). */
export function redisPrefix(databaseUrl: string | undefined): string {
  let identity = "default";
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    identity = `${url.hostname}:${url.port}${url.pathname}`;
  }
  return `cunbo:${createHash("sha1").update(identity).digest("hex").slice(0, 12)}`;
}
