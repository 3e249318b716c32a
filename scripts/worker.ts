// `npm run worker`: a delivery worker on its own, for DATABASE_URL deployments where web
// processes run with WORKER=off (or beside them). Several can run at once.
import { closeDb, handle } from "@/db/client";
import { migrate } from "@/db/migrate";
import { stopDeliveryWorker, startDeliveryWorker } from "@/lib/delivery/worker";
import { keys } from "@/lib/config/keys";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("npm run worker needs DATABASE_URL. With the embedded database, `npm start` runs the worker itself.");
    process.exit(2);
  }
  keys();
  await migrate();
  const worker = await startDeliveryWorker();
  console.log(`[worker] delivering from ${handle().kind} (pid ${process.pid})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing ${worker.busy} in-flight deliveries`);
    await stopDeliveryWorker();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error("[worker] failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
