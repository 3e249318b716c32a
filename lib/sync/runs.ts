import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db, rows, textArray } from "@/db/client";
import { syncsAt, ticketProviders } from "@/lib/integrations/registry";
import { reconcileMs } from "./config";

export type SyncRun = { integrationId: string; provider: string; accountId: string | null };
export type RunResult = { checked: number; changed: number; unlinked: number; error?: string | null };

/** The ids of the ticket providers that sync at a scope. */
function syncingAt(teamScope: boolean): string[] {
  return ticketProviders()
    .filter((p) => syncsAt(p, teamScope))
    .map((p) => p.id);
}

/**
 * Every integration that syncs tickets at its scope (a team's monday borrows the global token and
 * syncs through the global one) gets its reconciliation row: due at once, then every SYNC_RECONCILE_MS.
 */
export async function ensureSyncRuns(): Promise<void> {
  await db.execute(
    sql`insert into sync_runs (integration_id)
        select id from integrations where secrets is not null
          and provider = any(${textArray(syncingAt(false))}) and (team_id is null or provider = any(${textArray(syncingAt(true))}))
        on conflict do nothing`,
  );
}

/** Make an integration's reconciliation due now (after a save, a new link). */
export async function syncSoon(integrationId: string): Promise<void> {
  await db.execute(
    sql`insert into sync_runs (integration_id) values (${integrationId})
        on conflict (integration_id) do update set next_run_at = least(sync_runs.next_run_at, now())`,
  );
}

/**
 * The next due reconciliation, leased to this claim: SKIP LOCKED keeps two processes off the same
 * row, and the lease keeps them off it while the run is under way. A crashed run is due again once
 * its lease has passed.
 */
export async function claimDueRun(claimId: string, leaseMs: number): Promise<SyncRun | undefined> {
  const [row] = await rows<SyncRun>(
    db,
    sql`with next as (
          select r.integration_id from sync_runs r join integrations i on i.id = r.integration_id
          where i.enabled and r.next_run_at <= now() and (r.lease_until is null or r.lease_until < now())
          order by r.next_run_at limit 1
          for update of r skip locked
        )
        update sync_runs r set claim_id = ${claimId}, lease_until = now() + make_interval(secs => ${leaseMs / 1000}), last_started_at = now()
        from integrations i
        where r.integration_id in (select integration_id from next) and i.id = r.integration_id
        returning r.integration_id as "integrationId", i.provider, r.account_id as "accountId"`,
  );
  return row;
}

/** Record a run's outcome, if this claim still holds it, and schedule the next one. */
export async function finishRun(integrationId: string, claimId: string, result: RunResult): Promise<void> {
  await db.execute(
    sql`update sync_runs set claim_id = null, lease_until = null, last_finished_at = now(),
          next_run_at = now() + make_interval(secs => ${reconcileMs() / 1000}),
          checked = ${result.checked}, changed = ${result.changed}, unlinked = ${result.unlinked}, last_error = ${result.error ?? null}
        where integration_id = ${integrationId} and claim_id = ${claimId}`,
  );
}

/** The product's own account in the tool, learned once. */
export async function saveAccountId(integrationId: string, accountId: string | null): Promise<void> {
  if (!accountId) return;
  await db.execute(
    sql`insert into sync_runs (integration_id, account_id) values (${integrationId}, ${accountId})
        on conflict (integration_id) do update set account_id = excluded.account_id`,
  );
}

export async function accountIdOf(integrationId: string): Promise<string | null> {
  const [row] = await rows<{ accountId: string | null }>(
    db,
    sql`select account_id as "accountId" from sync_runs where integration_id = ${integrationId}`,
  );
  return row?.accountId ?? null;
}

export type LastReconciliation = {
  startedAt: string | null;
  finishedAt: string | null;
  nextAt: string | null;
  checked: number;
  changed: number;
  unlinked: number;
  error: string | null;
};

export async function lastReconciliation(integrationId: string): Promise<LastReconciliation | null> {
  const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  const [row] = await rows<LastReconciliation>(
    db,
    sql`select ${iso("last_started_at")} as "startedAt", ${iso("last_finished_at")} as "finishedAt", ${iso("next_run_at")} as "nextAt",
               checked, changed, unlinked, last_error as error
        from sync_runs where integration_id = ${integrationId}`,
  );
  return row ?? null;
}

export const newClaimId = () => randomUUID();
