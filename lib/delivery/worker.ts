import { getProvider } from "@/lib/integrations/registry";
import { errorSummary, logger } from "@/lib/log";
import type { ProviderId } from "@/lib/integrations/types";
import { type Claim, type ClaimedDelivery, claimDueDeliveries, newClaimSql } from "./claim";
import { deliverySettings } from "./config";
import { type LoadedIntegration, loadIntegrations } from "./integration-configs";
import { type Processed, processDelivery } from "./process-one";
import { RateLimiter } from "@/lib/rate-limit/bucket";
import { recordOutcomes, updateIntegrationHealth } from "./record";
import { Housekeeping } from "./housekeeping";
import { type Listening, listenForWork, onWake } from "./wake";
import { handOffClaim, type HandOffTaker, handOffTaker, setHandOffTaker } from "./handoff";
import { WorkerSql } from "./worker-sql";

export type WorkerOptions = { batchSize?: number; maxInFlight?: number; log?: (message: string) => void };
type Finished = Processed & { leaseUntil: number };
type Queued = { delivery: ClaimedDelivery; leaseUntil: number; integration: LoadedIntegration | undefined };
/** Deliveries handed over by this process's enqueuer, not yet known to be committed (handoff.ts). */
type Offer = { deliveries: ClaimedDelivery[]; leaseUntil: number };

const FLUSH_AT_ONCE = 256;
const FLUSH_GATHER_MS = 5;
const QUIET_BEFORE_VACUUM_MS = 1000;
/** The most one claim takes; a claim asks for what fits, from batchSize up to this. */
const CLAIM_AT_MOST = 500;
/**
 * A claimed delivery still waiting in the local queue this close to the end of its lease is given
 * back rather than sent: a send (10 s at most) must end before another worker may take the row.
 * Half the lease when leases are short (tests, the crash test's 5 s).
 */
const LEASE_MARGIN_MS = 15_000;
const leaseMargin = (leaseMs: number) => Math.min(LEASE_MARGIN_MS, leaseMs / 2);

/**
 * The delivery loop, in three overlapping stages. Claiming fetches ahead into a local queue, so
 * the next deliveries are in hand while these send; sending keeps up to maxInFlight requests open
 * over the keep-alive pool, fed from the queue the moment one ends; recording writes results in
 * batches, one statement for whatever finished while the previous write ran. A delivery is held
 * from its claim until its result is written, and the worker holds at most twice maxInFlight
 * (plus a batch): its claims are rows leased in the database, not an in-memory queue, so a
 * worker killed at any point loses nothing, and what it held comes back when the leases end.
 */
export class DeliveryWorker implements HandOffTaker {
  private readonly settings = deliverySettings();
  private readonly batchSize: number;
  private readonly maxInFlight: number;
  private readonly maxHeld: number;
  private readonly log: (message: string) => void;
  private readonly limiter = new RateLimiter();
  private readonly claimVia = newClaimSql();
  private readonly recordVia = new WorkerSql();
  private running = false;
  /** Claimed and not yet written back: queued, sending, or waiting for the record statement. */
  private held = 0;
  private sending = 0;
  private queue: Queued[] = [];
  private queueHead = 0;
  private woken = false;
  /** The last claim saw a delivery waiting for earlier ones to settle. */
  private followersWaiting = false;
  /** Since when the worker has had nothing to do: nothing claimed, nothing held. */
  private quietSince: number | null = null;
  private waitingForRoom = false;
  private wakeSleeper: (() => void) | null = null;
  private finished: Finished[] = [];
  private flushing: Promise<void> | null = null;
  private listening: Listening | null = null;
  /** Hand-offs by claim id, in the order taken, until their commit is known (or their lease runs short). */
  private offers = new Map<string, Offer>();
  private loop: Promise<void> | null = null;
  private unsubscribeWake?: () => void;
  private wakeTimer?: NodeJS.Timeout;
  private flushTimer?: NodeJS.Timeout;
  private readonly housekeeping: Housekeeping;
  private wakeTimerAt = Infinity;
  /** Statements this worker ran, and the rows they carried (the bench reports them). */
  readonly counts = { claims: 0, claimed: 0, handedOff: 0, records: 0, recorded: 0 };

  constructor(options: WorkerOptions = {}) {
    this.batchSize = options.batchSize ?? this.settings.batchSize;
    this.maxInFlight = Math.max(options.maxInFlight ?? this.settings.maxInFlight, this.batchSize);
    this.maxHeld = 2 * this.maxInFlight + this.batchSize;
    this.log = options.log ?? ((m) => logger().info(m));
    this.housekeeping = new Housekeeping(this.log);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.unsubscribeWake = onWake(() => this.wake());
    this.listening = await listenForWork((payload) => this.notified(payload), this.log);
    setHandOffTaker(this);
    await this.housekeeping.start();
    this.loop = this.run();
  }

