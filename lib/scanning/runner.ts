import { loadIntegrations } from "@/lib/delivery/integration-configs";
import { VendorError } from "@/lib/errors";
import { errorSummary, logger } from "@/lib/log";
import type { IntegrationConfig } from "@/lib/integrations/types";
import { confluenceSource } from "./confluence-source";
import { claimDueJob, newClaimId, onScanWork, saveStep, type ScanJob, type StepOutcome } from "./jobs";
import { jiraSource } from "./jira-source";
import { loadScanSettings } from "./settings";
import type { SourceFactory } from "./source";
import { runStep } from "./steps";
import { EndlessListing, VendorRateLimited } from "@/lib/integrations/atlassian-client";

const SOURCES: Record<string, SourceFactory> = { jira: jiraSource, confluence: confluenceSource };
const MAX_FAILURES = 5;

export type ScanRunnerOptions = {
  /** How long a claimed step is ours; a crashed process's step is due again after it. */
  leaseMs?: number;
  /** Poll interval when idle (a webhook wakes the runner at once). */
  idleMs?: number;
  log?: (line: string) => void;
};

/**
 * Runs scan jobs one step at a time. Every step is claimed under a lease and its cursor saved at its
 * end, so any runner, in this process or another, picks a job up where the last step left it.
 */
export class ScanRunner {
  private readonly leaseMs: number;
  private readonly idleMs: number;
  private readonly log: (line: string) => void;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private unsubscribe?: () => void;

  constructor(options: ScanRunnerOptions = {}) {
    this.leaseMs = options.leaseMs ?? 120_000;
    this.idleMs = options.idleMs ?? 1000;
    this.log = options.log ?? ((line) => logger().info(`scan: ${line}`));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = onScanWork(() => this.wake?.());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.runOnce();
      } catch (error) {
        this.log(`step crashed: ${errorSummary(error)}`);
      }
      if (!worked && this.running)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.idleMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  }

  /** Claim one due job and run one step of it. False when nothing was due. */
  async runOnce(): Promise<boolean> {
    const claimId = newClaimId();
    const job = await claimDueJob(claimId, this.leaseMs);
    if (!job) return false;
    const t0 = performance.now();
    const outcome = await this.step(job);
    if (process.env.SCAN_DEBUG)
      this.log(`${job.kind} step ${outcome.kind} in ${Math.round(performance.now() - t0)} ms`);
    await saveStep(job, claimId, outcome);
    return true;
  }

  private async step(job: ScanJob): Promise<StepOutcome> {
    const config = (await loadIntegrations([job.integrationId])).get(job.integrationId);
    const factory = SOURCES[job.provider];
    if (!config || !factory) return { kind: "failed", error: "The integration no longer exists" };
    if (!config.enabled) return { kind: "failed", error: "The integration is disabled" };
    try {
      const settings = await loadScanSettings(job.integrationId);
      return await runStep(job, factory(config as IntegrationConfig), settings, { teamId: config.teamId });
    } catch (error) {
      return this.judge(job, error);
    }
  }

  /** A 429 slows the scan (never counts against it); credentials refused end it; anything else is retried. */
  private judge(job: ScanJob, error: unknown): StepOutcome {
    if (error instanceof VendorRateLimited) {
      this.log(`${job.provider} rate limited; waiting ${error.retryAfterSeconds} s`);
      return { kind: "wait", seconds: error.retryAfterSeconds };
    }
    // Asking again would get the same endless answer.
    if (error instanceof EndlessListing) return { kind: "failed", error: error.vendorMessage };
    const message =
      error instanceof VendorError
        ? `${error.vendorStatus ?? "no answer"}: ${error.vendorMessage}`
        : error instanceof Error
          ? error.message
          : "Scan step failed";
    if (error instanceof VendorError && (error.vendorStatus === 401 || error.vendorStatus === 403))
      return { kind: "failed", error: message };
    if (job.failures + 1 >= MAX_FAILURES) return { kind: "failed", error: message };
    this.log(`${job.provider} step failed (${job.failures + 1}/${MAX_FAILURES}): ${message}`);
    return { kind: "wait", seconds: Math.min(60, 2 ** job.failures), error: message };
  }
}

const holder = globalThis as unknown as { __csScanRunner?: ScanRunner };

/** The web process's runner (lib/background.ts); jobs left by a previous process resume here. */
export function startScanRunner(): void {
  holder.__csScanRunner ??= new ScanRunner();
  holder.__csScanRunner.start();
}

/** Stop claiming steps; the step in hand finishes and saves its cursor. */
export async function stopScanRunner(): Promise<void> {
  const runner = holder.__csScanRunner;
  holder.__csScanRunner = undefined;
  await runner?.stop();
}
