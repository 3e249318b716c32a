import { type SQL, sql } from "drizzle-orm";
import { db, type Executor, rows } from "@/db/client";
import { type Cursor, decodeCursor, encodeCursor } from "./cursor";
import type { AssetKind, IssueFilters, IssueSeverity, IssueStatus } from "./schemas";

/** A ticket made from an issue; `status` and `syncedAt` are the tool's status as ticket sync last read it. */
export type IssueTicket = {
  provider: string;
  key: string;
  url: string;
  status?: string | null;
  syncedAt?: string | null;
};

/** An issue as the API answers it (contract §3), plus the asset's name for screens. */
export type IssueView = {
  id: string;
  assetId: string;
  assetName: string | null;
  kind: AssetKind;
  detectorId: string;
  detectorName: string;
  severity: IssueSeverity;
  content: string;
  path: string;
  uri: string;
  status: IssueStatus;
  firstSeen: string;
  lastSeen: string;
  teamId: string | null;
  /** Set on an issue deleted by a scan or with its asset; such an issue is in no list. */
  deletedAt: string | null;
  tickets: IssueTicket[];
};

type Row = Omit<IssueView, "tickets" | "firstSeen" | "lastSeen" | "deletedAt"> & {
  firstSeen: Date | string;
  lastSeen: Date | string;
  deletedAt: Date | string | null;
  seenKey: string;
};

const SELECT = sql`select i.id, i.asset_id as "assetId", a.name as "assetName", i.kind, i.detector_id as "detectorId",
  i.detector_name as "detectorName", i.severity, i.content, i.path, i.uri, i.status, i.first_seen as "firstSeen",
  i.last_seen as "lastSeen", a.team_id as "teamId", i.deleted_at as "deletedAt", i.first_seen::text as "seenKey"
  from issues i left join assets a on a.id = i.asset_id`;

/** Filters except the tab (kind) and the cursor, so tab counts and the page share them. */
function filterConditions(f: Partial<IssueFilters>): SQL[] {
  const where: SQL[] = [sql`i.deleted_at is null`];
  if (f.status) where.push(sql`i.status = ${f.status}`);
  if (f.severity) where.push(sql`i.severity = ${f.severity}`);
  if (f.assetId) where.push(sql`i.asset_id = ${f.assetId}`);
  if (f.detectorId) where.push(sql`i.detector_id = ${f.detectorId}`);
  if (f.teamId) where.push(sql`i.asset_id in (select id from assets where team_id = ${f.teamId})`);
  const q = f.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(i.detector_name ilike ${like} or i.detector_id ilike ${like} or i.path ilike ${like} or i.asset_id ilike ${like} or i.content ilike ${like})`,
    );
  }
  return where;
}

function orderAndSeek(f: IssueFilters, cursor: Cursor | null): { seek: SQL | null; order: SQL } {
  if (f.sort === "oldest") {
    return {
      seek: cursor && sql`(i.first_seen, i.id) > (${cursor.t}::timestamptz, ${cursor.id}::uuid)`,
      order: sql`i.first_seen asc, i.id asc`,
    };
  }
  if (f.sort === "severity") {
    const s = cursor?.s ?? "error";
    return {
      // The severity enum is declared error, warning, info, so ascending is most severe first.
      seek:
        cursor &&
        sql`(i.severity > ${s}::severity or (i.severity = ${s}::severity and (i.first_seen, i.id) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)))`,
      order: sql`i.severity asc, i.first_seen desc nulls last, i.id desc nulls last`,
    };
  }
  return {
    seek: cursor && sql`(i.first_seen, i.id) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)`,
    // Matches the partial indexes' (first_seen desc nulls last, id desc nulls last).
    order: sql`i.first_seen desc nulls last, i.id desc nulls last`,
  };
}

/** One page of issues, newest first by default, with keyset pagination that stays fast at any depth. */
export async function listIssues(
  f: IssueFilters,
  executor: Executor = db,
): Promise<{ items: IssueView[]; nextCursor: string | null }> {
  const cursor = f.cursor ? decodeCursor(f.cursor) : null;
  const where = filterConditions(f);
  if (f.kind) where.push(sql`i.kind = ${f.kind}`);
  const { seek, order } = orderAndSeek(f, cursor);
  if (seek) where.push(seek);
  const found = await rows<Row>(
    executor,
    sql`${SELECT} where ${sql.join(where, sql` and `)} order by ${order} limit ${f.limit + 1}`,
  );
  const page = found.slice(0, f.limit);
  const last = page.at(-1);
  const nextCursor =
    found.length > f.limit && last
      ? encodeCursor({ t: last.seenKey, id: last.id, ...(f.sort === "severity" ? { s: last.severity } : {}) })
      : null;
  return { items: await withTickets(executor, page), nextCursor };
}

/** An issue by id, including a deleted one: an Events Webhook consumer can fetch every id it was sent. */
export async function getIssue(id: string, executor: Executor = db): Promise<IssueView | null> {
  const found = await rows<Row>(executor, sql`${SELECT} where i.id = ${id}`);
  if (found.length === 0) return null;
  return (await withTickets(executor, found))[0];
}

/** Open-issue style counts for the tabs: every filter but the kind. */
export async function countIssuesByKind(
  f: Partial<IssueFilters>,
  executor: Executor = db,
): Promise<Record<AssetKind, number>> {
  const counted = await rows<{ kind: AssetKind; n: number | string }>(
    executor,
    sql`select i.kind, count(*) as n from issues i where ${sql.join(filterConditions(f), sql` and `)} group by i.kind`,
  );
  const counts: Record<AssetKind, number> = { code: 0, log: 0, host: 0, productivity: 0, asset: 0 };
  for (const c of counted) counts[c.kind] = Number(c.n);
  return counts;
}

async function withTickets(executor: Executor, found: Row[]): Promise<IssueView[]> {
  if (found.length === 0) return [];
  const ids = JSON.stringify(found.map((r) => r.id));
  const tickets = await rows<IssueTicket & { issueId: string }>(
    executor,
    sql`select issue_id as "issueId", provider, key, url, status,
               to_char(synced_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "syncedAt" from issue_tickets
        where key <> '' and issue_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb)) order by created_at`,
  );
  return found.map(({ seenKey: _k, ...r }) => ({
    ...r,
    firstSeen: new Date(r.firstSeen).toISOString(),
    lastSeen: new Date(r.lastSeen).toISOString(),
    deletedAt: r.deletedAt ? new Date(r.deletedAt).toISOString() : null,
    tickets: tickets.filter((t) => t.issueId === r.id).map(({ issueId: _i, ...t }) => t),
  }));
}
