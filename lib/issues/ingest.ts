import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db, type Executor, rows } from "@/db/client";
import { ingests } from "@/db/schema";
import { requireAdmin, type Principal } from "@/lib/auth/principal";
import { wakeWorker } from "@/lib/delivery/wake";
import { parseIdempotencyKey, runOnce } from "@/lib/idempotency/keys";
import { observeIngest } from "@/lib/metrics/observe";
import type { AssetRef, IngestCounts } from "@/lib/notifications/changes";
import { notifyChanges } from "@/lib/notifications/fan-out";
import { applyFindings, retireMissing, upsertDetectors } from "./diff";
import { ingestDigest, type PreparedFinding, prepareFindings } from "./identity";
import { maskFindingContents, remaskAsset } from "./masking";
import { type IngestInput, parseIngest } from "./schemas";

export type IngestResult = { ingestId: string; assetId: string } & IngestCounts;

export type IngestOptions = {
  /**
   * In-process callers only: the team an asset this scan creates belongs to (a team's own Jira or
   * Confluence integration scanning it). An asset that already exists keeps whatever team an
   * administrator mapped it to.
   */
  newAssetTeamId?: string | null;
  /**
   * In-process callers only: a team's own scan, which may change only that team's assets; an
   * existing asset of another team, or of none, makes the ingest throw AssetOfAnotherTeam and
   * change nothing.
   */
  onlyTeamId?: string;
  /** The request's `Idempotency-Key` header, if it sent one. */
  idempotencyKey?: string | null;
};

/** A team's scan reached an asset that is not that team's: it is left as it is. */
export class AssetOfAnotherTeam extends Error {
  constructor(readonly assetId: string) {
    super("The asset belongs to another team");
    this.name = "AssetOfAnotherTeam";
  }
}

/**
 * Take one full scan of one asset (contract §3): diff it against the asset's issues and queue the
 * notifications it causes, all in one transaction, so a bad body or a failure changes nothing.
 * Every ingest is a new scan: the same body again changes what it changes (usually nothing), gets
 * its own ingestId and ingest_completed, and marks its issues seen. A retry that must not count
 * twice sends an Idempotency-Key: within 24 hours the same key and body answer the first answer.
 */
export async function ingestScan(actor: Principal, raw: unknown, options: IngestOptions = {}): Promise<IngestResult> {
  requireAdmin(actor);
  const key = parseIdempotencyKey(options.idempotencyKey);
  const input = parseIngest(raw);
  // Contents are masked before anything is stored or identified (lib/issues/masking.ts).
  const findings = prepareFindings(await maskFindingContents(input.findings));

  const { response, replayed } = await db.transaction(async (tx) => {
    const scan = () => applyScan(tx, input, findings, options);
    if (!key) return { response: await scan(), replayed: false };
    return runOnce(tx, { userId: actor.userId, key, operation: "ingest", requestHash: ingestDigest(input) }, scan);
  });
  if (!replayed) {
    wakeWorker();
    observeIngest(response);
  }
  return response;
}

async function applyScan(
  tx: Executor,
  input: IngestInput,
  findings: PreparedFinding[],
  options: IngestOptions,
): Promise<IngestResult> {
  const asset = await claimAsset(tx, input.asset, options.newAssetTeamId ?? null, options.onlyTeamId);
  await remaskAsset(tx, asset.id);
  await upsertDetectors(tx, findings);
  const { created, updated } = await applyFindings(tx, asset.id, input.asset.kind, findings);
  const { resolved, deleted } = await retireMissing(tx, asset.id, input.files);
  const counts: IngestCounts = {
    created: created.length,
    updated: updated.length,
    resolved: resolved.length,
    deleted: deleted.length,
  };
  const ingestId = randomUUID();
  await tx.insert(ingests).values({ id: ingestId, assetId: asset.id, findings: findings.length, result: counts });
  await notifyChanges(tx, {
    asset,
    assetEvent: asset.created ? "asset_created" : undefined,
    created,
    updated,
    resolved,
    deleted,
    ingest: counts,
  });
  return { ingestId, assetId: asset.id, ...counts };
}

/**
 * Create the asset on its first ingest (or its first after a delete), with `newTeamId` as its team,
 * else update its name, kind and url. The row stays locked to the end of the transaction, so two ingests of one asset run
 * one after the other and each diffs against the other's result.
 */
async function claimAsset(
  tx: Executor,
  asset: IngestInput["asset"],
  newTeamId: string | null,
  onlyTeamId?: string,
): Promise<AssetRef & { created: boolean }> {
  const name = asset.name || asset.id;
  const url = asset.url || null;
  const ref = { id: asset.id, name, url };
  const inserted = await rows<{ id: string }>(
    tx,
    sql`insert into assets (id, name, kind, url, team_id, last_ingest_at) values (${asset.id}, ${name}, ${asset.kind}, ${url}, ${newTeamId}, now())
        on conflict (id) do nothing returning id`,
  );
  if (inserted.length) return { ...ref, teamId: newTeamId, created: true };
  // A separate statement, so it sees (and waits for) a concurrent first ingest of the same asset.
  const [prior] = await rows<{ kind: string; deletedAt: unknown; teamId: string | null }>(
    tx,
    sql`select kind, deleted_at as "deletedAt", team_id as "teamId" from assets where id = ${asset.id} for update`,
  );
  const revived = prior.deletedAt !== null;
  if (onlyTeamId !== undefined && !revived && prior.teamId !== onlyTeamId) throw new AssetOfAnotherTeam(asset.id);
  const [row] = await rows<{ teamId: string | null }>(
    tx,
    sql`update assets set name = ${name}, kind = ${asset.kind}, url = ${url}, last_ingest_at = now(),
          team_id = case when deleted_at is null then team_id else ${newTeamId}::uuid end,
          created_at = case when deleted_at is null then created_at else now() end,
          deleted_at = null
        where id = ${asset.id} returning team_id as "teamId"`,
  );
  // An asset's issues carry its kind, so the tabs filter on it without a join.
  if (prior.kind !== asset.kind)
    await tx.execute(sql`update issues set kind = ${asset.kind} where asset_id = ${asset.id}`);
  if (revived) await tx.execute(sql`delete from ingests where asset_id = ${asset.id}`);
  return { ...ref, teamId: row.teamId, created: revived };
}
