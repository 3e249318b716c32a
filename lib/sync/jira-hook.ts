import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { loadIntegrations } from "@/lib/delivery/integration-configs";
import { jiraCredentials } from "@/lib/integrations/jira/client";
import { jiraAccountId } from "@/lib/integrations/jira/sync";
import { errorFacts, logger } from "@/lib/log";
import { applyTicketStatus } from "./apply";
import { JIRA_KEY } from "./config";
import { ticketsByKey, unlinkTicket } from "./links";
import { accountIdOf, saveAccountId } from "./runs";

type JiraEvent = {
  webhookEvent?: unknown;
  user?: { accountId?: unknown };
  issue?: { key?: unknown; fields?: { status?: { name?: unknown; statusCategory?: { key?: unknown } } } };
};

/** Jira integrations on the same site as the hook's: a ticket made by a team's Jira is still news to the global hook. */
async function sameSite(integrationId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`select o.id from integrations h join integrations o on o.provider = 'jira'
          and rtrim(o.settings->>'domainUrl', '/') = rtrim(h.settings->>'domainUrl', '/')
        where h.id = ${integrationId} and o.enabled`,
  );
  return found.map((r) => r.id);
}

/** The product's own Jira account for an integration, learned once (GET /myself). */
async function ownAccount(integrationId: string): Promise<string | null> {
  const known = await accountIdOf(integrationId);
  if (known) return known;
  const config = (await loadIntegrations([integrationId])).get(integrationId);
  if (!config) return null;
  const accountId = await jiraAccountId(jiraCredentials(config)).catch((error) => {
    logger().warn({ err: errorFacts(error) }, "sync: could not learn the Jira account");
    return null;
  });
  await saveAccountId(integrationId, accountId);
  return accountId;
}

/**
 * `jira:issue_updated` and `jira:issue_deleted` for a linked ticket (the webhook's `issue` is the
 * issue as GET issue returns it, with its current `fields.status`). A change made by the product's
 * own account is recorded and never acted on: it is our comment or transition coming back.
 * True when the event changed a linked issue.
 */
export async function syncFromJiraEvent(integrationId: string, raw: unknown): Promise<boolean> {
  const event = (raw && typeof raw === "object" ? raw : {}) as JiraEvent;
  const key = typeof event.issue?.key === "string" ? event.issue.key.toUpperCase() : "";
  if (
    !JIRA_KEY.test(key) ||
    (event.webhookEvent !== "jira:issue_updated" && event.webhookEvent !== "jira:issue_deleted")
  )
    return false;
  const tickets = await ticketsByKey("jira", key, await sameSite(integrationId));
  if (tickets.length === 0) return false;
  let changed = false;
  for (const ticket of tickets) {
    if (event.webhookEvent === "jira:issue_deleted") {
      changed = (await unlinkTicket(ticket)) || changed;
      continue;
    }
    const status = event.issue?.fields?.status;
    if (typeof status?.name !== "string" || typeof status.statusCategory?.key !== "string") continue;
    const actor = typeof event.user?.accountId === "string" ? event.user.accountId : null;
    const echo = actor !== null && actor === (await ownAccount(ticket.integrationId));
    const applied = await applyTicketStatus(
      ticket,
      { status: status.name, category: status.statusCategory.key },
      { echo },
    );
    changed = applied === "resolved" || applied === "reopened" || changed;
  }
  return changed;
}
