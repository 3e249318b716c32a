// `npm run worker`: the background work on its own (deliveries, and Jira/Confluence scan steps),
// for DATABASE_URL deployments where web processes run with WORKER=off (or beside them). Several
// can run at once. SIGTERM or SIGINT stops claiming, lets what is in hand finish, closes the
// database and exits, all within 10 s; the same when the launcher (scripts/run-worker.mjs) is gone.
import { closeDb, handle } from "@/db/client";
import { migrate } from "@/db/migrate";
import { startBackground, stopBackground } from "@/lib/background";
import { keys } from "@/lib/config/keys";
import { serveWorkerMetrics } from "@/lib/metrics/worker-endpoint";

const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS || 8000);

const within = (work: Promise<unknown>, ms: number) =>
  Promise.race([
    work.catch((error) => console.error("[worker]", error instanceof Error ? error.message : error)),
    new Promise((r) => setTimeout(r, ms).unref()),
  ]);

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("npm run worker needs DATABASE_URL. With the embedded database, `npm start` runs the worker itself.");
    process.exit(2);
  }
  keys();
  await migrate();
  startBackground();
  const metrics = process.env.METRICS_PORT ? await serveWorkerMetrics(Number(process.env.METRICS_PORT)) : null;
  console.log(
    `[worker] delivering from ${handle().kind} (pid ${process.pid})${metrics ? `; metrics on ${metrics.url}` : ""}`,
  );

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), GRACE_MS + 1500).unref();
    console.log(`[worker] ${reason}: finishing the deliveries and scan step in hand`);
    await within(stopBackground(), GRACE_MS);
    await within(metrics?.close() ?? Promise.resolve(), 500);
    await within(closeDb(), 1000);
    console.log("[worker] stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  if (process.channel) {
    process.on("disconnect", () => void shutdown("launcher gone"));
    process.channel.unref();
  }
}

main().catch((error) => {
  console.error("[worker] failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
