// Rate limits per key (a user, say) that hold across the processes serving Cunbo: in this process's memory,
// and in Redis once server/ shares it (REDIS_URL), so that reconnecting to another process starts no fresh
// allowance. Built on rate-limiter-flexible; a Redis outage falls back to memory rather than refusing everyone.
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { singleton } from "./singleton.server";

/** `burst` actions at once, then one every `refillMs`. */
export type RateLimit = { name: string; burst: number; refillMs: number };

type Store = { redis: unknown; prefix: string } | null;

const limits = singleton("rate-limits", () => ({
  store: null as Store,
  limiters: new Map<string, BurstyRateLimiter>(),
}));

function limiterFor(limit: RateLimit): BurstyRateLimiter {
  const made = limits.limiters.get(limit.name);
  if (made) return made;
  const { store } = limits;
  const window = (points: number, seconds: number, part: string): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ points, duration: seconds, keyPrefix: `${limit.name}:${part}` });
    if (!store) return memory;
    return new RateLimiterRedis({
      storeClient: store.redis,
      useRedisPackage: true,
      // While Redis is away node-redis would queue the command; the memory limiter answers instead.
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
      keyPrefix: `${store.prefix}:rate:${limit.name}:${part}`,
      points,
      duration: seconds,
    });
  };
  // The token bucket's shape in fixed windows: one action per refill period, plus the rest of the burst
  // spread over the time a whole bucket takes to refill.
  const refillSeconds = Math.max(1, Math.ceil(limit.refillMs / 1000));
  const limiter = new BurstyRateLimiter(
    window(1, refillSeconds, "steady"),
    window(Math.max(1, limit.burst - 1), refillSeconds * limit.burst, "burst"),
  );
  limits.limiters.set(limit.name, limiter);
  return limiter;
}

/** Takes one action of `limit` for `key`; false when the key has used up its allowance. */
export async function takeRateLimit(limit: RateLimit, key: string): Promise<boolean> {
  try {
    await limiterFor(limit).consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/**
 * Keeps every rate limit in this Redis (a connected node-redis client), under `prefix`, from now on; null goes
 * back to memory (the client is closing).
 */
export function shareRateLimits(redis: unknown, prefix = "cunbo") {
  limits.store = redis ? { redis, prefix } : null;
  limits.limiters.clear();
}
