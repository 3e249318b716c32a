import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";

export type QueueGauges = { depth: number; oldestDueAgeSeconds: number };

/**
 * The outbox as the workers see it. "Due" is as a claim defines it (lib/delivery/claim.ts): its time
 * has come and no live lease holds it. A delivery queued after earlier ones waits on them and is
 * left out, so only the earlier ones count.
 */
export async function readQueueGauges(): Promise<QueueGauges> {
  const [row] = await rows<{ depth: number; oldest: number | null }>(
    db,
    sql`select (select count(*)::int from deliveries where status = 'pending') as depth,
               (select extract(epoch from now() - next_attempt_at)::float8 from deliveries
                where status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until <= now()) and not after_earlier
                order by next_attempt_at limit 1) as oldest`,
  );
  return { depth: row.depth, oldestDueAgeSeconds: Math.max(0, row.oldest ?? 0) };
}

export type ScanGauge = {
  provider: string;
  state: string;
  jobs: number;
  scanned: number;
  total: number;
  found: number;
};

export async function readScanGauges(): Promise<ScanGauge[]> {
  return rows<ScanGauge>(
    db,
    sql`select provider, state, count(*)::int as jobs, sum(scanned)::int as scanned, sum(total)::int as total, sum(found)::int as found
        from scan_jobs where state in ('queued', 'running') group by provider, state`,
  );
}
