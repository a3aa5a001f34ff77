// The Redis the tests share live rooms through: REDIS_URL when set, else a Redis answering on this machine's
// default port (as on every development and CI machine here). Found once, in the global setup.
import net from "node:net";
import { inject } from "vitest";

export const LOCAL_REDIS = "redis://127.0.0.1:6379";

export async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/** The Redis to use, or why there is none (for the tests that fail loudly without one). */
export async function findTestRedis(): Promise<{ url: string } | { missing: string }> {
  const configured = process.env.REDIS_URL;
  if (configured) {
    return (await reachable(configured)) ? { url: configured } : { missing: `Redis at ${configured} is not reachable` };
  }
  if (await reachable(LOCAL_REDIS)) return { url: LOCAL_REDIS };
  return { missing: `REDIS_URL is not set and no Redis answers at ${LOCAL_REDIS}` };
}

/** In a test file: the Redis found by the global setup. */
export function testRedis(): { url: string } | { missing: string } {
  const url = inject("redisUrl");
  return url ? { url } : { missing: inject("redisMissing") };
}
