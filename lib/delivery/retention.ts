import { sql } from "drizzle-orm";
import { db, type Executor, rows } from "@/db/client";
import { deliverySettings } from "./config";

const CHUNK = 5000;

/** The delivery log is kept 14 days: finished deliveries older than that go, with their attempts (cascade). */
export async function pruneDeliveryLog(executor: Executor = db, retentionMs = deliverySettings().retentionMs): Promise<number> {
  const secs = retentionMs / 1000;
  let removed = 0;
  for (;;) {
    const gone = await rows<{ id: string }>(
      executor,
      sql`delete from deliveries where id in (
            select id from deliveries where status <> 'pending' and created_at < now() - make_interval(secs => ${secs}) limit ${CHUNK})
          returning id`,
    );
    removed += gone.length;
    if (gone.length < CHUNK) break;
  }
  return removed;
}
