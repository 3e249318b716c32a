import { sql } from "drizzle-orm";
import { db, type Executor, rows } from "@/db/client";

export type AssetView = {
  id: string;
  name: string;
  kind: "code" | "log" | "host" | "productivity" | "asset";
  url: string | null;
  teamId: string | null;
  teamName: string | null;
  lastIngestAt: string | null;
  createdAt: string;
  openIssues: number;
  /** Open issues by severity, for the assets table. */
  openBySeverity: { error: number; warning: number; info: number };
};

type Row = Omit<AssetView, "lastIngestAt" | "createdAt" | "openIssues" | "openBySeverity"> & {
  lastIngestAt: Date | string | null;
  createdAt: Date | string;
  error: number | string;
  warning: number | string;
  info: number | string;
};

function query(where: ReturnType<typeof sql>) {
  return sql`select a.id, a.name, a.kind, a.url, a.team_id as "teamId", t.name as "teamName",
      a.last_ingest_at as "lastIngestAt", a.created_at as "createdAt",
      coalesce(c.error, 0) as error, coalesce(c.warning, 0) as warning, coalesce(c.info, 0) as info
    from assets a
    left join teams t on t.id = a.team_id
    left join lateral (
      select count(*) filter (where severity = 'error') as error, count(*) filter (where severity = 'warning') as warning,
             count(*) filter (where severity = 'info') as info
      from issues i where i.asset_id = a.id and i.status = 'open' and i.deleted_at is null
    ) c on true
    where a.deleted_at is null and ${where}
    order by lower(a.name), a.id`;
}

function toView(r: Row): AssetView {
  const openBySeverity = { error: Number(r.error), warning: Number(r.warning), info: Number(r.info) };
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    url: r.url,
    teamId: r.teamId,
    teamName: r.teamName,
    lastIngestAt: r.lastIngestAt ? new Date(r.lastIngestAt).toISOString() : null,
    createdAt: new Date(r.createdAt).toISOString(),
    openIssues: openBySeverity.error + openBySeverity.warning + openBySeverity.info,
    openBySeverity,
  };
}

export async function listAssets(
  filters: { teamId?: string; kind?: AssetView["kind"] } = {},
  executor: Executor = db,
): Promise<AssetView[]> {
  const where = sql.join(
    [
      sql`true`,
      ...(filters.teamId ? [sql`a.team_id = ${filters.teamId}`] : []),
      ...(filters.kind ? [sql`a.kind = ${filters.kind}`] : []),
    ],
    sql` and `,
  );
  return (await rows<Row>(executor, query(where))).map(toView);
}

export async function getAsset(id: string, executor: Executor = db): Promise<AssetView | null> {
  const [row] = await rows<Row>(executor, query(sql`a.id = ${id}`));
  return row ? toView(row) : null;
}

/** Assets for filter menus: id and name only. */
export async function assetOptions(executor: Executor = db): Promise<{ id: string; name: string }[]> {
  return rows(executor, sql`select id, name from assets where deleted_at is null order by name, id`);
}