  /** Stop claiming, give back what is queued unsent, let in-flight sends finish and their results be written. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (handOffTaker() === this) setHandOffTaker(null);
    this.housekeeping.stop();
    clearTimeout(this.wakeTimer);
    this.unsubscribeWake?.();
    this.wake();
    await this.loop;
    this.releaseOffers();
    this.releaseQueued();
    const deadline = Date.now() + 15_000;
    while ((this.held > 0 || this.flushing || this.flushTimer) && Date.now() < deadline) await this.sleep(20);
    await this.listening?.stop();
    await Promise.all([this.claimVia.close(), this.recordVia.close()]);
  }

  /** Retries and throttled sends we just scheduled: look again when the first falls due. */
  private wakeAt(at: number): void {
    if (this.wakeTimerAt <= at) return;
    clearTimeout(this.wakeTimer);
    this.wakeTimerAt = at;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimerAt = Infinity;
        this.wake();
      },
      Math.max(0, at - Date.now()),
    );
    this.wakeTimer.unref();
  }

  /**
   * Take deliveries its enqueuing transaction is about to insert under `claimId` (handoff.ts):
   * only while running, hearing commits, and with room for them beside everything held.
   */
  take(count: number, claimId: string, deliveries: () => ClaimedDelivery[]): { leaseSeconds: number } | null {
    if (!this.running || !this.listening?.hears()) return null;
    this.expireOffers();
    let offered = 0;
    for (const offer of this.offers.values()) offered += offer.deliveries.length;
    if (this.held + offered + count > this.maxHeld) return null;
    // Counted from before the insert, whose lease runs from the database's clock at the insert.
    this.offers.set(claimId, { deliveries: deliveries(), leaseUntil: Date.now() + this.settings.leaseMs });
    return { leaseSeconds: this.settings.leaseMs / 1000 };
  }

  /** A notification: a hand-off of this worker's committed, or work for anyone to claim. */
  private notified(payload: string | undefined): void {
    const claimId = handOffClaim(payload);
    if (claimId === null) return this.wake();
    const offer = this.offers.get(claimId);
    // Another process's hand-off: its rows are leased to that process's worker, nothing to claim.
    if (offer) this.accept(claimId, offer);
  }

  /** Committed hand-off rows: held from now on like claimed ones, and queued to send. */
  private accept(claimId: string, offer: Offer): void {
    const count = offer.deliveries.length;
    this.offers.delete(claimId);
    this.held += count;
    this.counts.handedOff += count;
    this.quietSince = null;
    void this.dispatch(offer.deliveries, offer.leaseUntil);
  }

  /** Hand-offs whose commit never came in time (a rollback, a lost notification): the lease brings back any that committed. */
  private expireOffers(): void {
    const now = Date.now();
    for (const [claimId, offer] of this.offers) {
      if (offer.leaseUntil - leaseMargin(this.settings.leaseMs) > now) break;
      this.offers.delete(claimId);
    }
  }

  /** Stopping: give back hand-offs not yet heard of (those committed lose their claim, the rest never were). */
  private releaseOffers(): void {
    for (const [claimId, offer] of this.offers) {
      this.offers.delete(claimId);
      this.held += offer.deliveries.length;
      for (const delivery of offer.deliveries)
        this.finish(release({ delivery, leaseUntil: offer.leaseUntil, integration: undefined }));
    }
  }

  wake(): void {
    this.woken = true;
    this.wakeSleeper?.();
  }

  /** Deliveries claimed and not yet written back. */
  get busy(): number {
    return this.held;
  }

  private async run(): Promise<void> {
    while (this.running) {
      // Offers do not count: rolled-back ones linger until they expire, and must not hold up claims.
      const room = this.maxHeld - this.held;
      if (room < this.batchSize) {
        this.waitingForRoom = true;
        await this.sleep(this.settings.pollMs);
        this.waitingForRoom = false;
        continue;
      }
      this.woken = false;
      const asked = Math.min(room, Math.max(this.batchSize, CLAIM_AT_MOST));
      let claim: Claim;
      try {
        claim = await claimDueDeliveries(asked, this.settings.leaseMs, this.claimVia);
      } catch (error) {
        this.log(`[worker] claim failed: ${errorSummary(error)}; retrying`);
        await this.sleep(500);
        continue;
      }
      this.counts.claims++;
      this.counts.claimed += claim.deliveries.length;
      this.followersWaiting = claim.followersWaiting;
      if (claim.deliveries.length || this.held) this.quietSince = null;
      else this.quietSince ??= Date.now();
      if (claim.deliveries.length) {
        this.held += claim.deliveries.length;
        void this.dispatch(claim.deliveries, claim.leaseUntil.getTime());
      }
      await this.housekeeping.vacuumIfDue(false);
      if (claim.deliveries.length < asked && !this.woken) await this.idle(claim.nextDueAt);
    }
  }

  /** Sleep until woken, until the next delivery falls due (as the claim saw it), or one poll interval. */
  private async idle(nextDueAt: Date | null): Promise<void> {
    // Vacuum once the queue has been quiet a while, not at the tail of a burst, where it would
    // hold up the last results (and, on the embedded database, every page view) for its length.
    if (this.quietSince !== null && Date.now() - this.quietSince >= QUIET_BEFORE_VACUUM_MS)
      await this.housekeeping.vacuumIfDue(true);
    const wait = nextDueAt
      ? Math.min(this.settings.pollMs, Math.max(0, nextDueAt.getTime() - Date.now()))
      : this.settings.pollMs;
    if (wait > 0 && !this.woken) await this.sleep(wait);
  }

  /** Read the batch's integrations (cached), then queue its deliveries for sending. */
  private async dispatch(deliveries: ClaimedDelivery[], leaseUntil: number): Promise<void> {
    const count = deliveries.length;
    let configs: Map<string, LoadedIntegration | undefined>;
    try {
      configs = await loadIntegrations(deliveries.map((d) => d.integrationId));
    } catch (error) {
      // Leave the rows claimed: they come back when the lease ends.
      this.log(`[worker] could not load integrations: ${errorSummary(error)}`);
      this.held -= count;
      return;
    }
    for (const delivery of deliveries)
      this.queue.push({ delivery, leaseUntil, integration: configs.get(delivery.integrationId) });
    this.pump();
  }

  /** Start sends from the local queue while there is room for them. */
  private pump(): void {
    while (this.sending < this.maxInFlight && this.queueHead < this.queue.length) {
      const item = this.queue[this.queueHead++];
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.queueHead);
        this.queueHead = 0;
      }
      if (!this.running || Date.now() > item.leaseUntil - leaseMargin(this.settings.leaseMs)) {
        this.finish(release(item));
        continue;
      }
      this.sending++;
      const { delivery, integration } = item;
      processDelivery(
        delivery,
        integration,
        getProvider(delivery.provider as ProviderId),
        this.limiter,
        this.settings,
      ).then(
        (processed) => {
          this.sending--;
          this.finish({ outcome: processed.outcome, health: processed.health, leaseUntil: item.leaseUntil });
          this.pump();
        },
        (error) => {
          this.log(`[worker] delivery ${delivery.id} crashed: ${errorSummary(error)}`);
          this.sending--;
          this.held--;
          this.pump();
        },
      );
    }
  }

  /** Give back what waits unsent in the local queue: due again at once, for any worker. */
  private releaseQueued(): void {
    const left = this.queue.slice(this.queueHead);
    this.queue = [];
    this.queueHead = 0;
    for (const item of left) this.finish(release(item));
  }

  private finish(item: Finished): void {
    this.finished.push(item);
    this.kickFlush();
  }

  /**
   * Results are written together: a flush starts once the current one is done, and a small
   * buffer waits a couple of milliseconds for the answers already on their way, so one statement
   * records dozens of attempts instead of one. With nothing on its way (a quiet queue), there is
   * nothing to wait for: the result is written at once, and not (on the embedded database, which
   * shares this thread) just as the next delivery goes out.
   */
  private kickFlush(): void {
    if (this.flushing || this.flushTimer) return;
    const nothingOnItsWay = this.sending === 0 && this.queueHead >= this.queue.length;
    const delay = this.finished.length >= FLUSH_AT_ONCE || !this.running || nothingOnItsWay ? 0 : FLUSH_GATHER_MS;
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
        // Health first: once a delivery reads as settled, its integration's card says so too.
        const health = batch.flatMap((f) => (f.health ? [f.health] : []));
        await updateIntegrationHealth(health, this.settings.disableAfterMs).catch((error) =>
          this.log(`[worker] health update failed: ${errorSummary(error)}`),
        );
        await recordOutcomes(
          batch.map((f) => f.outcome),
          this.recordVia,
        );
        this.counts.records++;
        this.counts.recorded += batch.length;
        for (const f of batch) if (f.outcome.nextAttemptAt) this.wakeAt(f.outcome.nextAttemptAt.getTime());
        // A settled delivery may free one queued after it (claim.ts); a released one is due now.
        if (
          batch.some((f) => f.outcome.release) ||
          (this.followersWaiting && batch.some((f) => f.outcome.status !== "pending"))
        )
          this.wake();
        this.held -= batch.length;
        this.housekeeping.finished(batch.length);
      } catch (error) {
        const now = Date.now();
        const alive = batch.filter((f) => f.leaseUntil > now);
        this.held -= batch.length - alive.length;
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

/** An unsent delivery given back: its claim and lease go, nothing else changes. */
function release({ delivery, leaseUntil }: Queued): Finished {
  return {
    outcome: {
      deliveryId: delivery.id,
      claimId: delivery.claimId,
      status: "pending",
      nextAttemptAt: null,
      body: null,
      attempt: null,
      lastError: null,
      countsAsAttempt: false,
      release: true,
    },
    health: null,
    leaseUntil,
  };
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
