// The lucky-bag draw, pure: a secret seed and its public commitment (SHA-256), and the winners derived from the
// seed and the sorted tickets by HMAC-SHA256(seed, counter), with rejection sampling so no ticket is favoured.
// lucky-bag-rules.ts prints the same algorithm for anyone to rerun.
import { createHash, createHmac, randomBytes } from "node:crypto";

export function newSeed(): string {
  return randomBytes(32).toString("hex");
}

export function commitOf(seedHex: string): string {
  return createHash("sha256").update(Buffer.from(seedHex, "hex")).digest("hex");
}

/** The first `count` tickets of a partial Fisher–Yates shuffle of the sorted tickets, driven by the seed. */
export function drawWinners(seedHex: string, tickets: readonly string[], count: number): string[] {
  const key = Buffer.from(seedHex, "hex");
  // The default sort compares UTF-16 code units, exactly as the published snippet's does.
  const pool = [...tickets].sort();
  const picks = Math.min(Math.max(0, Math.floor(count)), pool.length);
  let counter = 0;
  for (let i = 0; i < picks; i++) {
    const left = pool.length - i;
    const limit = Math.floor(2 ** 32 / left) * left;
    let x: number;
    do {
      x = createHmac("sha256", key).update(String(counter++)).digest().readUInt32BE(0);
    } while (x >= limit);
    const j = i + (x % left);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, picks);
}
