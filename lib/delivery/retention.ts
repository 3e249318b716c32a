import { sql } from "drizzle-orm";
import { db, type Executor, rows } from "@/db/client";
import { deliverySettings } from "./config";
import { uuidv7Floor } from "./ids";

const CHUNK = 5000;

/** The delivery log is kept 14 days: finished deliveries older than that go, with their attempts (cascade). */
export async function pruneDeliveryLog(
  executor: Executor = db,
  retentionMs = deliverySettings().retentionMs,
): Promise<number> {
  // Ids are UUIDv7: "created before the cut-off" is a primary-key range.
  const before = uuidv7Floor(Date.now() - retentionMs);
  let removed = 0;
  for (;;) {
    const gone = await rows<{ id: string }>(
      executor,
      sql`delete from deliveries where id in (
            select id from deliveries where id < ${before}::uuid and status <> 'pending' limit ${CHUNK})
          returning id`,
    );
    removed += gone.length;
    if (gone.length < CHUNK) break;
  }
  return removed;
}

/**
 * The embedded database has no autovacuum, and every finished delivery leaves a dead row version
 * behind in the due index; claims slow down as they pile up. The worker calls this when it has
 * finished enough deliveries (Postgres's own autovacuum does it there).
 */
export async function vacuumDeliveries(analyze = true, executor: Executor = db): Promise<void> {
  await executor.execute(analyze ? sql`vacuum analyze deliveries` : sql`vacuum deliveries`);
}
