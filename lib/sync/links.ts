import { sql } from "drizzle-orm";
import { db, type Executor, rows } from "@/db/client";
import { audit, type Actor } from "@/lib/audit/log";
import type { TicketProviderId } from "@/lib/integrations/registry";
import { ticketName } from "./config";

/** A ticket or item linked to an issue, as sync reads it. */
export type LinkedTicket = {
  issueId: string;
  provider: TicketProviderId;
  key: string;
  integrationId: string;
  container: string | null;
  status: string | null;
  statusCategory: string | null;
  resolvedIssue: boolean;
  restoreStatus: string | null;
};

const COLUMNS = sql`issue_id as "issueId", provider, key, integration_id as "integrationId", container, status,
  status_category as "statusCategory", resolved_issue as "resolvedIssue", restore_status as "restoreStatus"`;

/** Every ticket made through one integration, of issues that still exist. */
export async function linkedTickets(integrationId: string): Promise<LinkedTicket[]> {
  return rows<LinkedTicket>(
    db,
    sql`select ${COLUMNS} from issue_tickets t
        where integration_id = ${integrationId} and key <> ''
          and exists (select 1 from issues i where i.id = t.issue_id and i.deleted_at is null)
        order by key`,
  );
}

/** The tickets with this key among the given integrations (a Jira site can back several). */
export async function ticketsByKey(provider: string, key: string, integrationIds: string[]): Promise<LinkedTicket[]> {
  if (integrationIds.length === 0) return [];
  return rows<LinkedTicket>(
    db,
    sql`select ${COLUMNS} from issue_tickets
        where provider = ${provider} and key = ${key}
          and integration_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(integrationIds)}::jsonb))`,
  );
}

/** Which integration made a new ticket, where it lives, and its first status when known. */
export async function recordLink(
  issueId: string,
  provider: string,
  link: { integrationId: string; container: string; status?: string; statusCategory?: string },
): Promise<void> {
  await db.execute(
    sql`update issue_tickets set integration_id = ${link.integrationId}, container = ${link.container},
          status = coalesce(${link.status ?? null}, status), status_category = coalesce(${link.statusCategory ?? null}, status_category),
          synced_at = case when ${link.status ?? null}::text is null then synced_at else now() end
        where issue_id = ${issueId} and provider = ${provider} and key <> ''`,
  );
}

/** The ticket's status as just read from the tool. */
export async function recordStatus(
  tx: Executor,
  ticket: LinkedTicket,
  status: string,
  category: string,
): Promise<void> {
  await tx.execute(
    sql`update issue_tickets set status = ${status}, status_category = ${category}, synced_at = now()
        where issue_id = ${ticket.issueId} and provider = ${ticket.provider} and key = ${ticket.key}`,
  );
}

/** The tool, as the audit log names who acted for it. */
export function toolActor(ticket: Pick<LinkedTicket, "provider" | "key">): Actor {
  return { userId: null, email: `${ticketName(ticket.provider, ticket.key)} (ticket sync)` };
}

/**
 * A ticket deleted in the tool: the link goes (the issue may get a new ticket), sync deliveries
 * still queued for it are settled as failed with the reason, and the audit log says so.
 */
export async function unlinkTicket(
  ticket: Pick<LinkedTicket, "issueId" | "provider" | "key" | "integrationId">,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await rows<{ teamId: string | null }>(
      tx,
      sql`delete from issue_tickets t where issue_id = ${ticket.issueId} and provider = ${ticket.provider} and key = ${ticket.key}
          returning (select a.team_id from issues i join assets a on a.id = i.asset_id where i.id = t.issue_id)::text as "teamId"`,
    );
    if (removed.length === 0) return false;
    await tx.execute(
      sql`update deliveries set status = 'failed', last_error = 'Not sent: the ticket was deleted', claim_id = null, lease_until = null
          where status = 'pending' and integration_id = ${ticket.integrationId} and kind in ('ticket_resolved', 'ticket_reopened')
            and payload->>'ticketKey' = ${ticket.key}`,
    );
    await audit(tx, toolActor(ticket), {
      action: "ticket.unlinked",
      targetType: "issue",
      targetId: ticket.issueId,
      teamId: removed[0].teamId,
      details: { provider: ticket.provider, key: ticket.key, reason: "deleted in the tool" },
    });
    return true;
  });
}

/** Whether a sync delivery for this ticket is still on its way: its status is about to change. */
export async function syncPending(ticket: Pick<LinkedTicket, "integrationId" | "key">): Promise<boolean> {
  const found = await rows(
    db,
    sql`select 1 from deliveries where status = 'pending' and integration_id = ${ticket.integrationId}
          and kind in ('ticket_resolved', 'ticket_reopened') and payload->>'ticketKey' = ${ticket.key} limit 1`,
  );
  return found.length > 0;
}
