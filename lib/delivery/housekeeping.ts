import { handle } from "@/db/client";
import { pruneDeliveryLog, vacuumDeliveries } from "./retention";

const PRUNE_EVERY_MS = 3600_000;
const FIRST_PRUNE_MS = 60_000;
/**
 * Embedded database: vacuum after this many finished rows when idle, or this many while busy.
 * A vacuum holds the one connection for some 400 ms at 40,000 rows, so a busy worker does it
 * rarely: claims read the due index in order (claim.ts), skipping dead entries as they go, so
 * they need neither fresh statistics nor a clean index to stay fast. Vacuuming every 5,000 made
 * the bench's outbox a quarter slower.
 */
const VACUUM_AFTER_IDLE = 1000;
const VACUUM_AFTER_BUSY = 50_000;

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
    await vacuumDeliveries().catch((error) => this.log(`[worker] vacuum failed: ${error instanceof Error ? error.message : error}`));
  }

  private schedulePrune(delay: number): void {
    this.timer = setTimeout(async () => {
      try {
        const removed = await pruneDeliveryLog();
        if (removed) this.log(`[worker] pruned ${removed} deliveries older than 14 days`);
      } catch (error) {
        this.log(`[worker] pruning failed: ${error instanceof Error ? error.message : error}`);
      }
      this.schedulePrune(PRUNE_EVERY_MS);
    }, delay);
    this.timer.unref();
  }
}
