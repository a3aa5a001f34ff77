// A token bucket per key, in this process's memory: `capacity` actions at once, then one per `refillMs`.
// Small and dependency-free; keys idle for a while are forgotten so the map does not grow without bound.
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
  ) {}

  /** Takes a token for `key`; false when the bucket is empty (the caller should refuse the action). */
  take(key: string, now = Date.now()): boolean {
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const refilled = Math.min(this.capacity, bucket.tokens + (now - bucket.at) / this.refillMs);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return false;
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    return true;
  }

  private sweep(now: number) {
    const idle = this.capacity * this.refillMs;
    if (now - this.lastSweep < idle) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > idle) this.buckets.delete(key);
  }
}
