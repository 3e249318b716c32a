import type { ClaimedDelivery } from "./claim";

/**
 * Sending at commit. A process whose own worker runs, and has room, inserts the deliveries it
 * queues already claimed by that worker: a claim id and a lease, written in the enqueuing
 * transaction itself. Once that transaction commits, the worker sends them with what it already
 * holds in memory, without the claim statement's round trip to the database. That round trip
 * was most of the time from commit to the receiver's first byte.
 *
 * The worker learns of the commit from the NOTIFY that carries the claim id, which the database
 * (Postgres, and the embedded one alike) delivers only at commit, and never after a rollback.
 *
 * Whatever goes wrong in between (a rollback, a lost notification, the process killed), the rows
 * are leased like any claim. A rolled-back row never existed. A committed one nobody sent is due
 * again for any worker when its lease ends. A delivery is never lost, nor sent twice while its
 * lease holds.
 */
export type HandOffTaker = {
  /**
   * Take these deliveries, about to be inserted under `claimId`, if there is room. Returns how
   * long their lease must last (in seconds), or null to leave them to the ordinary claim.
   */
  take(count: number, claimId: string, deliveries: () => ClaimedDelivery[]): { leaseSeconds: number } | null;
};

const holder = globalThis as unknown as { __csHandOffTaker?: HandOffTaker | null };

/** The running worker of this process takes hand-offs; at most one does. */
export function setHandOffTaker(taker: HandOffTaker | null): void {
  holder.__csHandOffTaker = taker;
}

export function handOffTaker(): HandOffTaker | null {
  return holder.__csHandOffTaker ?? null;
}

/** The NOTIFY payload that says "these rows are committed, and are this claim's". */
const PREFIX = "handoff:";
export const handOffPayload = (claimId: string) => `${PREFIX}${claimId}`;
/** The claim id of a hand-off notification, or null for a plain "look for work". */
export const handOffClaim = (payload: string | undefined): string | null =>
  payload?.startsWith(PREFIX) ? payload.slice(PREFIX.length) : null;
