import { describe, expect, it } from "vitest";
import { type Bucket, takeToken } from "@/lib/rate-limit/bucket";
import type { RateLimit } from "@/lib/rate-limit/bucket";

/** The bucket arithmetic, folded over a map as the database table holds it. */
class MemoryRateLimiter {
  private buckets = new Map<string, Bucket>();
  async reserve(limit: RateLimit, now: number): Promise<number> {
    const { bucket, wait } = takeToken(this.buckets.get(limit.key), limit, now);
    this.buckets.set(limit.key, bucket);
    return wait;
  }
}

describe("per-endpoint rate limits", () => {
  it("lets a burst through, then spaces the rest one interval apart instead of dropping them", async () => {
    const limiter = new MemoryRateLimiter();
    const slack = { key: "slack:abc", ratePerSecond: 1, burst: 2 };
    expect(await limiter.reserve(slack, 0)).toBe(0);
    expect(await limiter.reserve(slack, 0)).toBe(0);
    const waits = [await limiter.reserve(slack, 0), await limiter.reserve(slack, 0), await limiter.reserve(slack, 0)];
    expect(waits).toEqual([1000, 2000, 3000]);
    // A second later one token has refilled: this send takes it and goes now. A throttled send
    // holds no token, only a slot; it asks again when its slot comes (process-one.ts), so every
    // send that actually goes has taken a real token.
    expect(await limiter.reserve(slack, 1000)).toBe(0);
  });

  it("keeps endpoints apart", async () => {
    const limiter = new MemoryRateLimiter();
    expect(await limiter.reserve({ key: "a", ratePerSecond: 2, burst: 1 }, 0)).toBe(0);
    expect(await limiter.reserve({ key: "b", ratePerSecond: 2, burst: 1 }, 0)).toBe(0);
    expect(await limiter.reserve({ key: "a", ratePerSecond: 2, burst: 1 }, 0)).toBe(500);
  });

  it("refills with time, never beyond the burst", async () => {
    const limiter = new MemoryRateLimiter();
    const hook = { key: "w", ratePerSecond: 10, burst: 2 };
    expect([await limiter.reserve(hook, 0), await limiter.reserve(hook, 0)]).toEqual([0, 0]);
    expect(await limiter.reserve(hook, 0)).toBe(100);
    // Ten seconds later the bucket holds its burst of two, not a hundred tokens.
    expect([
      await limiter.reserve(hook, 10_000),
      await limiter.reserve(hook, 10_000),
      await limiter.reserve(hook, 10_000),
    ]).toEqual([0, 0, 100]);
  });
});
