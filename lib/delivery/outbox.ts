import { sql } from "drizzle-orm";
import { type Executor, handle, rows } from "@/db/client";
import { deliverySettings, WAKE_CHANNEL } from "./config";
import { uuidv7 } from "./ids";
import { wakeWorker } from "./wake";
import { handOffPayload, handOffTaker } from "./handoff";
import { randomUUID } from "node:crypto";

/** A delivery as inserted: the statement's JSON, and what a hand-off gives the worker. */
type OutboxRow = {
  id: string;
  integration_id: string;
  provider: string;
  team_id: string | null;
  kind: string;
  payload: unknown;
  after_earlier: boolean;
};

/** The integration a delivery is for: enough to route it and to scope who may see it. */
export type DeliveryTarget = { id: string; provider: string; teamId: string | null };

/**
 * `afterEarlier`: send only once every earlier delivery of the same integration has settled
 * (delivered or failed), for a message that sums up the ones before it.
 */
export type NewDelivery = { target: DeliveryTarget; kind: string; payload: unknown; afterEarlier?: boolean };

/**
 * Queue deliveries inside the caller's transaction, so they exist exactly when the change that
 * caused them commits. Workers are woken at commit without the caller doing anything more.
 */
export async function enqueueDeliveries(tx: Executor, items: NewDelivery[]): Promise<string[]> {
  if (items.length === 0) return [];
  const now = Date.now();
  const rowsToInsert: OutboxRow[] = items.map((item) => ({
    id: uuidv7(now),
    integration_id: item.target.id,
    provider: item.target.provider,
    team_id: item.target.teamId,
    kind: item.kind,
    payload: item.payload,
    after_earlier: item.afterEarlier ?? false,
  }));
  const handOff = offerToLocalWorker(rowsToInsert);
  // One statement per few thousand rows, as JSON: an ingest can queue many deliveries at once.
  // A hand-off's lease runs from the statement's clock, after the worker's own count began;
  // without one, claim and lease stay null.
  for (let i = 0; i < rowsToInsert.length; i += 5000) {
    const chunk = JSON.stringify(rowsToInsert.slice(i, i + 5000));
    await tx.execute(sql`insert into deliveries (id, integration_id, provider, team_id, kind, payload, after_earlier, claim_id, lease_until)
      select id, integration_id, provider, team_id, kind, payload, after_earlier,
             ${handOff?.claimId ?? null}::uuid,
             clock_timestamp() + make_interval(secs => ${handOff?.leaseSeconds ?? null}::float8)
      from json_to_recordset(${chunk}::json)
        as x(id uuid, integration_id uuid, provider text, team_id uuid, kind text, payload jsonb, after_earlier boolean)`);
  }
  await notifyWorkers(tx, handOff?.claimId);
  return rowsToInsert.map((r) => r.id);
}

/**
 * Hand what this call queues to this process's own worker (lib/delivery/handoff.ts), when one
 * runs with room, and every row is due now for its own sake (a follower waits for earlier ones).
 */
function offerToLocalWorker(rowsToInsert: OutboxRow[]): { claimId: string; leaseSeconds: number } | null {
  const taker = handOffTaker();
  if (!taker || rowsToInsert.some((r) => r.after_earlier)) return null;
  const claimId = randomUUID();
  const deliveries = () =>
    rowsToInsert.map((r) => ({
      id: r.id,
      claimId,
      integrationId: r.integration_id,
      provider: r.provider,
      kind: r.kind,
      // As the column holds it (JSON), and a copy: the caller may change its object after this.
      payload: JSON.parse(JSON.stringify(r.payload ?? null)) as unknown,
      body: null,
      bodySecrets: null,
      attempts: 0,
    }));
  const taken = taker.take(rowsToInsert.length, claimId, deliveries);
  return taken ? { claimId, leaseSeconds: taken.leaseSeconds } : null;
}

export async function enqueueDelivery(tx: Executor, item: NewDelivery): Promise<string> {
  const [id] = await enqueueDeliveries(tx, [item]);
  return id;
}

/**
 * Ask workers to look now, effective at commit. Postgres holds a NOTIFY until the transaction
 * commits (and drops it on rollback). The embedded database has one connection and runs one
 * transaction at a time, so the in-process worker's claim, woken now, queues behind this
 * transaction and sees its rows once it commits. A hand-off's NOTIFY names its claim, on either
 * database: it tells the worker holding the rows that they are committed.
 */
export async function notifyWorkers(tx: Executor, handOffClaimId?: string): Promise<void> {
  if (handOffClaimId) await tx.execute(sql`select pg_notify(${WAKE_CHANNEL}, ${handOffPayload(handOffClaimId)})`);
  else if (handle().kind === "pglite") wakeWorker();
  else await tx.execute(sql`select pg_notify(${WAKE_CHANNEL}, '')`);
}

/**
 * An Events Webhook change event `{name, ids, time}`. Changes with the same name for the same
 * integration join one pending event while it waits: each change pushes the send back by
 * EVENTS_COALESCE_MS, never beyond 30 s after the first, and an event holds at most 1000 ids.
 */
export async function enqueueEvent(tx: Executor, target: DeliveryTarget, name: string, ids: string[]): Promise<void> {
  const settings = deliverySettings();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += settings.maxIdsPerEvent) {
    await coalesceChunk(tx, target, name, unique.slice(i, i + settings.maxIdsPerEvent));
  }
  if (unique.length) await notifyWorkers(tx);
}

async function coalesceChunk(tx: Executor, target: DeliveryTarget, name: string, ids: string[]): Promise<void> {
  const settings = deliverySettings();
  const key = `${target.id}:${name}`;
  const payload = JSON.stringify({ name, ids, time: new Date().toISOString() });
  for (let tries = 0; tries < 3; tries++) {
    const absorbed = await rows<{ id: string }>(
      tx,
      sql`insert into deliveries (id, integration_id, provider, team_id, kind, payload, coalesce_key, next_attempt_at, first_enqueued_at)
          values (${uuidv7()}, ${target.id}, ${target.provider}, ${target.teamId}, ${name}, ${payload}::jsonb, ${key},
                  now() + make_interval(secs => ${settings.coalesceMs / 1000}), now())
          on conflict (coalesce_key) where status = 'pending' and coalesce_key is not null
          do update set
            payload = jsonb_build_object(
              'name', deliveries.payload->'name',
              'ids', (select jsonb_agg(distinct e) from jsonb_array_elements((deliveries.payload->'ids') || (excluded.payload->'ids')) e),
              'time', excluded.payload->'time'),
            next_attempt_at = least(excluded.next_attempt_at,
                                    deliveries.first_enqueued_at + make_interval(secs => ${settings.coalesceCapMs / 1000}))
          where jsonb_array_length(deliveries.payload->'ids') + jsonb_array_length(excluded.payload->'ids') <= ${settings.maxIdsPerEvent}
          returning id`,
    );
    if (absorbed.length) return;
    // The waiting event is full: seal it (send it now) and start the next one.
    await tx.execute(
      sql`update deliveries set coalesce_key = null, next_attempt_at = least(next_attempt_at, now())
          where coalesce_key = ${key} and status = 'pending'`,
    );
  }
  throw new Error("Could not queue the event: the waiting event kept changing");
}
