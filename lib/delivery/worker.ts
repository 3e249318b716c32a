import { getProvider } from "@/lib/integrations/registry";
import { errorSummary, logger } from "@/lib/log";
import type { ProviderId } from "@/lib/integrations/types";
import { type Claim, claimDueDeliveries } from "./claim";
import { deliverySettings } from "./config";
import { loadIntegrations } from "./integration-configs";
import { type Processed, processDelivery } from "./process-one";
import { RateLimiter } from "@/lib/rate-limit/bucket";
import { recordOutcomes, updateIntegrationHealth } from "./record";
import { Housekeeping } from "./housekeeping";
import { listenForWork, onWake } from "./wake";

export type WorkerOptions = { batchSize?: number; maxInFlight?: number; log?: (message: string) => void };
type Finished = Processed & { leaseUntil: number };

const FLUSH_AT_ONCE = 64;
const FLUSH_GATHER_MS = 2;
const QUIET_BEFORE_VACUUM_MS = 1000;

/**
 * The delivery loop. It claims batches while it has room (maxInFlight), sends every claimed
 * delivery at once over the keep-alive pool, and writes results in batches: whatever finished
 * while the previous write ran goes in the next one. A delivery counts as in flight until its
 * result is written, so a worker killed at any point strands at most maxInFlight deliveries,
 * and those come back when their lease ends.
 */
export class DeliveryWorker {
  private readonly settings = deliverySettings();
  private readonly batchSize: number;
  private readonly maxInFlight: number;
  private readonly log: (message: string) => void;
  private readonly limiter = new RateLimiter();
  private running = false;
  private inFlight = 0;
  private woken = false;
  /** The last claim saw a delivery waiting for earlier ones to settle. */
  private followersWaiting = false;
  /** Since when the worker has had nothing to do: nothing claimed, nothing in flight. */
  private quietSince: number | null = null;
  private waitingForRoom = false;
  private wakeSleeper: (() => void) | null = null;
  private finished: Finished[] = [];
  private flushing: Promise<void> | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private loop: Promise<void> | null = null;
  private unsubscribeWake?: () => void;
  private wakeTimer?: NodeJS.Timeout;
  private flushTimer?: NodeJS.Timeout;
  private readonly housekeeping: Housekeeping;
  private wakeTimerAt = Infinity;

  constructor(options: WorkerOptions = {}) {
    this.batchSize = options.batchSize ?? this.settings.batchSize;
    this.maxInFlight = Math.max(options.maxInFlight ?? this.settings.maxInFlight, this.batchSize);
    this.log = options.log ?? ((m) => logger().info(m));
    this.housekeeping = new Housekeeping(this.log);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.unsubscribeWake = onWake(() => this.wake());
    this.stopListening = await listenForWork(() => this.wake(), this.log);
    await this.housekeeping.start();
    this.loop = this.run();
  }

