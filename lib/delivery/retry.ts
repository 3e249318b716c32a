import type { DeliverySettings } from "./config";

export { parseRetryAfter } from "@/lib/http/retry-after";

/** base · 2^(n−1), ±20 % jitter so a receiver coming back is not hit by every retry at once. */
export function backoffMs(attemptNumber: number, baseMs: number, random: () => number = Math.random): number {
  const exact = baseMs * 2 ** Math.max(0, attemptNumber - 1);
  return Math.round(exact * (0.8 + 0.4 * random()));
}

export type AttemptVerdict = { ok: boolean; disable: boolean; retryAfterMs: number | null };
export type NextStep = { status: "pending" | "delivered" | "failed"; nextAttemptAt: Date | null };

/** What happens to a delivery after its `attemptNumber`-th attempt of this run. */
export function nextStep(
  verdict: AttemptVerdict,
  attemptNumber: number,
  settings: DeliverySettings,
  now: number = Date.now(),
): NextStep {
  if (verdict.ok) return { status: "delivered", nextAttemptAt: null };
  // 410 Gone: the receiver told us to stop; the integration is disabled and nothing more is sent.
  if (verdict.disable || attemptNumber >= settings.maxAttempts) return { status: "failed", nextAttemptAt: null };
  const wait = Math.max(backoffMs(attemptNumber, settings.retryBaseMs), verdict.retryAfterMs ?? 0);
  return { status: "pending", nextAttemptAt: new Date(now + wait) };
}
