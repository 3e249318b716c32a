import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";

/** Per-endpoint throttle: a token bucket of `ratePerSecond` with `burst` capacity. */
export type RateLimit = { key: string; ratePerSecond: number; burst: number };

export type Bucket = { tokens: number; updatedAt: number; nextSlotAt: number };

/**
 * Token-bucket arithmetic for one send (Slack ~1/s with a small burst, PagerDuty 120/min, webhooks
 * as the administrator sets). A send that finds the bucket empty is never dropped: it gets the
 * next free slot, one interval after the previous throttled send. Returns the bucket after the
 * send and how many milliseconds it must wait (0: a token was taken, go now).
 */
export function takeToken(
  previous: Bucket | undefined,
  limit: RateLimit,
  now: number,
): { bucket: Bucket; wait: number } {
  const burst = Math.max(1, limit.burst);
  const interval = 1000 / limit.ratePerSecond;
  const start = previous ?? { tokens: burst, updatedAt: now, nextSlotAt: 0 };
  const tokens = Math.min(burst, start.tokens + (Math.max(0, now - start.updatedAt) / 1000) * limit.ratePerSecond);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, updatedAt: now, nextSlotAt: start.nextSlotAt }, wait: 0 };
  const slot = Math.max(start.nextSlotAt, now + (1 - tokens) * interval);
  return { bucket: { tokens, updatedAt: now, nextSlotAt: slot + interval }, wait: Math.ceil(slot - now) };
}

/**
 * Buckets in the database, so every worker process on it shares one limit per endpoint. The
 * upsert creates the bucket full on first use, or locks and reads the existing one; the row stays
 * locked until this send's update commits. Only rate-limited endpoints pay for it.
 */
export class RateLimiter {
  /** Milliseconds this send must wait: 0 means go now (a token was taken). */
  async reserve(limit: RateLimit, now: number = Date.now()): Promise<number> {
    return db.transaction(async (tx) => {
      const [row] = await rows<{ tokens: number; updatedAt: number; nextSlotAt: number }>(
        tx,
        sql`insert into rate_limit_buckets (key, tokens, updated_at_ms, next_slot_ms)
            values (${limit.key}, ${Math.max(1, limit.burst)}, ${now}, 0)
            on conflict (key) do update set key = excluded.key
            returning tokens, updated_at_ms as "updatedAt", next_slot_ms as "nextSlotAt"`,
      );
      const previous = {
        tokens: Number(row.tokens),
        updatedAt: Number(row.updatedAt),
        nextSlotAt: Number(row.nextSlotAt),
      };
      const { bucket, wait } = takeToken(previous, limit, now);
      await tx.execute(
        sql`update rate_limit_buckets set tokens = ${bucket.tokens}, updated_at_ms = ${bucket.updatedAt}, next_slot_ms = ${bucket.nextSlotAt}
            where key = ${limit.key}`,
      );
      return wait;
    });
  }
}
