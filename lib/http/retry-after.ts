/** Longest Retry-After we honour; a receiver asking for more is retried on our own schedule. */
const MAX_RETRY_AFTER_MS = 3600_000;

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`; null when absent or silly. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms) || ms < 0) return null;
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}
