import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { ingestScan, type IngestOptions, type IngestResult } from "@/lib/issues/ingest";
import type { ScanFinding } from "./findings";

/**
 * Jira projects and Confluence spaces are assets of kind productivity, beside code, logs and hosts. The `teamId` the
 * bridge takes is the scanning integration's team: an asset a team-level integration creates is
 * that team's from the start (so its first notifications route to the team); a later ingest never
 * changes an asset's team.
 */
export type ScanAsset = { id: string; name: string; url: string };

// Scans run in the background on no one's behalf; ingest only asks that the actor may ingest.
const SCANNER: Principal = {
  userId: "00000000-0000-0000-0000-000000000000",
  email: "scanner@localhost",
  name: "Jira and Confluence scanner",
  isAdmin: true,
  teams: [],
};

/**
 * A full scan of one project or space: the same call as `POST /api/v1/ingest`, with `files` = every
 * ticket and comment scanned, so issues of tickets that are gone are deleted and others resolved.
 */
export function ingestWholeAsset(
  asset: ScanAsset,
  teamId: string | null,
  files: string[],
  findings: ScanFinding[],
): Promise<IngestResult> {
  return ingestScan(SCANNER, { asset: { ...asset, kind: "productivity" }, files, findings }, scanOptions(teamId));
}

/** A team's scan creates assets for that team and touches no other team's (contract §3, Scanning). */
const scanOptions = (teamId: string | null): IngestOptions => ({
  newAssetTeamId: teamId,
  ...(teamId === null ? {} : { onlyTeamId: teamId }),
});

/**
 * Whether a team's scan must leave this asset alone: it exists and is another team's, or a global
 * scan's that no administrator gave to this team. Checked before its content is read (or
 * redacted); the ingest checks again under the asset's lock.
 */
export async function belongsElsewhere(asset: ScanAsset, teamId: string | null): Promise<boolean> {
  if (teamId === null) return false;
  const [row] = await rows<{ teamId: string | null }>(
    db,
    sql`select team_id as "teamId" from assets where id = ${asset.id} and deleted_at is null`,
  );
  return row !== undefined && row.teamId !== teamId;
}

/**
 * A scan of some tickets of an asset (a webhook's one ticket). Ingest takes a scan as the whole
 * asset, so the asset's other open issues are sent again unchanged: ingest then leaves them as they
 * are, and resolves (or, for a deleted comment, deletes) only the scanned tickets' issues.
 * Runs of one integration never overlap (the runner's claim), so nothing slips in between.
 */
export async function ingestSomeContainers(
  asset: ScanAsset,
  teamId: string | null,
  containers: { prefix: string; paths: string[] }[],
  findings: ScanFinding[],
): Promise<IngestResult> {
  const inScope = (path: string) => containers.some((c) => path === c.prefix || path.startsWith(`${c.prefix}#`));
  const open = await rows<{
    identity: string;
    detectorId: string;
    detectorName: string;
    severity: ScanFinding["severity"];
    path: string;
    content: string;
    uri: string;
  }>(
    db,
    sql`select identity, detector_id as "detectorId", detector_name as "detectorName", severity, path, content, uri
        from issues where asset_id = ${asset.id} and status = 'open' and deleted_at is null`,
  );
  const kept = open
    .filter((i) => !inScope(i.path))
    .map(({ identity, ...rest }) => (identity.startsWith("fp:") ? { ...rest, fingerprint: identity.slice(3) } : rest));
  const files = [...new Set([...kept.map((k) => k.path), ...containers.flatMap((c) => c.paths)])];
  return ingestScan(
    SCANNER,
    { asset: { ...asset, kind: "productivity" }, files, findings: [...kept, ...findings] },
    scanOptions(teamId),
  );
}

/**
 * Which of our assets (ids starting `assetPrefix`) holds open issues of the container `prefix`:
 * how a Confluence page that is gone, and so no longer names its space, is traced to its space.
 */
export async function assetHoldingContainer(assetPrefix: string, prefix: string): Promise<string | undefined> {
  const [row] = await rows<{ assetId: string }>(
    db,
    sql`select asset_id as "assetId" from issues
        where starts_with(asset_id, ${assetPrefix}) and (path = ${prefix} or starts_with(path, ${`${prefix}#`}))
          and status = 'open' and deleted_at is null
        limit 1`,
  );
  return row?.assetId;
}