  /** Stop claiming, let in-flight sends finish and their results be written. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.housekeeping.stop();
    clearTimeout(this.wakeTimer);
    this.unsubscribeWake?.();
    this.wake();
    await this.loop;
    const deadline = Date.now() + 15_000;
    while ((this.inFlight > 0 || this.flushing || this.flushTimer) && Date.now() < deadline) await this.sleep(20);
    await this.stopListening?.();
  }

  /** Retries and throttled sends we just scheduled: look again when the first falls due. */
  private wakeAt(at: number): void {
    if (this.wakeTimerAt <= at) return;
    clearTimeout(this.wakeTimer);
    this.wakeTimerAt = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimerAt = Infinity;
      this.wake();
    }, Math.max(0, at - Date.now()));
    this.wakeTimer.unref();
  }

  wake(): void {
    this.woken = true;
    this.wakeSleeper?.();
  }

  get busy(): number {
    return this.inFlight;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.inFlight + this.batchSize > this.maxInFlight) {
        this.waitingForRoom = true;
        await this.sleep(this.settings.pollMs);
        this.waitingForRoom = false;
        continue;
      }
      this.woken = false;
      let claim: Claim;
      try {
        claim = await claimDueDeliveries(this.batchSize, this.settings.leaseMs);
      } catch (error) {
        this.log(`[worker] claim failed: ${errorSummary(error)}; retrying`);
        await this.sleep(500);
        continue;
      }
      this.followersWaiting = claim.followersWaiting;
      if (claim.deliveries.length || this.inFlight) this.quietSince = null;
      else this.quietSince ??= Date.now();
      if (claim.deliveries.length) void this.dispatch(claim);
      await this.housekeeping.vacuumIfDue(false);
      if (claim.deliveries.length < this.batchSize && !this.woken) await this.idle(claim.nextDueAt);
    }
  }

  /** Sleep until woken, until the next delivery falls due (as the claim saw it), or one poll interval. */
  private async idle(nextDueAt: Date | null): Promise<void> {
    // Vacuum once the queue has been quiet a while, not at the tail of a burst, where it would
    // hold up the last results (and, on the embedded database, every page view) for its length.
    if (this.quietSince !== null && Date.now() - this.quietSince >= QUIET_BEFORE_VACUUM_MS) await this.housekeeping.vacuumIfDue(true);
    const wait = nextDueAt ? Math.min(this.settings.pollMs, Math.max(0, nextDueAt.getTime() - Date.now())) : this.settings.pollMs;
    if (wait > 0 && !this.woken) await this.sleep(wait);
  }

  private async dispatch(claim: Claim): Promise<void> {
    const count = claim.deliveries.length;
    this.inFlight += count;
    const leaseUntil = claim.leaseUntil.getTime();
    let configs: Awaited<ReturnType<typeof loadIntegrations>>;
    try {
      configs = await loadIntegrations(claim.deliveries.map((d) => d.integrationId));
    } catch (error) {
      // Leave the rows claimed: they come back when the lease ends.
      this.log(`[worker] could not load integrations: ${errorSummary(error)}`);
      this.inFlight -= count;
      return;
    }
    for (const delivery of claim.deliveries) {
      const provider = getProvider(delivery.provider as ProviderId);
      processDelivery(delivery, configs.get(delivery.integrationId), provider, this.limiter, this.settings).then(
        (processed) => this.finish({ ...processed, leaseUntil }),
        (error) => {
          this.log(`[worker] delivery ${delivery.id} crashed: ${errorSummary(error)}`);
          this.inFlight -= 1;
        },
      );
    }
  }

  private finish(item: Finished): void {
    this.finished.push(item);
    this.kickFlush();
  }

  /**
   * Results are written together: a flush starts once the current one is done, and a small
   * buffer waits a couple of milliseconds for the answers already on their way, so one statement
   * records dozens of attempts instead of one.
   */
  private kickFlush(): void {
    if (this.flushing || this.flushTimer) return;
    const delay = this.finished.length >= FLUSH_AT_ONCE || !this.running ? 0 : FLUSH_GATHER_MS;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.finished.length) this.kickFlush();
        if (this.waitingForRoom) this.wake();
      });
    }, delay);
  }

  /** Write everything finished so far; on a database error keep it and retry until its lease ends. */
  private async flush(): Promise<void> {
    while (this.finished.length) {
      const batch = this.finished.splice(0, 1000);
      try {
        await recordOutcomes(batch.map((f) => f.outcome));
        for (const f of batch) if (f.outcome.nextAttemptAt) this.wakeAt(f.outcome.nextAttemptAt.getTime());
        // A settled delivery may free one queued after it (claim.ts).
        if (this.followersWaiting && batch.some((f) => f.outcome.status !== "pending")) this.wake();
        const health = batch.flatMap((f) => (f.health ? [f.health] : []));
        await updateIntegrationHealth(health, this.settings.disableAfterMs).catch((error) => this.log(`[worker] health update failed: ${errorSummary(error)}`));
        this.inFlight -= batch.length;
        this.housekeeping.finished(batch.length);
      } catch (error) {
        const now = Date.now();
        const alive = batch.filter((f) => f.leaseUntil > now);
        this.inFlight -= batch.length - alive.length;
        this.finished.unshift(...alive);
        this.log(`[worker] could not record ${batch.length} results: ${errorSummary(error)}; retrying`);
        await this.sleep(250, false);
      }
    }
  }

  private sleep(ms: number, wakeable = true): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      if (wakeable) this.wakeSleeper = done;
    });
  }
}

/** The driver's own words: drizzle's wrapper message repeats the whole statement and its parameters. */
// One worker per process, kept on globalThis so Next's dev reloads do not start a second.
const holder = globalThis as unknown as { __csDeliveryWorker?: DeliveryWorker };

export async function startDeliveryWorker(options?: WorkerOptions): Promise<DeliveryWorker> {
  holder.__csDeliveryWorker ??= new DeliveryWorker(options);
  await holder.__csDeliveryWorker.start();
  return holder.__csDeliveryWorker;
}

export async function stopDeliveryWorker(): Promise<void> {
  const worker = holder.__csDeliveryWorker;
  holder.__csDeliveryWorker = undefined;
  await worker?.stop();
}
