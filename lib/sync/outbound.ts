import { sql } from "drizzle-orm";
import { type Executor, rows } from "@/db/client";
import { isUuid } from "@/lib/ids";
import { enqueueDeliveries, type NewDelivery } from "@/lib/delivery/outbox";
import type { JiraSyncPayload } from "@/lib/integrations/jira/sync-request";
import type { MondaySyncPayload } from "@/lib/integrations/monday/sync-request";
import { issueLink } from "@/lib/integrations/payloads";
import type { TicketProviderId } from "@/lib/integrations/registry";
import type { ChangeSet } from "@/lib/notifications/changes";
import { ticketName } from "./config";
import { syncSettingsOf } from "./schema";

type Row = {
  issueId: string;
  provider: TicketProviderId;
  key: string;
  integrationId: string;
  teamId: string | null;
  container: string | null;
  status: string | null;
  restoreStatus: string | null;
  settings: Record<string, unknown>;
};

/** Why the issue resolved, in the words the ticket's comment uses. */
function resolvedBecause(change: ChangeSet, ignored: boolean): string {
  if (change.syncCause)
    return `${ticketName(change.syncCause.provider, change.syncCause.key)} is ${change.syncCause.status}`;
  if (ignored) return "someone marked it as ignored";
  if (change.ingest) return `the scanner no longer finds it in ${change.asset.name}`;
  return "someone resolved it";
}

/**
 * Ticket sync, outgoing: inside the transaction that resolves or reopens issues, queue a
 * comment (monday: an update) on each linked ticket, and the configured move, through the delivery
 * engine. The ticket whose own status caused the change is not told: that would echo.
 */
export async function enqueueTicketSync(tx: Executor, change: ChangeSet): Promise<void> {
  const closing = [
    ...(change.resolved ?? []).map((i) => ({ i, ignored: false })),
    ...(change.ignored ?? []).map((i) => ({ i, ignored: true })),
  ].filter(({ i }) => i.wasOpen !== false);
  const reopened = (change.updated ?? []).filter((i) => i.reopened);
  if (closing.length === 0 && reopened.length === 0) return;
  // Only a stored issue (a uuid) can have a ticket; any other id cannot be cast in the query.
  const ids = [...closing.map(({ i }) => i.id), ...reopened.map((i) => i.id)].filter(isUuid);
  if (ids.length === 0) return;
  const tickets = await rows<Row>(
    tx,
    sql`select t.issue_id as "issueId", t.provider, t.key, t.integration_id as "integrationId", i.team_id as "teamId", t.container,
               t.status, t.restore_status as "restoreStatus", i.settings
        from issue_tickets t join integrations i on i.id = t.integration_id
        where t.key <> '' and i.enabled and i.provider = t.provider
          and t.issue_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
  const cause = change.syncCause;
  const items: NewDelivery[] = [];
  for (const ticket of tickets) {
    if (cause && cause.provider === ticket.provider && cause.key === ticket.key) continue;
    const sync = syncSettingsOf(ticket.settings);
    const target = { id: ticket.integrationId, provider: ticket.provider, teamId: ticket.teamId };
    const link = issueLink(ticket.issueId);
    const closed = closing.find(({ i }) => i.id === ticket.issueId);
    if (closed) {
      const text = `Code Security: this issue was ${closed.ignored ? "ignored" : "resolved"} because ${resolvedBecause(change, closed.ignored)}.`;
      // Remember where the ticket was, to move it back if the issue reopens.
      if (sync.onResolve) {
        await tx.execute(
          sql`update issue_tickets set restore_status = ${ticket.status}, resolved_issue = false where issue_id = ${ticket.issueId} and provider = ${ticket.provider}`,
        );
      }
      items.push({
        target,
        kind: "ticket_resolved",
        payload: payloadFor(ticket, { action: "resolved", text, link, moveTo: sync.onResolve }),
      });
    } else {
      const text = `Code Security: this issue is open again${change.ingest ? ` — the scanner finds it again in ${change.asset.name}` : cause ? ` because ${ticketName(cause.provider, cause.key)} is ${cause.status}` : ""}.`;
      // Moved back only when the product moved it: to where it was, else to a not-done status.
      const back = sync.onResolve ? { moveTo: ticket.restoreStatus, back: true } : { moveTo: null, back: false };
      items.push({
        target,
        kind: "ticket_reopened",
        payload: payloadFor(ticket, { action: "reopened", text, link, moveTo: back.moveTo, back: back.back }),
      });
    }
  }
  await enqueueDeliveries(tx, items);
}

type What = { action: "resolved" | "reopened"; text: string; link: string; moveTo: string | null; back?: boolean };

function payloadFor(ticket: Row, what: What): JiraSyncPayload | MondaySyncPayload {
  const common = {
    ticketKey: ticket.key,
    issueId: ticket.issueId,
    action: what.action,
    text: what.text,
    link: what.link,
    moveTo: what.moveTo,
  };
  if (ticket.provider === "jira")
    return { ...common, moveToCategory: what.back ? "new" : null } satisfies JiraSyncPayload;
  return { ...common, boardId: ticket.container ?? "", moveToNotDone: !!what.back } satisfies MondaySyncPayload;
}
