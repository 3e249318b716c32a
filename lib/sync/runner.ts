import { VendorError } from "@/lib/errors";
import { errorSummary, logger } from "@/lib/log";
import { reconcile, runConfig } from "./reconcile";
import { claimDueRun, ensureSyncRuns, finishRun, newClaimId } from "./runs";

export type SyncRunnerOptions = { leaseMs?: number; idleMs?: number; log?: (line: string) => void };

/**
 * Ticket sync's reconciliation loop, beside the delivery worker and the scan runner.
 * Each integration's run is a durable row claimed under a lease (lib/sync/runs.ts), so web and
 * worker processes sharing a database reconcile each integration once per SYNC_RECONCILE_MS.
 */
export class SyncRunner {
  private readonly leaseMs: number;
  private readonly idleMs: number;
  private readonly log: (line: string) => void;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(options: SyncRunnerOptions = {}) {
    this.leaseMs = options.leaseMs ?? 120_000;
    this.idleMs = options.idleMs ?? 1000;
    this.log = options.log ?? ((line) => logger().info(`sync: ${line}`));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.runOnce();
      } catch (error) {
        this.log(`run crashed: ${errorSummary(error)}`);
      }
      if (!worked && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.idleMs);
          this.wake = () => (clearTimeout(timer), resolve());
        });
      }
    }
  }

  /** Claim one due reconciliation and run it. False when none was due. */
  async runOnce(): Promise<boolean> {
    await ensureSyncRuns();
    const claimId = newClaimId();
    const run = await claimDueRun(claimId, this.leaseMs);
    if (!run) return false;
    try {
      const config = await runConfig(run);
      const result = config ? await reconcile(run, config) : { checked: 0, changed: 0, unlinked: 0 };
      await finishRun(run.integrationId, claimId, result);
    } catch (error) {
      const message = error instanceof VendorError ? error.vendorMessage : "Reconciliation failed";
      this.log(`${run.provider} reconciliation failed: ${errorSummary(error)}`);
      await finishRun(run.integrationId, claimId, { checked: 0, changed: 0, unlinked: 0, error: message });
    }
    return true;
  }
}

const holder = globalThis as unknown as { __csSyncRunner?: SyncRunner };

export function startSyncRunner(): void {
  holder.__csSyncRunner ??= new SyncRunner();
  holder.__csSyncRunner.start();
}

export async function stopSyncRunner(): Promise<void> {
  const runner = holder.__csSyncRunner;
  holder.__csSyncRunner = undefined;
  await runner?.stop();
}
