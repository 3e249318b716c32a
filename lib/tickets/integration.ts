import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { decryptSecrets } from "@/lib/crypto/secrets";
import { AppError, NotFoundError } from "@/lib/errors";
import { getIssue, type IssueView } from "@/lib/issues/queries";
import { jiraCredentials } from "@/lib/integrations/jira/client";
import type { AtlassianCredentials } from "@/lib/integrations/atlassian";
import { findIntegration } from "@/lib/integrations/scope";
import type { IntegrationConfig, ProviderId, Severity } from "@/lib/integrations/types";

/** An issue that still exists (not deleted by a scan), or 404. */
export async function liveIssue(issueId: string): Promise<IssueView> {
  const issue = await getIssue(issueId);
  if (!issue || issue.deletedAt) throw new NotFoundError("Issue");
  return issue;
}

function notConfigured(name: string): AppError {
  return new AppError(
    409,
    "integration_not_configured",
    `${name} is not configured for this issue's team or globally. An administrator (or the team's lead) can connect it in Settings → Integrations.`,
  );
}

async function enabledConfig(provider: ProviderId, teamId: string | null): Promise<IntegrationConfig | undefined> {
  const row = await findIntegration(db, provider, teamId);
  if (!row || !row.enabled) return undefined;
  return {
    id: row.id,
    provider,
    teamId: row.teamId,
    enabled: row.enabled,
    minSeverity: row.minSeverity as Severity,
    settings: row.settings,
    secrets: decryptSecrets(row.secrets),
  };
}

/** The Jira integration in force for an issue: its asset's team's, else the global one. */
export async function jiraFor(
  issue: Pick<IssueView, "teamId">,
): Promise<{ config: IntegrationConfig; creds: AtlassianCredentials }> {
  const config =
    (issue.teamId ? await enabledConfig("jira", issue.teamId) : undefined) ?? (await enabledConfig("jira", null));
  if (!config) throw notConfigured("Jira");
  return { config, creds: jiraCredentials(config) };
}

/**
 * monday's API token lives only on the global integration; a team's monday settings hold just
 * its default workspace (contract §3), so every item is made with the global token.
 */
export async function mondayAccount(): Promise<{ token: string; accountDomain?: string; config: IntegrationConfig }> {
  const config = await enabledConfig("monday", null);
  const token = config?.secrets.apiToken;
  if (!config || !token) throw notConfigured("Monday");
  const domain = config.settings.accountDomain;
  return { token, accountDomain: typeof domain === "string" && domain ? domain : undefined, config };
}

/** Every team's configured default workspace, with the team's name for the list's badges. */
export async function mondayTeamDefaults(): Promise<{ teamId: string; teamName: string; workspaceId: string }[]> {
  const found = await rows<{ teamId: string; teamName: string; workspaceId: string | null }>(
    db,
    sql`select i.team_id::text as "teamId", t.name as "teamName", i.settings->>'defaultWorkspaceId' as "workspaceId"
        from integrations i join teams t on t.id = i.team_id
        where i.provider = 'monday' and i.team_id is not null and i.enabled`,
  );
  return found.filter((d): d is typeof d & { workspaceId: string } => !!d.workspaceId);
}
