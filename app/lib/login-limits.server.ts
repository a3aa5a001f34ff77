// How fast passwords may be guessed: per address (short and roomy, since a whole village can share one NAT
// address) and per account (a growing pause after a few misses, however many addresses the guesses come from).
// Counted in Redis when REDIS_URL is set, so every process sees the same counts; in memory otherwise.
import { createHash } from "node:crypto";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { data } from "@remix-run/node";
import { createClient } from "redis";
import { env } from "./env.server";

/** Wrong guesses one address may make in ADDRESS_WINDOW before it waits for the window to pass. */
export const ADDRESS_GUESSES = 50;
const ADDRESS_WINDOW_SECONDS = 10 * 60;
/** Sign-ups one address may make in its window: enough for a village's launch day, not for bulk accounts. */
export const ADDRESS_SIGNUPS = 30;
/** Misses on one account before each further guess must wait, the wait doubling each time up to MAX_PAUSE. */
export const ACCOUNT_FREE_MISSES = 5;
const MAX_PAUSE_SECONDS = 15 * 60;
const ACCOUNT_MEMORY_SECONDS = 24 * 60 * 60;

export type Refusal = { retryAfterSeconds: number };

type Limiters = {
  /** Settles once Redis answers (or has been given up on for now), so counts do not start split in two stores. */
  ready: Promise<void>;
  addressGuesses: RateLimiterAbstract;
  addressSignups: RateLimiterAbstract;
  accountMisses: RateLimiterAbstract;
  accountPause: RateLimiterAbstract;
};

declare global {
  var __cunboLoginLimiters: Limiters | undefined;
}

/** Keys follow the database, as the live rooms' do, so processes sharing a database share counts (and tests don't). */
function keyPrefix(): string {
  const url = env().DATABASE_URL ? new URL(env().DATABASE_URL as string) : null;
  const identity = url ? `${url.hostname}:${url.port}${url.pathname}` : "default";
  return `cunbo:${createHash("sha1").update(identity).digest("hex").slice(0, 12)}:login`;
}

function connectRedis(url: string) {
  const client = createClient({
    url,
    socket: { connectTimeout: 3000, reconnectStrategy: (retries) => Math.min(retries * 200, 3000) },
  });
  let reported = false;
  client.on("error", (error: Error) => {
    // Counting falls back to memory while Redis is away; say so once per outage.
    if (!reported) console.error(`[login-limits] Redis error: ${error.message}`);
    reported = true;
  });
  client.on("ready", () => (reported = false));
  const connected = client.connect().then(
    () => {},
    () => {},
  );
  // Nothing here should keep a finished process (a test, a script) alive.
  client.unref();
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, 3000).unref()));
  const ready = Promise.race([connected, gaveUp]).finally(() => clearTimeout(timer));
  return { client, ready };
}

function limiters(): Limiters {
  if (globalThis.__cunboLoginLimiters) return globalThis.__cunboLoginLimiters;
  const url = env().REDIS_URL;
  const connection = url ? connectRedis(url) : null;
  const redis = connection?.client;
  const prefix = keyPrefix();
  const make = (name: string, options: IRateLimiterOptions): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ ...options, keyPrefix: `${prefix}:${name}` });
    if (!redis) return memory;
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `${prefix}:${name}`,
      storeClient: redis,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  globalThis.__cunboLoginLimiters = {
    ready: connection?.ready ?? Promise.resolve(),
    addressGuesses: make("address", { points: ADDRESS_GUESSES, duration: ADDRESS_WINDOW_SECONDS }),
    addressSignups: make("signup", { points: ADDRESS_SIGNUPS, duration: ADDRESS_WINDOW_SECONDS }),
    // Only counts; never refuses by itself (the pause does).
    accountMisses: make("misses", { points: 1_000_000, duration: ACCOUNT_MEMORY_SECONDS }),
    accountPause: make("pause", { points: 1, duration: 1 }),
  };
  return globalThis.__cunboLoginLimiters;
}

/** A refusal from the limiter, or rethrows what went wrong in its store. */
function refusal(error: unknown): Refusal {
  if (error instanceof RateLimiterRes) return { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
  throw error;
}

// E-mails are hashed so the counting store never holds anyone's address.
const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

export function pauseAfter(misses: number): number {
  return Math.min(2 ** (misses - ACCOUNT_FREE_MISSES), MAX_PAUSE_SECONDS);
}

export type Attempt = { refused: Refusal } | { refused: null; settle: (succeeded: boolean) => Promise<void> };

/**
 * Counts a log-in attempt before its password is checked (so a burst of parallel guesses is counted too), or
 * refuses it. The caller then settles it: a success is not held against the address and clears the account.
 */
export async function beginLogin(address: string, email: string): Promise<Attempt> {
  const { ready, addressGuesses, accountMisses, accountPause } = limiters();
  await ready;
  const account = accountKey(email);
  try {
    await addressGuesses.consume(address);
  } catch (error) {
    return { refused: refusal(error) };
  }
  const { consumedPoints: attempt } = await accountMisses.consume(account);
  if (attempt > ACCOUNT_FREE_MISSES) {
    try {
      // Atomic: of many guesses arriving together, one opens the pause and the rest are refused by it.
      await accountPause.consume(account, 1, { customDuration: pauseAfter(attempt) });
    } catch (error) {
      // A refused guess tested nothing, so it neither grows the pause nor uses the address's allowance.
      await Promise.all([accountMisses.reward(account), addressGuesses.reward(address)]);
      return { refused: refusal(error) };
    }
  }
  return {
    refused: null,
    async settle(succeeded) {
      if (!succeeded) return;
      await Promise.all([addressGuesses.reward(address), accountMisses.delete(account), accountPause.delete(account)]);
    },
  };
}

/** Counts a sign-up from an address, or refuses it. */
export async function beginSignUp(address: string): Promise<Refusal | null> {
  const { ready, addressSignups } = limiters();
  await ready;
  try {
    await addressSignups.consume(address);
    return null;
  } catch (error) {
    return refusal(error);
  }
}

/** The 429 answer for a refused form: the form's reply (shown beside it) plus when to try again. */
export function tooManyAttempts<Reply extends object>(reply: Reply, { retryAfterSeconds }: Refusal) {
  return data({ ...reply, retryAfterSeconds }, { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } });
}
