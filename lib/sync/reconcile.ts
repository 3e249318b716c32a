import { loadIntegrations } from "@/lib/delivery/integration-configs";
import { VendorError } from "@/lib/errors";
import { jiraCredentials } from "@/lib/integrations/jira/client";
import { jiraAccountId, searchJiraStatuses } from "@/lib/integrations/jira/sync";
import { mondayToken } from "@/lib/integrations/monday/client";
import { mondayItemStatuses, mondayStatusColumn, mondayUserId } from "@/lib/integrations/monday/sync";
import type { IntegrationConfig } from "@/lib/integrations/types";
import { applyTicketStatus } from "./apply";
import { JIRA_KEY } from "./config";
import { linkedTickets, syncPending, unlinkTicket, type LinkedTicket } from "./links";
import { saveAccountId, type RunResult, type SyncRun } from "./runs";

/**
 * One reconciliation of one integration: read the status of every linked ticket (Jira: one JQL
 * search by key, paginated; monday: the linked items), and apply what changed. A ticket with a
 * sync delivery still on its way is left for the next run: its status is about to change by us.
 */
export async function reconcile(run: SyncRun, config: IntegrationConfig): Promise<RunResult> {
  const tickets = await linkedTickets(config.id);
  const result: RunResult = { checked: 0, changed: 0, unlinked: 0 };
  if (tickets.length === 0) return result;
  if (run.provider === "jira") await reconcileJira(run, config, tickets, result);
  else if (run.provider === "monday") await reconcileMonday(run, config, tickets, result);
  return result;
}

async function settle(ticket: LinkedTicket, status: string, category: string, result: RunResult): Promise<void> {
  result.checked++;
  if (await syncPending(ticket)) return;
  const applied = await applyTicketStatus(ticket, { status, category });
  if (applied === "resolved" || applied === "reopened") result.changed++;
}

async function reconcileJira(
  run: SyncRun,
  config: IntegrationConfig,
  tickets: LinkedTicket[],
  result: RunResult,
): Promise<void> {
  const creds = jiraCredentials(config);
  if (!run.accountId) await saveAccountId(config.id, await jiraAccountId(creds));
  const byKey = new Map(tickets.filter((t) => JIRA_KEY.test(t.key)).map((t) => [t.key, t]));
  const { found, gone } = await searchJiraStatuses(creds, [...byKey.keys()]);
  for (const remote of found) {
    const ticket = byKey.get(remote.key);
    if (ticket && remote.status) await settle(ticket, remote.status, remote.category, result);
  }
  for (const key of gone) if (await unlinkTicket(byKey.get(key)!)) result.unlinked++;
}

async function reconcileMonday(
  run: SyncRun,
  config: IntegrationConfig,
  tickets: LinkedTicket[],
  result: RunResult,
): Promise<void> {
  const token = mondayToken(config);
  if (!token) throw new VendorError(null, "The monday.com integration has no API token");
  if (!run.accountId) await saveAccountId(config.id, await mondayUserId(token));
  const columns = new Map<string, Promise<string | undefined>>();
  const columnIdOf = (boardId: string) => {
    if (!columns.has(boardId))
      columns.set(
        boardId,
        mondayStatusColumn(token, boardId).then((c) => c?.id),
      );
    return columns.get(boardId)!;
  };
  const byId = new Map(tickets.filter((t) => /^\d+$/.test(t.key)).map((t) => [t.key, t]));
  const { found, gone } = await mondayItemStatuses(token, [...byId.keys()], columnIdOf);
  for (const item of found) {
    const ticket = byId.get(item.id)!;
    if (item.deleted) {
      if (await unlinkTicket(ticket)) result.unlinked++;
    } else if (item.status) {
      await settle(ticket, item.status, item.isDone ? "done" : "new", result);
    }
  }
  for (const id of gone) if (await unlinkTicket(byId.get(id)!)) result.unlinked++;
}

/** The integration a run is for, with its secrets; undefined when it is gone or off. */
export async function runConfig(run: SyncRun): Promise<IntegrationConfig | undefined> {
  const config = (await loadIntegrations([run.integrationId])).get(run.integrationId);
  return config?.enabled ? config : undefined;
}
