// @ts-nocheck
import { handle } from "@/db/client";
import { errorSummary } from "@/lib/log";
import { pruneDeliveryLog, vacuumDeliveries } from "./retention";

const PRUNE_EVERY_MS = 3600_000;
const FIRST_PRUNE_MS = 60_000;
/**
 * Embedded database: vacuum after this many finished rows once the queue has been quiet a second
 * (with analyze), or after this many while busy (without: claims need no statistics, claim.ts).
 * Nothing else vacuums there, and every delivery leaves two dead row versions: without it the
 * table bloats and each claim wades through dead index entries. A vacuum holds the one connection
 * for some 400 ms at 40,000 rows, so a busy worker does it rarely; every 5,000 made the bench's
 * outbox a quarter slower.
 */
const VACUUM_AFTER_IDLE = 1000;
const VACUUM_AFTER_BUSY = 20_000;

/** A worker's chores: the 14-day cut of the delivery log, and vacuuming where nothing else does. */
export class Housekeeping {
  private readonly embedded = handle().kind === "pglite";
  private finishedSinceVacuum = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly log: (message: string) => void) {}

  async start(): Promise<void> {
    this.schedulePrune(FIRST_PRUNE_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  finished(count: number): void {
    this.finishedSinceVacuum += count;
  }

  async vacuumIfDue(idle: boolean): Promise<void> {
    if (!this.embedded || this.finishedSinceVacuum < (idle ? VACUUM_AFTER_IDLE : VACUUM_AFTER_BUSY)) return;
    this.finishedSinceVacuum = 0;
    await vacuumDeliveries(idle).catch((error) => this.log(`[worker] vacuum failed: ${errorSummary(error)}`));
  }

  private schedulePrune(delay: number): void {
    this.timer = setTimeout(async () => {
      try {
        const removed = await pruneDeliveryLog();
        if (removed) this.log(`[worker] pruned ${removed} deliveries older than 14 days`);
      } catch (error) {
        this.log(`[worker] pruning failed: ${errorSummary(error)}`);
      }
      this.schedulePrune(PRUNE_EVERY_MS);
    }, delay);
    this.timer.unref();
  }
}
