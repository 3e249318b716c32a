import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import type { AttemptRecord } from "./attempt";
import type { SecretSpot } from "./body-secrets";
import { forgetIntegration } from "./integration-configs";
import { WorkerSql } from "./worker-sql";

/** What a worker did with one claimed delivery. */
export type Outcome = {
  deliveryId: string;
  /** The claim under which it was taken; the write happens only if that claim still holds. */
  claimId: string;
  status: "pending" | "delivered" | "failed";
  /** When a pending delivery is due again (retry, throttle). */
  nextAttemptAt: Date | null;
  /** The exact body sent, to keep when the delivery has none yet (its first attempt). */
  body: string | null;
  /** Where its masked secrets go back (with `body`). */
  bodySecrets?: SecretSpot[] | null;
  /** Null when nothing was sent (throttled, or the integration is disabled or gone). */
  attempt: AttemptRecord | null;
  lastError: string | null;
  /** Reset the attempt count (a throttled delivery did not really try). */
  countsAsAttempt: boolean;
  /** Given back unsent (the worker stopped, or it waited too long in the local queue): only the claim goes. */
  release?: boolean;
};

/**
 * Finish claimed deliveries in one statement: update each row still held by its claim and, for
 * exactly those rows, insert the attempt. A row whose lease ran out and was claimed again is left
 * to its new owner. Returns the ids that were still held.
 */
export async function recordOutcomes(outcomes: Outcome[], via: WorkerSql = recordSql()): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const values = outcomes.map((o) => ({
    id: o.deliveryId,
    claim_id: o.claimId,
    status: o.status,
    next_at: o.nextAttemptAt?.toISOString() ?? null,
    inc: o.countsAsAttempt ? 1 : 0,
    body: o.body,
    body_secrets: o.bodySecrets ?? null,
    last_error: o.lastError,
    release: o.release ?? false,
    attempted: o.attempt !== null,
    at: o.attempt?.at.toISOString() ?? null,
    url: o.attempt?.requestUrl ?? null,
    headers: o.attempt?.requestHeaders ?? null,
    req_body: o.attempt?.requestBody ?? null,
    res_status: o.attempt?.status ?? null,
    res_body: o.attempt?.responseBody ?? null,
    duration: o.attempt?.durationMs ?? null,
    error: o.attempt?.error ?? null,
  }));
  // The id list lets the planner go by primary key even before it has statistics.
  const ids = `{${outcomes.map((o) => o.deliveryId).join(",")}}`;
  // Stryker disable next-line StringLiteral: the prepared statement's name; unnamed, it is planned anew, with the same rows
  const held = await via.query<{ id: string }>("cs_record_outcomes", RECORD, [JSON.stringify(values), ids]);
  return new Set(held.map((r) => r.id));
}

/**
 * One statement for a whole batch of results, set-based: the deliveries' update and, for exactly
 * the rows still held by their claim, the attempts' insert.
 */
const RECORD = `with v as (
    select * from json_to_recordset($1::json) as x(
      id uuid, claim_id uuid, status delivery_status, next_at timestamptz, inc int, body text, body_secrets jsonb, last_error text,
      release boolean, attempted boolean, at timestamptz, url text, headers jsonb, req_body text, res_status int,
      res_body text, duration int, error text)
  ),
  finished as (
    update deliveries d set
      status = v.status,
      attempts = d.attempts + v.inc,
      next_attempt_at = coalesce(v.next_at, d.next_attempt_at),
      claim_id = null,
      lease_until = null,
      body = coalesce(d.body, v.body),
      body_secrets = case when d.body is null then v.body_secrets else d.body_secrets end,
      last_error = case when v.release then d.last_error else v.last_error end,
      last_status = case when v.attempted then v.res_status else d.last_status end,
      last_attempt_at = case when v.attempted then v.at else d.last_attempt_at end,
      delivered_at = case when v.status = 'delivered' then v.at else d.delivered_at end
    from v
    where d.id = any($2::uuid[]) and d.id = v.id and d.claim_id = v.claim_id
    returning d.id
  ),
  logged as (
    insert into delivery_attempts (delivery_id, at, request_url, request_headers, request_body, status, response_body, duration_ms, error)
    select v.id, v.at, v.url, v.headers, v.req_body, v.res_status, v.res_body, v.duration, v.error
    from v join finished f on f.id = v.id
    where v.attempted
    returning 1
  )
  select id from finished`;

const holder = globalThis as unknown as { __csRecordSql?: WorkerSql };
/** The process's record path, unless a worker brings its own. */
export function recordSql(): WorkerSql {
  return (holder.__csRecordSql ??= new WorkerSql());
}

const lastSuccessWrite = new Map<string, number>();

/** The latest news about one integration from a batch of attempts. */
export type HealthSignal = { integrationId: string; at: Date; ok: boolean; error?: string; disableReason?: string };

/**
 * Keep the settings page's "Last delivery failed 2 min ago: 410 Gone" true. A success clears
 * failingSince; a failure starts it; failing continuously for `disableAfterMs`, or a 410,
 * disables the integration with the reason shown on its card. Successes write at most once
 * a second per integration, so a busy queue does not hammer one row.
 */
export async function updateIntegrationHealth(
  signals: HealthSignal[],
  disableAfterMs: number,
  executor: Executor = db,
): Promise<void> {
  const latest = new Map<string, HealthSignal>();
  for (const s of signals) {
    const seen = latest.get(s.integrationId);
    if (!seen || s.at >= seen.at) latest.set(s.integrationId, s);
  }
  for (const s of latest.values()) {
    const at = s.at.toISOString();
    if (s.ok) {
      // Still healthy and written a moment ago by this process: nothing new to say.
      const previous = lastSuccessWrite.get(s.integrationId);
      if (previous !== undefined && s.at.getTime() - previous < 1000) continue;
      lastSuccessWrite.set(s.integrationId, s.at.getTime());
      await executor.execute(sql`update integrations set last_success_at = ${at}::timestamptz, failing_since = null
        where id = ${s.integrationId}
          and (last_success_at is null or last_success_at < ${at}::timestamptz - interval '1 second' or failing_since is not null)`);
      continue;
    }
    lastSuccessWrite.delete(s.integrationId);
    // It may be disabled now; let the next batch see that.
    forgetIntegration(s.integrationId);
    const stale = `Failed continuously for ${spell(disableAfterMs)}; last error: ${s.error ?? "unknown"}`;
    await executor.execute(sql`update integrations set
        last_error = ${s.error ?? "Delivery failed"}, last_error_at = ${at}::timestamptz,
        failing_since = coalesce(failing_since, ${at}::timestamptz),
        enabled = case when ${s.disableReason ?? null}::text is not null
                         or coalesce(failing_since, ${at}::timestamptz) <= ${at}::timestamptz - make_interval(secs => ${disableAfterMs / 1000})
                       then false else enabled end,
        disabled_reason = case when ${s.disableReason ?? null}::text is not null then ${s.disableReason ?? null}::text
                               when coalesce(failing_since, ${at}::timestamptz) <= ${at}::timestamptz - make_interval(secs => ${disableAfterMs / 1000})
                               then ${stale} else disabled_reason end
      where id = ${s.integrationId}`);
  }
}

function spell(ms: number): string {
  const hours = ms / 3600_000;
  if (hours >= 24 && hours % 24 === 0) return count(hours / 24, "day");
  if (hours >= 1) return count(Math.round(hours), "hour");
  return count(Math.round(ms / 60_000), "minute");
}

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
