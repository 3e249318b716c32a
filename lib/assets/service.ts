import { sql } from "drizzle-orm";
import { db, rows, type Tx } from "@/db/client";
import { audit } from "@/lib/audit/log";
import { requireAdmin, type Principal } from "@/lib/auth/principal";
import { wakeWorker } from "@/lib/delivery/wake";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { ChangedIssue } from "@/lib/notifications/changes";
import { notifyChanges } from "@/lib/notifications/fan-out";
import { type AssetView, getAsset } from "./queries";

type LockedAsset = { id: string; name: string; url: string | null; teamId: string | null };

async function lockAsset(tx: Tx, id: string): Promise<LockedAsset> {
  const [asset] = await rows<LockedAsset>(
    tx,
    sql`select id, name, url, team_id as "teamId" from assets where id = ${id} and deleted_at is null for update`,
  );
  if (!asset) throw new NotFoundError("Asset");
  return asset;
}

/**
 * Map an asset to a team, or to none (administrators, contract §2). Both the team it leaves and
 * the team it joins hear `asset_updated`, besides the global Events Webhook.
 */
export async function setAssetTeam(actor: Principal, id: string, teamId: string | null): Promise<AssetView> {
  requireAdmin(actor);
  const changed = await db.transaction(async (tx) => {
    const asset = await lockAsset(tx, id);
    if (asset.teamId === teamId) return false;
    if (teamId) {
      const team = await rows(tx, sql`select 1 from teams where id = ${teamId}`);
      if (team.length === 0) throw new ValidationError("No such team", { teamId: "No such team" });
    }
    await tx.execute(sql`update assets set team_id = ${teamId} where id = ${id}`);
    await notifyChanges(tx, {
      asset: { ...asset, teamId },
      alsoTeamIds: asset.teamId ? [asset.teamId] : [],
      assetEvent: "asset_updated",
    });
    await audit(tx, actor, {
      action: "asset.team_changed",
      targetType: "asset",
      targetId: id,
      teamId,
      details: { from: asset.teamId, to: teamId },
    });
    return true;
  });
  if (changed) wakeWorker();
  const view = await getAsset(id);
  if (!view) throw new NotFoundError("Asset");
  return view;
}

/**
 * Delete an asset and its issues (administrators): `asset_deleted` and `issue_deleted`, and open
 * PagerDuty alerts resolved. Issues stay as tombstones an Events Webhook consumer can still fetch.
 */
export async function deleteAsset(actor: Principal, id: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const asset = await lockAsset(tx, id);
    // A data-modifying CTE's RETURNING shows new values, so the old status comes from a join.
    const deleted = await rows<ChangedIssue>(
      tx,
      sql`with old as (select id, status = 'open' as open from issues where asset_id = ${id} and deleted_at is null for update)
          update issues i set deleted_at = now(), updated_at = now(), identity = 'deleted:' || i.id::text,
            status = case when i.status = 'open' then 'resolved'::issue_status else i.status end
          from old where old.id = i.id
          returning i.id, i.asset_id as "assetId", i.detector_id as "detectorId", i.detector_name as "detectorName",
                    i.severity, i.path, i.uri, old.open as "wasOpen"`,
    );
    await tx.execute(sql`update assets set deleted_at = now(), team_id = null where id = ${id}`);
    await tx.execute(sql`delete from ingests where asset_id = ${id}`);
    await notifyChanges(tx, { asset, assetEvent: "asset_deleted", deleted });
    await audit(tx, actor, {
      action: "asset.deleted",
      targetType: "asset",
      targetId: id,
      teamId: asset.teamId,
      details: { issues: deleted.length },
    });
  });
  wakeWorker();
}
