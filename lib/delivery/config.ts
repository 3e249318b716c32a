/** The delivery engine's knobs (contract §1), read on use so tests and scripts can set them. */
export function deliverySettings() {
  const num = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    retryBaseMs: num("DELIVERY_RETRY_BASE_MS", 10_000),
    maxAttempts: num("DELIVERY_MAX_ATTEMPTS", 8),
    /** How long a claim holds its rows; a worker that dies gives them back when it ends. */
    leaseMs: num("DELIVERY_LEASE_MS", 60_000),
    /** An integration failing without a single success for this long is disabled. */
    disableAfterMs: num("DELIVERY_DISABLE_AFTER_MS", 3 * 24 * 3600_000),
    coalesceMs: num("EVENTS_COALESCE_MS", 2_000),
    /** An event never waits longer than this from its first change, however busy: batching never starves a receiver. */
    coalesceCapMs: 30_000,
    maxIdsPerEvent: 1000,
    batchSize: num("DELIVERY_BATCH_SIZE", 100),
    maxInFlight: num("DELIVERY_MAX_IN_FLIGHT", 256),
    retentionMs: 14 * 24 * 3600_000,
    /** LISTEN/NOTIFY and in-process wakes are the fast path; this poll is the backstop. */
    pollMs: 1_000,
  };
}

export type DeliverySettings = ReturnType<typeof deliverySettings>;

/** The channel enqueuers notify (at commit) and workers listen on. */
export const WAKE_CHANNEL = "cs_deliveries";
