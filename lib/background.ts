import { startDeliveryWorker, stopDeliveryWorker } from "@/lib/delivery/worker";
import { remaskOutdatedAssets } from "@/lib/issues/masking";
import { errorFacts, logger } from "@/lib/log";
import { startScanRunner, stopScanRunner } from "@/lib/scanning/runner";
import { startSyncRunner, stopSyncRunner } from "@/lib/sync/runner";

/**
 * Background work: the delivery worker and the scan runner. The web process runs it unless
 * WORKER=off (instrumentation.ts); `npm run worker` processes run only this.
 */
type Task = { start: () => void; stop: () => Promise<void> };
const tasks: Task[] = [
  // Embedded PGlite can only be used by this process, so its worker must live here; with
  // DATABASE_URL it delivers beside any `npm run worker` processes, claims keeping them apart.
  {
    start: () =>
      void startDeliveryWorker().catch((error) =>
        logger().error({ err: errorFacts(error) }, "worker: could not start"),
      ),
    stop: stopDeliveryWorker,
  },
  // Jira/Confluence scans: jobs left by a stopped server resume from their saved cursor.
  { start: startScanRunner, stop: stopScanRunner },
  // Ticket sync's reconciliation, which catches changes a missed webhook did not bring, every
  // SYNC_RECONCILE_MS per Jira or monday integration.
  { start: startSyncRunner, stop: stopSyncRunner },
  // Finding contents stored before masking existed, or before rules that now recognise more.
  {
    start: () =>
      void remaskOutdatedAssets((line) => logger().info(`masking: ${line}`)).catch((error) =>
        logger().error({ err: errorFacts(error) }, "masking: stopped"),
      ),
    stop: async () => {},
  },
];

export function startBackground(): void {
  for (const task of tasks) task.start();
}

/** Stop claiming work and let what is in hand finish; the caller bounds how long it waits. */
export async function stopBackground(): Promise<void> {
  await Promise.allSettled(tasks.map((task) => task.stop()));
}
