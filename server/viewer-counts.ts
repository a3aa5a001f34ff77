// How many people watch each show. Each process counts the sockets in its own show rooms; with Redis the
// processes also write their counts into one hash per show (field: process id, value: "count|time") and each
// sums the fresh ones, so every viewer sees the total across processes. Counts go out at most once a second
// and only when they change, however many people join at once.
import { randomUUID } from "node:crypto";
import type { Io } from "./realtime.ts";
import type { Redis } from "./redis.ts";

const ROOM_PREFIX = "show:";
const STALE_MS = 5000;

export type ViewerCounts = { total(showId: string): number; stop(): void };

type Options = {
  redis: Redis | null;
  prefix: string;
  intervalMs?: number;
  /** Called when a show's total passes its highest so far (to keep Show.peakViewers). */
  onPeak?: (showId: string, total: number) => void;
};

export function startViewerCounts(io: Io, { redis, prefix, intervalMs = 1000, onPeak }: Options): ViewerCounts {
  const serverId = randomUUID();
  const adapter = io.of("/").adapter;
  const tracked = new Set<string>();
  const totals = new Map<string, number>();
  const peaks = new Map<string, number>();
  const local = (showId: string) => adapter.rooms.get(ROOM_PREFIX + showId)?.size ?? 0;

  adapter.on("join-room", (room: string) => {
    if (room.startsWith(ROOM_PREFIX)) tracked.add(room.slice(ROOM_PREFIX.length));
  });

  async function sum(showId: string, count: number, now: number): Promise<number> {
    if (!redis) return count;
    const key = `${prefix}:viewers:${showId}`;
    const [, , fields] = (await redis
      .multi()
      .hSet(key, serverId, `${count}|${now}`)
      .pExpire(key, 60_000)
      .hGetAll(key)
      .exec()) as unknown as [unknown, unknown, Record<string, string>];
    let total = 0;
    const stale: string[] = [];
    for (const [field, value] of Object.entries(fields ?? {})) {
      const [n, at] = value.split("|").map(Number);
      if (now - at > STALE_MS) stale.push(field);
      else total += n;
    }
    if (stale.length) await redis.hDel(key, stale);
    return total;
  }

  async function tick() {
    const now = Date.now();
    for (const showId of tracked) {
      const count = local(showId);
      const total = await sum(showId, count, now);
      if (count === 0) {
        // Nobody here any more: say so once (above) and stop reporting this show until someone joins again.
        tracked.delete(showId);
        totals.delete(showId);
        if (redis) await redis.hDel(`${prefix}:viewers:${showId}`, serverId);
        continue;
      }
      if (totals.get(showId) !== total) {
        totals.set(showId, total);
        io.local.to(ROOM_PREFIX + showId).emit("viewers", { count: total });
      }
      if (total > (peaks.get(showId) ?? 0)) {
        peaks.set(showId, total);
        onPeak?.(showId, total);
      }
    }
  }

  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch((error: Error) => console.error(`[realtime] viewer counts: ${error.message}`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();

  return {
    total: (showId) => totals.get(showId) ?? local(showId),
    stop: () => clearInterval(timer),
  };
}
