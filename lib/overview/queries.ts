import { sql } from "drizzle-orm";
import { db, rows, type Executor } from "@/db/client";
import { integrations, teams } from "@/db/schema";
import { managedTeamIds, type Principal } from "@/lib/auth/principal";
import { getProvider } from "@/lib/integrations/registry";
import { isProviderId } from "@/lib/integrations/registry";
import { needsAttention, statusOf, type IntegrationStatus } from "@/lib/integrations/status";
import type { ProviderId } from "@/lib/integrations/types";
import { pausedBecause } from "@/lib/integrations/views";

export const SEVERITY_ORDER = ["error", "warning", "info"] as const;
export const KIND_ORDER = ["code", "log", "host", "productivity", "asset"] as const;
export type Severity = (typeof SEVERITY_ORDER)[number];
export type Kind = (typeof KIND_ORDER)[number];

export type DayCount = { day: string; opened: number; resolved: number };
export type AssetCount = { id: string; name: string; kind: Kind; open: number; errors: number };
export type AttentionItem = {
  provider: ProviderId;
  name: string;
  teamId: string | null;
  teamName: string | null;
  status: IntegrationStatus;
};

export type Overview = {
  open: number;
  bySeverity: Record<Severity, number>;
  byKind: Record<Kind, number>;
  /** The last 30 days (UTC), oldest first, every day present. */
  days: DayCount[];
  topAssets: AssetCount[];
  /** Integrations that need someone: failing, paused, or disabled by the delivery engine. Only those the viewer manages. */
  attention: AttentionItem[];
};

const DAYS = 30;

/**
 * The Code Security overview, aggregated in the database: counts, not issue rows. Everyone signed
 * in sees the issue figures (as they see the issues); integrations only for those who manage them.
 */
export async function loadOverview(principal: Principal, executor: Executor = db): Promise<Overview> {
  const [severityRows, kindRows, dayRows, assetRows, attention] = await Promise.all([
    rows<{ severity: Severity; n: number }>(
      executor,
      sql`select severity, count(*)::int as n from issues where status = 'open' and deleted_at is null group by 1`,
    ),
    rows<{ kind: Kind; n: number }>(
      executor,
      sql`select kind, count(*)::int as n from issues where status = 'open' and deleted_at is null group by 1`,
    ),
    rows<{ day: string; opened: number; resolved: number }>(
      executor,
      sql`with days as (
            select generate_series((now() at time zone 'utc')::date - ${DAYS - 1}::int, (now() at time zone 'utc')::date, interval '1 day')::date as day
          ),
          opened as (
            select (first_seen at time zone 'utc')::date as day, count(*)::int as n from issues
            where first_seen >= (now() at time zone 'utc')::date - ${DAYS - 1}::int group by 1
          ),
          resolved as (
            select (updated_at at time zone 'utc')::date as day, count(*)::int as n from issues
            where status = 'resolved' and updated_at >= (now() at time zone 'utc')::date - ${DAYS - 1}::int group by 1
          )
          select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(opened.n, 0) as opened, coalesce(resolved.n, 0) as resolved
          from days left join opened using (day) left join resolved using (day)
          order by days.day`,
    ),
    rows<AssetCount>(
      executor,
      sql`select a.id, a.name, a.kind, count(*)::int as open, (count(*) filter (where i.severity = 'error'))::int as errors
          from issues i join assets a on a.id = i.asset_id
          where i.status = 'open' and i.deleted_at is null and a.deleted_at is null
          group by a.id, a.name, a.kind
          order by open desc, errors desc, a.name
          limit 5`,
    ),
    attentionFor(principal, executor),
  ]);
  const bySeverity = Object.fromEntries(
    SEVERITY_ORDER.map((s) => [s, severityRows.find((r) => r.severity === s)?.n ?? 0]),
  ) as Record<Severity, number>;
  const byKind = Object.fromEntries(KIND_ORDER.map((k) => [k, kindRows.find((r) => r.kind === k)?.n ?? 0])) as Record<
    Kind,
    number
  >;
  return {
    open: SEVERITY_ORDER.reduce((n, s) => n + bySeverity[s], 0),
    bySeverity,
    byKind,
    days: dayRows.map((r) => ({ day: r.day, opened: Number(r.opened), resolved: Number(r.resolved) })),
    topAssets: assetRows.map((r) => ({ ...r, open: Number(r.open), errors: Number(r.errors) })),
    attention,
  };
}

async function attentionFor(principal: Principal, executor: Executor): Promise<AttentionItem[]> {
  const [all, teamRows] = await Promise.all([
    executor.select().from(integrations),
    executor.select({ id: teams.id, name: teams.name }).from(teams),
  ]);
  const managed = new Set(
    managedTeamIds(
      principal,
      teamRows.map((t) => t.id),
    ),
  );
  const items: AttentionItem[] = [];
  for (const row of all) {
    const mine = row.teamId === null ? principal.isAdmin : managed.has(row.teamId);
    if (!mine || !isProviderId(row.provider)) continue;
    const provider = getProvider(row.provider);
    if (!provider) continue;
    const global = all.find((r) => r.provider === row.provider && r.teamId === null) ?? null;
    const status = statusOf(row, pausedBecause(provider, row, { global }));
    if (!needsAttention(status)) continue;
    items.push({
      provider: row.provider,
      name: provider.name,
      teamId: row.teamId,
      teamName: teamRows.find((t) => t.id === row.teamId)?.name ?? null,
      status,
    });
  }
  return items.sort((a, b) => (a.status.since ?? "").localeCompare(b.status.since ?? ""));
}
