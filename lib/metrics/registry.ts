import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { readQueueGauges, readScanGauges } from "./database-gauges";

/**
 * This process's Prometheus metrics (GET /metrics; `npm run worker` serves its own on
 * METRICS_PORT). Counters count what this process did, so Prometheus scrapes each process and
 * sums them. Gauges about the queue and scans are read from the database at scrape time: every
 * process reports the same values, so alert on their max().
 */
export type Metrics = ReturnType<typeof create>;

// One set per process, kept on globalThis: Next's route bundles and instrumentation share it.
const holder = globalThis as unknown as { __csMetrics?: Metrics };

export function metrics(): Metrics {
  holder.__csMetrics ??= create();
  return holder.__csMetrics;
}

const PREFIX = "codesecurity_";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // The database gauges share one read per scrape: prom-client collects every metric at once.
  let reading: Promise<void> | null = null;
  const collect = () => (reading ??= readDatabase().finally(() => (reading = null)));
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name: `${PREFIX}${name}`, help, labelNames, registers: [registry], collect });
  const databaseUp = gauge("database_up", "1 when this scrape's queries reached the database");
  const queueDepth = gauge(
    "delivery_queue_depth",
    "Deliveries pending (waiting, due, in flight or retrying), from the database",
  );
  const oldestDue = gauge(
    "delivery_oldest_due_age_seconds",
    "How long the oldest due, unclaimed delivery has waited: the workers' lag (0 when none waits), from the database",
  );
  const scanJobs = gauge("scan_jobs", "Jira and Confluence scans queued or running, from the database", [
    "provider",
    "state",
  ]);
  const scanItems = gauge(
    "scan_items",
    "Scans queued or running: tickets or pages scanned, the total to scan, and findings so far",
    ["provider", "count"],
  );

  async function readDatabase(): Promise<void> {
    try {
      const [queue, scans] = await Promise.all([readQueueGauges(), readScanGauges()]);
      queueDepth.set(queue.depth);
      oldestDue.set(queue.oldestDueAgeSeconds);
      scanJobs.reset();
      scanItems.reset();
      for (const s of scans) {
        scanJobs.set({ provider: s.provider, state: s.state }, s.jobs);
        for (const count of ["scanned", "total", "found"] as const)
          scanItems.inc({ provider: s.provider, count }, s[count]);
      }
      databaseUp.set(1);
    } catch {
      databaseUp.set(0);
    }
  }

  return {
    registry,
    deliveries: new Counter({
      name: `${PREFIX}deliveries_total`,
      help: "Delivery attempts by outcome: delivered, retrying (this attempt failed, another is due), failed (this attempt failed, none is left)",
      labelNames: ["provider", "outcome"],
      registers: [registry],
    }),
    attemptSeconds: new Histogram({
      name: `${PREFIX}delivery_attempt_duration_seconds`,
      help: "Time from sending a delivery to the receiver's answer (or the timeout)",
      labelNames: ["provider"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    ingests: new Counter({
      name: `${PREFIX}ingests_total`,
      help: "Scans ingested by this process (an Idempotency-Key replay is not counted)",
      registers: [registry],
    }),
    issuesChanged: new Counter({
      name: `${PREFIX}issues_changed_total`,
      help: "Issues that ingests created, updated, resolved or deleted",
      labelNames: ["change"],
      registers: [registry],
    }),
  };
}
