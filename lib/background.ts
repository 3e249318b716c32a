import { startDeliveryWorker } from "@/lib/delivery/worker";
import { remaskOutdatedAssets } from "@/lib/issues/masking";
import { errorFacts, logger } from "@/lib/log";
import { startScanRunner } from "@/lib/scanning/runner";

/**
 * Background work that runs inside the web process (the delivery worker, with the embedded
 * database). Later parts register here; WORKER=off keeps a web process from doing any of it.
 */
type Starter = () => void;
const starters: Starter[] = [
  // Embedded PGlite can only be used by this process, so its worker must live here; with
  // DATABASE_URL it delivers beside any `npm run worker` processes, claims keeping them apart.
  () => void startDeliveryWorker().catch((error) => logger().error({ err: errorFacts(error) }, "worker: could not start")),
  // Jira/Confluence scans (issue 7): jobs left by a stopped server resume from their saved cursor.
  startScanRunner,
  // Finding contents stored before masking existed, or before rules that now recognise more.
  () => void remaskOutdatedAssets((line) => logger().info(`masking: ${line}`)).catch((error) => logger().error({ err: errorFacts(error) }, "masking: stopped")),
];

export function onBackgroundStart(starter: Starter): void {
  starters.push(starter);
}

export function startBackground(): void {
  if (process.env.WORKER === "off") return;
  for (const start of starters) start();
}
