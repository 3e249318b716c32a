import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { audit } from "@/lib/audit/log";
import { wakeWorker } from "@/lib/delivery/wake";
import { NotFoundError } from "@/lib/errors";
import type { ChangeSet, IssueSummary } from "@/lib/notifications/changes";
import { notifyChanges } from "@/lib/notifications/fan-out";
import { getIssue, type IssueView } from "./queries";
import type { IssueStatus } from "./schemas";

type Locked = IssueSummary & {
  status: IssueStatus;
  assetName: string | null;
  assetUrl: string | null;
  teamId: string | null;
};

/**
 * Set an issue's status (any signed-in person may, contract §2). Resolving and ignoring send
 * `issue_resolved` / `issue_ignored` and close its PagerDuty alert; reopening sends `issue_updated`
 * and triggers its PagerDuty alert again.
 * Setting the status it already has changes nothing and sends nothing.
 */
export async function setIssueStatus(actor: Principal, id: string, status: IssueStatus): Promise<IssueView> {
  const changed = await db.transaction(async (tx) => {
    const [issue] = await rows<Locked>(
      tx,
      sql`select i.id, i.asset_id as "assetId", i.detector_id as "detectorId", i.detector_name as "detectorName", i.severity,
                 i.path, i.uri, i.status, a.name as "assetName", a.url as "assetUrl", a.team_id as "teamId"
          from issues i left join assets a on a.id = i.asset_id
          where i.id = ${id} and i.deleted_at is null
          for update of i`,
    );
    if (!issue) throw new NotFoundError("Issue");
    if (issue.status === status) return false;
    await tx.execute(sql`update issues set status = ${status}, updated_at = now() where id = ${id}`);
    const { status: from, assetName, assetUrl, teamId, ...rest } = issue;
    const summary = { ...rest, wasOpen: from === "open" };
    const change: ChangeSet = { asset: { id: issue.assetId, name: assetName ?? issue.assetId, url: assetUrl, teamId } };
    if (status === "resolved") change.resolved = [summary];
    else if (status === "ignored") change.ignored = [summary];
    else change.updated = [{ ...summary, reopened: true }];
    await notifyChanges(tx, change);
    await audit(tx, actor, {
      action: "issue.status_changed",
      targetType: "issue",
      targetId: id,
      teamId,
      details: { from, to: status },
    });
    return true;
  });
  if (changed) wakeWorker();
  const view = await getIssue(id);
  if (!view) throw new NotFoundError("Issue");
  return view;
}
