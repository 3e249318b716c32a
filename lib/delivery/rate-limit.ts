import type { IntegrationConfig, RateLimit } from "@/lib/integrations/types";

type Bucket = { tokens: number; updatedAt: number; nextSlotAt: number };

/**
 * Per-endpoint token buckets (Slack ~1/s with a small burst, PagerDuty 120/min per routing key,
 * webhooks as the administrator sets). A send that finds the bucket empty is never dropped: it
 * gets the next free slot, spaced one interval after the previous throttled send, and the
 * delivery is rescheduled to it. Buckets live in this process; several workers on one database
 * each keep their own.
 */
export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  /** Milliseconds this send must wait: 0 means go now (a token was taken). */
  reserve(limit: RateLimit, now: number = Date.now()): number {
    const burst = Math.max(1, limit.burst);
    const interval = 1000 / limit.ratePerSecond;
    const bucket = this.buckets.get(limit.key) ?? { tokens: burst, updatedAt: now, nextSlotAt: 0 };
    this.buckets.set(limit.key, bucket);
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * limit.ratePerSecond);
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    const slot = Math.max(bucket.nextSlotAt, now + (1 - bucket.tokens) * interval);
    bucket.nextSlotAt = slot + interval;
    return Math.ceil(slot - now);
  }
}

/** A webhook's limit as its administrator set it (`rateLimitPerSecond`); none by default. */
export function adminRateLimit(config: IntegrationConfig): RateLimit | undefined {
  const perSecond = Number(config.settings.rateLimitPerSecond);
  if (!Number.isFinite(perSecond) || perSecond <= 0) return undefined;
  return { key: `${config.provider}:${config.id}`, ratePerSecond: perSecond, burst: Math.max(1, Math.ceil(perSecond)) };
}
