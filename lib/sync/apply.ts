import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { audit } from "@/lib/audit/log";
import { wakeWorker } from "@/lib/delivery/wake";
import type { ChangeSet, ChangedIssue } from "@/lib/notifications/changes";
import { notifyChanges } from "@/lib/notifications/fan-out";
import { syncSettingsOf } from "./schema";
import { recordStatus, toolActor, type LinkedTicket } from "./links";

export type RemoteStatus = { status: string; category: string };
/** `echo`: the product itself made this change in the tool; it is recorded, never acted on. */
export type ApplyOptions = { echo?: boolean };
export type Applied = "resolved" | "reopened" | "recorded" | "gone";

type LockedIssue = ChangedIssue & {
  status: string;
  assetName: string | null;
  assetUrl: string | null;
  teamId: string | null;
};

/**
 * A linked ticket's status as the tool now reports it. Reaching done (Jira's status category
 * Done, the board's done label on monday) resolves an open issue, when the integration says so,
 * with the ticket as the reason; leaving done reopens an issue that is resolved. Only a change of
 * category counts, so repeating an event, or reading a status already recorded, changes nothing.
 * One transaction: the status, the issue, its notifications and the audit record.
 */
export async function applyTicketStatus(
  ticket: LinkedTicket,
  remote: RemoteStatus,
  options: ApplyOptions = {},
): Promise<Applied> {
  const outcome = await db.transaction(async (tx): Promise<Applied> => {
    const [current] = await rows<{ statusCategory: string | null; settings: Record<string, unknown> | null }>(
      tx,
      sql`select t.status_category as "statusCategory", i.settings from issue_tickets t left join integrations i on i.id = t.integration_id
          where t.issue_id = ${ticket.issueId} and t.provider = ${ticket.provider} and t.key = ${ticket.key} for update of t`,
    );
    if (!current) return "gone";
    await recordStatus(tx, ticket, remote.status, remote.category);
    const before = current.statusCategory;
    const becameDone = remote.category === "done" && before !== "done";
    const leftDone = remote.category !== "done" && before === "done";
    if (options.echo || (!becameDone && !leftDone)) return "recorded";

    const [issue] = await rows<LockedIssue>(
      tx,
      sql`select i.id, i.asset_id as "assetId", i.detector_id as "detectorId", i.detector_name as "detectorName", i.severity,
                 i.path, i.uri, i.status, a.name as "assetName", a.url as "assetUrl", a.team_id as "teamId"
          from issues i left join assets a on a.id = i.asset_id
          where i.id = ${ticket.issueId} and i.deleted_at is null for update of i`,
    );
    if (!issue) return "recorded";
    const { status, assetName, assetUrl, teamId, ...summary } = issue;
    const base: Omit<ChangeSet, "resolved" | "updated"> = {
      asset: { id: issue.assetId, name: assetName ?? issue.assetId, url: assetUrl, teamId },
      syncCause: { provider: ticket.provider, key: ticket.key, status: remote.status },
    };
    let next: "resolved" | "open";
    if (becameDone && status === "open" && syncSettingsOf(current.settings ?? {}).resolveOnDone) {
      next = "resolved";
      await notifyChanges(tx, { ...base, resolved: [{ ...summary, wasOpen: true }] });
    } else if (leftDone && status === "resolved") {
      next = "open";
      await notifyChanges(tx, { ...base, updated: [{ ...summary, reopened: true }] });
    } else {
      return "recorded";
    }
    await tx.execute(sql`update issues set status = ${next}, updated_at = now() where id = ${issue.id}`);
    await tx.execute(
      sql`update issue_tickets set resolved_issue = ${next === "resolved"}
          where issue_id = ${ticket.issueId} and provider = ${ticket.provider} and key = ${ticket.key}`,
    );
    await audit(tx, toolActor(ticket), {
      action: "issue.status_changed",
      targetType: "issue",
      targetId: issue.id,
      teamId,
      details: {
        from: status,
        to: next,
        reason: { provider: ticket.provider, key: ticket.key, status: remote.status },
      },
    });
    return next === "resolved" ? "resolved" : "reopened";
  });
  if (outcome === "resolved" || outcome === "reopened") wakeWorker();
  return outcome;
}
