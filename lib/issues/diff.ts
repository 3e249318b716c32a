import { sql } from "drizzle-orm";
import { type Executor, rows } from "@/db/client";
import type { ChangedIssue, IssueSummary } from "@/lib/notifications/changes";
import type { PreparedFinding } from "./identity";
import type { AssetKind } from "./schemas";

type SummaryRow = {
  id: string;
  detectorId: string;
  detectorName: string;
  severity: IssueSummary["severity"];
  path: string;
  uri: string;
};
const summary =
  (assetId: string) =>
  (r: SummaryRow): IssueSummary => ({ ...r, assetId });

// Rows per statement: the JSON parameter stays a few MB, and both drivers handle it in one go.
const CHUNK = 5000;

/**
 * Upsert a scan's findings into its asset's issues in set-based statements (no per-row round
 * trips). A finding matching no issue creates one; one whose severity, uri or content changed
 * updates it; a resolved issue that comes back is reopened, which counts as updated (and is marked
 * `reopened`, as PagerDuty triggers again). Every seen
 * issue gets last_seen = now(), which `retireMissing` relies on. Which rows were created or
 * changed is read back from the rows themselves (xmax = 0 marks an insert; updated_at = now() a
 * change in this transaction): joining against the old rows made the planner loop 10k × 10k.
 */
export async function applyFindings(tx: Executor, assetId: string, kind: AssetKind, findings: PreparedFinding[]) {
  const created: IssueSummary[] = [];
  const updated: ChangedIssue[] = [];
  for (let i = 0; i < findings.length; i += CHUNK) {
    const input = JSON.stringify(findings.slice(i, i + CHUNK));
    const changed = await rows<SummaryRow & { created: boolean; reopened: boolean }>(
      tx,
      sql`with input as (
            select * from jsonb_to_recordset(${input}::jsonb) as x(
              identity text, detector_id text, detector_name text, severity severity, path text, content text, uri text)
          ),
          up as (
            insert into issues as i (asset_id, identity, kind, detector_id, detector_name, severity, path, content, uri)
            select ${assetId}, identity, ${kind}, detector_id, detector_name, severity, path, content, uri from input
            on conflict (asset_id, identity) do update set
              kind = excluded.kind, detector_id = excluded.detector_id, detector_name = excluded.detector_name,
              severity = excluded.severity, path = excluded.path, content = excluded.content, uri = excluded.uri,
              last_seen = now(),
              status = case when i.status = 'resolved' then 'open'::issue_status else i.status end,
              updated_at = case
                when i.status = 'resolved' or (i.severity, i.uri, i.content) is distinct from (excluded.severity, excluded.uri, excluded.content)
                then now() else i.updated_at end
            returning i.id, i.detector_id, i.detector_name, i.severity, i.path, i.uri,
              i.xmax = 0 as created, i.updated_at = now() as changed
          )
          -- The main query sees issues as they were before this statement: a resolved one came back.
          select id, detector_id as "detectorId", detector_name as "detectorName", severity, path, uri, created,
            not created and exists (select 1 from issues o where o.id = up.id and o.status = 'resolved') as reopened
          from up where created or changed`,
    );
    for (const row of changed) {
      const { created: isNew, reopened, ...rest } = row;
      if (isNew) created.push(summary(assetId)(rest));
      else updated.push(reopened ? { ...summary(assetId)(rest), reopened } : summary(assetId)(rest));
    }
  }
  return { created, updated };
}

/**
 * Open issues the scan no longer reports: resolved, or deleted when their path is not among the
 * scan's `files` (when `files` is absent, always resolved). A deleted issue stays as a tombstone
 * whose identity no longer matches anything.
 */
export async function retireMissing(tx: Executor, assetId: string, files: string[] | undefined) {
  const hasFiles = files !== undefined;
  const fileList = JSON.stringify(hasFiles ? [...new Set(files)] : []);
  const retired = await rows<SummaryRow & { deleted: boolean }>(
    tx,
    sql`with files as (select distinct value as path from jsonb_array_elements_text(${fileList}::jsonb)),
        gone as (
          select i.id, (${hasFiles} and f.path is null) as deleted
          from issues i left join files f on f.path = i.path
          where i.asset_id = ${assetId} and i.status = 'open' and i.deleted_at is null and i.last_seen <> now()
        )
        update issues i set
          status = 'resolved', updated_at = now(),
          deleted_at = case when gone.deleted then now() end,
          identity = case when gone.deleted then 'deleted:' || i.id::text else i.identity end
        from gone where gone.id = i.id
        returning i.id, i.detector_id as "detectorId", i.detector_name as "detectorName", i.severity, i.path, i.uri, gone.deleted`,
  );
  const resolved: IssueSummary[] = [];
  const deleted: IssueSummary[] = [];
  for (const { deleted: isDeleted, ...rest } of retired) (isDeleted ? deleted : resolved).push(summary(assetId)(rest));
  return { resolved, deleted };
}

/** The detector catalogue (for the table's detector filter): names follow the latest scan. */
export async function upsertDetectors(tx: Executor, findings: PreparedFinding[]): Promise<void> {
  const byId = new Map(
    findings.map((f) => [f.detector_id, { id: f.detector_id, name: f.detector_name, severity: f.severity }]),
  );
  if (byId.size === 0) return;
  await tx.execute(
    sql`insert into detectors (id, name, severity)
        select id, name, severity from jsonb_to_recordset(${JSON.stringify([...byId.values()])}::jsonb) as x(id text, name text, severity severity)
        on conflict (id) do update set name = excluded.name, severity = excluded.severity
        where (detectors.name, detectors.severity) is distinct from (excluded.name, excluded.severity)`,
  );
}
