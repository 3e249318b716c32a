import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { loadIntegrations } from "@/lib/delivery/integration-configs";
import { NotFoundError, ValidationError, VendorError } from "@/lib/errors";
import { jiraCredentials } from "@/lib/integrations/jira/client";
import { jiraProjectStatuses, jiraTransitions } from "@/lib/integrations/jira/sync";
import { searchJiraProjects } from "@/lib/integrations/jira/tickets";
import { mondayToken } from "@/lib/integrations/monday/client";
import { mondayStatusColumn } from "@/lib/integrations/monday/sync";
import { syncsAt, type TicketProviderId } from "@/lib/integrations/registry";
import { authorizeProvider, findIntegration } from "@/lib/integrations/scope";
import { getIntegration, saveIntegration } from "@/lib/integrations/service";
import type { IntegrationConfig } from "@/lib/integrations/types";
import { lastReconciliation, type LastReconciliation } from "./runs";
import type { SyncSettings } from "./schema";
import { mondaySubscriptions } from "./subscriptions";

export type SyncOption = { value: string; label: string };
export type SyncPanelView = {
  integrationId: string;
  provider: TicketProviderId;
  settings: SyncSettings;
  hookUrl: string | null;
  linked: number;
  last: LastReconciliation | null;
  subscribedBoards: number;
};

async function syncIntegration(principal: Principal, provider: string, teamId: string | null) {
  const p = await authorizeProvider(principal, provider, teamId);
  if (!syncsAt(p, teamId !== null)) throw new NotFoundError(`Ticket sync for ${p.name} at this scope`);
  const row = await findIntegration(db, p.id, teamId);
  if (!row) throw new NotFoundError(`${p.name} integration`);
  return row;
}

/** The integration section's ticket sync: its settings, the receiver, and the last reconciliation. */
export async function syncPanel(principal: Principal, provider: string, teamId: string | null): Promise<SyncPanelView> {
  const row = await syncIntegration(principal, provider, teamId);
  const view = await getIntegration(principal, provider, teamId);
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from issue_tickets where integration_id = ${row.id} and key <> ''`,
  );
  return {
    integrationId: row.id,
    provider: row.provider as TicketProviderId,
    settings: view.settings.sync as SyncSettings,
    hookUrl: view.hookUrl ?? null,
    linked: count?.n ?? 0,
    last: await lastReconciliation(row.id),
    subscribedBoards: row.provider === "monday" ? (await mondaySubscriptions(row.id)).length : 0,
  };
}

/** Save only the sync settings; the connection (and its secrets) stays as stored. */
export async function saveSyncSettings(
  principal: Principal,
  provider: string,
  teamId: string | null,
  sync: SyncSettings,
): Promise<SyncPanelView> {
  const row = await syncIntegration(principal, provider, teamId);
  const { accountDomain: _learned, sync: _old, ...settings } = row.settings;
  await saveIntegration(principal, provider, teamId, { ...settings, sync });
  return syncPanel(principal, provider, teamId);
}

/**
 * Where a ticket can be moved, read live from the tool: Jira's transitions and statuses of the
 * projects that hold linked tickets (else the first projects the account sees); the labels of the
 * status column of monday's boards with linked items.
 */
export async function syncTargets(
  principal: Principal,
  provider: string,
  teamId: string | null,
): Promise<SyncOption[]> {
  const row = await syncIntegration(principal, provider, teamId);
  const config = (await loadIntegrations([row.id])).get(row.id) as IntegrationConfig | undefined;
  if (!config) throw new NotFoundError("Integration");
  const linked = await rows<{ container: string | null; key: string }>(
    db,
    sql`select distinct on (container) container, key from issue_tickets where integration_id = ${row.id} and key <> '' and container is not null order by container, created_at desc limit 10`,
  );
  const seen = new Map<string, SyncOption>();
  if (row.provider === "jira") {
    const creds = jiraCredentials(config);
    let projects = linked.map((l) => ({ project: l.container!, key: l.key as string | undefined }));
    if (projects.length === 0)
      projects = (await searchJiraProjects(creds)).slice(0, 3).map((p) => ({ project: p.key, key: undefined }));
    for (const { project, key } of projects) {
      if (key)
        for (const t of await jiraTransitions(creds, key).catch(() => []))
          seen.set(t.name.toLowerCase(), { value: t.name, label: `${t.name} (transition to ${t.to}, ${project})` });
      for (const s of await jiraProjectStatuses(creds, project))
        if (!seen.has(s.name.toLowerCase()))
          seen.set(s.name.toLowerCase(), { value: s.name, label: `${s.name} (status in ${project})` });
    }
    return [...seen.values()];
  }
  const token = mondayToken(config);
  if (!token) throw new ValidationError("monday.com has no API token", { apiToken: "Required" });
  for (const { container } of linked) {
    const column = await mondayStatusColumn(token, container!).catch((error: unknown) => {
      if (error instanceof VendorError) return undefined;
      throw error;
    });
    for (const l of column?.labels ?? [])
      if (!seen.has(l.label.toLowerCase()))
        seen.set(l.label.toLowerCase(), { value: l.label, label: `${l.label}${l.isDone ? " (done)" : ""}` });
  }
  return [...seen.values()];
}
