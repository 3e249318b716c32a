import { eq, sql } from "drizzle-orm";
import { db, rows, type Executor } from "@/db/client";
import { integrations } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { NotFoundError } from "@/lib/errors";
import { uuidv7Floor } from "./ids";
import { WINDOW_HOURS, type DeliveryHealth, type HealthHour, type HealthWindow } from "./health-schema";
import { mayManage, visibleTeams } from "./queries";

export * from "./health-schema";

const HOUR = 3600_000;

/** The start of the hour holding `ms`, in UTC. */
const hourOf = (ms: number) => Math.floor(ms / HOUR) * HOUR;

type CountRow = { integrationId: string; hour: Date | string; delivered: number; failed: number };
type LatencyRow = { integrationId: string; total: boolean; hour: Date | string | null; p95: number | null };
type LastRow = { integrationId: string; at: Date | string; ok: boolean };

const ms = (v: Date | string) => new Date(v).getTime();

/**
 * Hourly aggregates of the given integrations' deliveries over the window, computed in the
 * database (nothing but these sums leaves it). A delivery counts in the hour of its last attempt:
 * delivered, or failed (given up, or retrying after a failure). Deliveries are found through
 * their time-ordered ids, so the integration index bounds the scan to the window.
 */
export async function deliveryHealth(
  integrationIds: string[],
  window: HealthWindow,
  now = Date.now(),
  executor: Executor = db,
): Promise<Map<string, DeliveryHealth>> {
  const result = new Map<string, DeliveryHealth>();
  if (integrationIds.length === 0) return result;
  const hours = WINDOW_HOURS[window];
  const firstHour = hourOf(now) - (hours - 1) * HOUR;
  const since = new Date(firstHour).toISOString();
  // A delivery made up to two days before the window may still have been attempted in it (retries).
  const floor = uuidv7Floor(firstHour - 2 * 24 * HOUR);
  const ids = `{${integrationIds.join(",")}}`;
  const [counts, latency, last] = await Promise.all([
    rows<CountRow>(
      executor,
      sql`select integration_id as "integrationId", date_trunc('hour', last_attempt_at) as hour,
                 count(*) filter (where status = 'delivered')::int as delivered,
                 count(*) filter (where status = 'failed' or (status = 'pending' and last_error is not null))::int as failed
          from deliveries
          where integration_id = any(${ids}::uuid[]) and id >= ${floor}::uuid and last_attempt_at >= ${since}::timestamptz
          group by 1, 2`,
    ),
    rows<LatencyRow>(
      executor,
      sql`select d.integration_id as "integrationId", grouping(date_trunc('hour', a.at)) = 1 as total,
                 date_trunc('hour', a.at) as hour,
                 percentile_cont(0.95) within group (order by a.duration_ms) as p95
          from deliveries d join delivery_attempts a on a.delivery_id = d.id
          where d.integration_id = any(${ids}::uuid[]) and d.id >= ${floor}::uuid and a.at >= ${since}::timestamptz
          group by grouping sets ((1, date_trunc('hour', a.at)), (1))`,
    ),
    rows<LastRow>(
      executor,
      sql`select distinct on (integration_id) integration_id as "integrationId", last_attempt_at as at, status = 'delivered' as ok
          from deliveries
          where integration_id = any(${ids}::uuid[]) and id >= ${uuidv7Floor(now - 15 * 24 * HOUR)}::uuid
            and last_attempt_at is not null and status <> 'pending'
          order by integration_id, last_attempt_at desc`,
    ),
  ]);
  for (const id of integrationIds) {
    const byHour = new Map<number, HealthHour>();
    for (let h = 0; h < hours; h++) {
      const hour = firstHour + h * HOUR;
      byHour.set(hour, { hour: new Date(hour).toISOString(), delivered: 0, failed: 0, p95Ms: null });
    }
    let p95Ms: number | null = null;
    for (const r of counts) {
      const bucket = r.integrationId === id ? byHour.get(ms(r.hour)) : undefined;
      if (bucket) Object.assign(bucket, { delivered: Number(r.delivered), failed: Number(r.failed) });
    }
    for (const r of latency as (LatencyRow & { total: boolean })[]) {
      if (r.integrationId !== id) continue;
      const p95 = r.p95 === null ? null : Math.round(Number(r.p95));
      if (r.total) p95Ms = p95;
      else if (r.hour !== null) {
        const bucket = byHour.get(ms(r.hour));
        if (bucket) bucket.p95Ms = p95;
      }
    }
    const list = [...byHour.values()];
    const lastRow = last.find((r) => r.integrationId === id);
    result.set(id, {
      window,
      hours: list,
      delivered: list.reduce((n, h) => n + h.delivered, 0),
      failed: list.reduce((n, h) => n + h.failed, 0),
      p95Ms,
      lastDeliveryAt: lastRow ? new Date(lastRow.at).toISOString() : null,
      lastDeliveryOk: lastRow ? lastRow.ok : null,
    });
  }
  return result;
}

/** One integration's health for a person who may manage it (administrators; a team's leads). */
export async function integrationHealth(
  principal: Principal,
  integrationId: string,
  window: HealthWindow,
): Promise<DeliveryHealth> {
  const [integration] = await db
    .select({ teamId: integrations.teamId })
    .from(integrations)
    .where(eq(integrations.id, integrationId));
  // Members are refused before anything is looked up; a lead learns nothing about other teams' integrations.
  visibleTeams(principal);
  if (!integration || !mayManage(principal, integration.teamId)) throw new NotFoundError("Integration");
  return (await deliveryHealth([integrationId], window)).get(integrationId)!;
}
