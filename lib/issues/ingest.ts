import { randomUUID } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { db, type Executor, rows } from "@/db/client";
import { ingests } from "@/db/schema";
import { requireAdmin, type Principal } from "@/lib/auth/principal";
import { wakeWorker } from "@/lib/delivery/wake";
import type { AssetRef, IngestCounts } from "@/lib/notifications/changes";
import { notifyChanges } from "@/lib/notifications/route";
import { applyFindings, retireMissing, upsertDetectors } from "./diff";
import { ingestDigest, prepareFindings } from "./identity";
import { maskFindingContents, remaskAsset } from "./masking";
import { type IngestInput, parseIngest } from "./schemas";

export type IngestResult = { ingestId: string; assetId: string } & IngestCounts;

/**
 * In-process callers only (not the REST body). `newAssetTeamId`: the team an asset this scan
 * creates belongs to (a team's own Jira or Confluence integration scanning it). An asset that
 * already exists keeps whatever team an administrator mapped it to. `onlyTeamId`: a team's own
 * scan, which may change only that team's assets; an existing asset of another team, or of none,
 * makes the ingest throw AssetOfAnotherTeam and change nothing.
 */
export type IngestOptions = { newAssetTeamId?: string | null; onlyTeamId?: string };

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
 * Repeating the asset's latest ingest answers the same result and changes nothing.
 */
export async function ingestScan(actor: Principal, raw: unknown, options: IngestOptions = {}): Promise<IngestResult> {
  requireAdmin(actor);
  const input = parseIngest(raw);
  // Contents are masked before anything is stored or identified (lib/issues/masking.ts).
  const findings = prepareFindings(await maskFindingContents(input.findings));
  const digest = ingestDigest(input);

  const { result, queued } = await db.transaction(async (tx) => {
    const asset = await claimAsset(tx, input.asset, options.newAssetTeamId ?? null, options.onlyTeamId);
    await remaskAsset(tx, asset.id);
    if (!asset.created) {
      const [last] = await tx.select().from(ingests).where(eq(ingests.assetId, asset.id)).orderBy(desc(ingests.createdAt)).limit(1);
      if (last?.bodyHash === digest) return { result: { ingestId: last.id, assetId: asset.id, ...last.result }, queued: false };
    }
    await upsertDetectors(tx, findings);
    const { created, updated } = await applyFindings(tx, asset.id, input.asset.kind, findings);
    const { resolved, deleted } = await retireMissing(tx, asset.id, input.files);
    const counts: IngestCounts = { created: created.length, updated: updated.length, resolved: resolved.length, deleted: deleted.length };
    const ingestId = randomUUID();
    await tx.insert(ingests).values({ id: ingestId, assetId: asset.id, bodyHash: digest, findings: findings.length, result: counts });
    await notifyChanges(tx, { asset, assetEvent: asset.created ? "asset_created" : undefined, created, updated, resolved, deleted, ingest: counts });
    return { result: { ingestId, assetId: asset.id, ...counts }, queued: true };
  });
  if (queued) wakeWorker();
  return result;
}

/**
 * Create the asset on its first ingest (or its first after a delete), with `newTeamId` as its team,
 * else update its name, kind and url. The row stays locked to the end of the transaction, so two ingests of one asset run
 * one after the other and each diffs against the other's result.
 */
async function claimAsset(tx: Executor, asset: IngestInput["asset"], newTeamId: string | null, onlyTeamId?: string): Promise<AssetRef & { created: boolean }> {
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
  if (prior.kind !== asset.kind) await tx.execute(sql`update issues set kind = ${asset.kind} where asset_id = ${asset.id}`);
  if (revived) await tx.execute(sql`delete from ingests where asset_id = ${asset.id}`);
  return { ...ref, teamId: row.teamId, created: revived };
}
