import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";
import { readQueueGauges } from "@/lib/metrics/database-gauges";

/** Past this, the workers are behind: the answer says "degraded" (still ready: pages serve). */
export const WORKER_LAG_LIMIT_SECONDS = 60;

export type Health = {
  /** ok; degraded: ready, but the workers lag; down: not ready. */
  status: "ok" | "degraded" | "down";
  /** The process answers. */
  live: true;
  /** The database answers and every migration is applied: this process can serve. */
  ready: boolean;
  checks?: {
    database: { ok: boolean; latencyMs: number };
    migrations?: { ok: boolean; applied: number; expected: number };
    worker?: { ok: boolean; queueDepth: number; oldestDueAgeSeconds: number; lagLimitSeconds: number };
  };
};

const LIVE: Health = { status: "ok", live: true, ready: true };

/**
 * GET /api/health. `liveOnly` answers without touching the database (a liveness probe must not
 * restart a process because the database is down). Never names the database or its error: the
 * endpoint is public.
 */
export async function checkHealth({ liveOnly = false } = {}): Promise<Health> {
  if (liveOnly) return LIVE;
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
  } catch {
    return {
      status: "down",
      live: true,
      ready: false,
      checks: { database: { ok: false, latencyMs: Math.round(performance.now() - started) } },
    };
  }
  const database = { ok: true, latencyMs: Math.round(performance.now() - started) };
  const migrations = await migrationState();
  const queue = await readQueueGauges().catch(() => null);
  const workerOk = queue !== null && queue.oldestDueAgeSeconds <= WORKER_LAG_LIMIT_SECONDS;
  return {
    status: !migrations.ok ? "down" : workerOk ? "ok" : "degraded",
    live: true,
    ready: migrations.ok,
    checks: {
      database,
      migrations,
      worker: {
        ok: workerOk,
        queueDepth: queue?.depth ?? 0,
        oldestDueAgeSeconds: Math.round((queue?.oldestDueAgeSeconds ?? 0) * 10) / 10,
        lagLimitSeconds: WORKER_LAG_LIMIT_SECONDS,
      },
    },
  };
}

/** Applied against committed: drizzle records each applied migration with its journal time. */
async function migrationState(): Promise<{ ok: boolean; applied: number; expected: number }> {
  const expected = journal();
  const applied = await rows<{ n: number; last: string | null }>(
    db,
    sql`select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  ).then(
    ([row]) => ({ n: row.n, last: Number(row.last ?? 0) }),
    () => ({ n: 0, last: 0 }), // no migration table yet
  );
  return {
    ok: applied.n >= expected.count && applied.last >= expected.last,
    applied: applied.n,
    expected: expected.count,
  };
}

/** The committed migrations: how many, and when the last was made (drizzle records that time). */
function journal(): { count: number; last: number } {
  const file = path.join(migrationsFolder, "meta", "_journal.json");
  const { entries } = JSON.parse(readFileSync(file, "utf8")) as { entries: { when: number }[] };
  return { count: entries.length, last: Math.max(...entries.map((e) => e.when)) };
}
