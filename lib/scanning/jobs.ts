import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { scanItems, scanJobs } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { scanIntegration } from "./settings";

export type ScanJob = typeof scanJobs.$inferSelect;
/** `skipped`: projects or spaces a team's scan left alone, as their asset is another team's. */
export type ScanProgress = {
  state: "idle" | "queued" | "running" | "done" | "cancelled" | "failed";
  scanned: number;
  total: number;
  found: number;
  skipped: number;
  error?: string | null;
  startedAt?: string;
};

const ACTIVE = ["queued", "running"];

/** "Scan now": a full scan of the scope's integration, or the one already under way. */
export async function startScan(principal: Principal, provider: string, teamId: string | null): Promise<ScanProgress> {
  const integration = await scanIntegration(principal, provider, teamId);
  await db
    .insert(scanJobs)
    .values({ integrationId: integration.id, provider: integration.provider, kind: "full" })
    .onConflictDoNothing();
  wakeScanRunner();
  return progressOf(integration.id);
}

export async function scanProgress(
  principal: Principal,
  provider: string,
  teamId: string | null,
): Promise<ScanProgress> {
  const integration = await scanIntegration(principal, provider, teamId);
  return progressOf(integration.id);
}

/** Cancel the scope's full scan. What it already ingested stays; its unfinished project is dropped. */
export async function cancelScan(principal: Principal, provider: string, teamId: string | null): Promise<ScanProgress> {
  const integration = await scanIntegration(principal, provider, teamId);
  const cancelled = await db
    .update(scanJobs)
    .set({ state: "cancelled", finishedAt: new Date(), claimId: null, leaseUntil: null })
    .where(and(eq(scanJobs.integrationId, integration.id), eq(scanJobs.kind, "full"), inArray(scanJobs.state, ACTIVE)))
    .returning({ id: scanJobs.id });
  if (cancelled.length)
    await db.delete(scanItems).where(
      inArray(
        scanItems.jobId,
        cancelled.map((c) => c.id),
      ),
    );
  return progressOf(integration.id);
}

async function progressOf(integrationId: string): Promise<ScanProgress> {
  const [job] = await db
    .select()
    .from(scanJobs)
    .where(and(eq(scanJobs.integrationId, integrationId), eq(scanJobs.kind, "full")))
    .orderBy(desc(scanJobs.createdAt))
    .limit(1);
  if (!job) return { state: "idle", scanned: 0, total: 0, found: 0, skipped: 0 };
  // Tickets created during a scan can push scanned past the count taken at its start.
  return {
    state: job.state as ScanProgress["state"],
    scanned: job.scanned,
    total: Math.max(job.total, job.scanned),
    found: job.found,
    skipped: job.skipped,
    error: job.error,
    startedAt: job.createdAt.toISOString(),
  };
}

/** A webhook's ticket or page; a burst of events for one of them is one queued scan. */
export async function enqueueItemScan(integrationId: string, provider: string, target: string): Promise<void> {
  await db.insert(scanJobs).values({ integrationId, provider, kind: "item", target }).onConflictDoNothing();
  wakeScanRunner();
}

/**
 * The next due job, leased to this claim. Webhook items go before full-scan steps, and an
 * integration with a step under lease is skipped, so the runs of one integration never overlap
 * (which the partial ingest of one ticket relies on). A lease that ran out (a crashed process)
 * makes its job due again: it resumes from its last saved cursor.
 */
export async function claimDueJob(claimId: string, leaseMs: number): Promise<ScanJob | undefined> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`with next as (
          select j.id from scan_jobs j
          where j.state in ('queued', 'running') and j.next_run_at <= now() and (j.lease_until is null or j.lease_until < now())
            and not exists (select 1 from scan_jobs o where o.integration_id = j.integration_id and o.id <> j.id
                            and o.state in ('queued', 'running') and o.lease_until >= now())
          order by (j.kind = 'item') desc, j.next_run_at, j.created_at
          limit 1
          for update skip locked
        )
        update scan_jobs set state = 'running', claim_id = ${claimId}, lease_until = now() + make_interval(secs => ${leaseMs / 1000})
        where id in (select id from next) returning id`,
  );
  if (!row) return undefined;
  const [job] = await db.select().from(scanJobs).where(eq(scanJobs.id, row.id));
  return job;
}

type Counts = { scanned?: number; found?: number; skipped?: number };
export type StepOutcome =
  | ({ kind: "progress"; cursor: Record<string, unknown>; total?: number } & Counts)
  | ({ kind: "done" } & Counts)
  | { kind: "wait"; seconds: number; error?: string }
  | { kind: "failed"; error: string };

/** Save a step's outcome, if this claim still holds the job (a cancel or a takeover wins). */
export async function saveStep(job: ScanJob, claimId: string, outcome: StepOutcome): Promise<void> {
  const mine = and(eq(scanJobs.id, job.id), eq(scanJobs.claimId, claimId), eq(scanJobs.state, "running"));
  const release = { claimId: null, leaseUntil: null };
  const counts = (o: Counts) => ({
    scanned: sql`${scanJobs.scanned} + ${o.scanned ?? 0}`,
    found: sql`${scanJobs.found} + ${o.found ?? 0}`,
    skipped: sql`${scanJobs.skipped} + ${o.skipped ?? 0}`,
  });
  switch (outcome.kind) {
    case "progress":
      await db
        .update(scanJobs)
        .set({
          ...release,
          ...counts(outcome),
          cursor: outcome.cursor,
          failures: 0,
          error: null,
          nextRunAt: new Date(),
          ...(outcome.total !== undefined ? { total: outcome.total } : {}),
        })
        .where(mine);
      return;
    case "done":
      await db
        .update(scanJobs)
        .set({ ...release, ...counts(outcome), state: "done", finishedAt: new Date(), error: null })
        .where(mine);
      await db.delete(scanItems).where(eq(scanItems.jobId, job.id));
      return;
    case "wait":
      await db
        .update(scanJobs)
        .set({
          ...release,
          nextRunAt: new Date(Date.now() + outcome.seconds * 1000),
          error: outcome.error ?? null,
          failures: outcome.error ? sql`${scanJobs.failures} + 1` : scanJobs.failures,
        })
        .where(mine);
      return;
    case "failed":
      await db
        .update(scanJobs)
        .set({ ...release, state: "failed", finishedAt: new Date(), error: outcome.error })
        .where(mine);
      await db.delete(scanItems).where(eq(scanItems.jobId, job.id));
      return;
  }
}

// The runner in this process, told about new work so a webhook is scanned within a second.
const wakers = new Set<() => void>();
export function onScanWork(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}
export function wakeScanRunner(): void {
  for (const wake of wakers) wake();
}

export const newClaimId = () => randomUUID();
