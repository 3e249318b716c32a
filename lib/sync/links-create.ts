import { errorFacts, logger } from "@/lib/log";
import { jiraCredentials } from "@/lib/integrations/jira/client";
import { jiraTicketStatus } from "@/lib/integrations/jira/sync";
import { mondayToken } from "@/lib/integrations/monday/client";
import { mondayItemStatuses, mondayStatusColumn } from "@/lib/integrations/monday/sync";
import type { TicketProviderId } from "@/lib/integrations/registry";
import type { IntegrationConfig } from "@/lib/integrations/types";
import { recordLink } from "./links";
import { syncSoon } from "./runs";
import { subscribeMondayBoards } from "./subscriptions";

/**
 * A ticket was just made from an issue: remember which integration made it and where, read its
 * first status so the table shows it at once, and (monday) subscribe to its board's status
 * changes. The ticket exists whatever happens here; a failure only waits for reconciliation.
 */
export async function linkNewTicket(
  issueId: string,
  provider: TicketProviderId,
  config: IntegrationConfig,
  key: string,
  container: string,
): Promise<void> {
  try {
    await recordLink(issueId, provider, { integrationId: config.id, container });
    await syncSoon(config.id);
    if (provider === "jira") {
      const status = await jiraTicketStatus(jiraCredentials(config), key);
      if (status)
        await recordLink(issueId, provider, {
          integrationId: config.id,
          container,
          status: status.status,
          statusCategory: status.category,
        });
    } else {
      const token = mondayToken(config);
      const column = await mondayStatusColumn(token, container);
      const { found } = await mondayItemStatuses(token, [key], async () => column?.id);
      if (found[0]?.status)
        await recordLink(issueId, provider, {
          integrationId: config.id,
          container,
          status: found[0].status,
          statusCategory: found[0].isDone ? "done" : "new",
        });
      await subscribeMondayBoards(config, [container]);
    }
  } catch (error) {
    logger().warn({ provider, err: errorFacts(error) }, "sync: could not read a new ticket's status");
  }
}
