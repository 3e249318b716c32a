import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/lib/delivery/rate-limit";

describe("per-endpoint rate limits", () => {
  it("lets a burst through, then spaces the rest one interval apart instead of dropping them", () => {
    const limiter = new RateLimiter();
    const slack = { key: "slack:abc", ratePerSecond: 1, burst: 2 };
    expect(limiter.reserve(slack, 0)).toBe(0);
    expect(limiter.reserve(slack, 0)).toBe(0);
    const waits = [limiter.reserve(slack, 0), limiter.reserve(slack, 0), limiter.reserve(slack, 0)];
    expect(waits).toEqual([1000, 2000, 3000]);
    expect(limiter.reserve(slack, 1000)).toBeGreaterThanOrEqual(0);
  });

  it("keeps endpoints apart", () => {
    const limiter = new RateLimiter();
    expect(limiter.reserve({ key: "a", ratePerSecond: 2, burst: 1 }, 0)).toBe(0);
    expect(limiter.reserve({ key: "b", ratePerSecond: 2, burst: 1 }, 0)).toBe(0);
    expect(limiter.reserve({ key: "a", ratePerSecond: 2, burst: 1 }, 0)).toBe(500);
  });
});
