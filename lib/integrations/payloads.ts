import type { ChangeSet } from "@/lib/notifications/changes";
import { atLeast, bySeverity, type Severity } from "@/lib/severity";
import type { Outgoing } from "./types";

// What the delivery engine queues for the notifying providers. A provider's notify.select builds
// one of these; its buildRequest renders it for the vendor.

export type IssueSummary = {
  id: string;
  assetId: string;
  detectorId: string;
  detectorName: string;
  severity: Severity;
  path?: string | null;
  /** The issue in the source (a GitHub blob link, say). */
  uri?: string | null;
};

/** One chat message per ingest that created issues at or above the integration's minSeverity. */
export type IssuesCreatedPayload = {
  asset: { id: string; name: string; url?: string | null };
  /** Already filtered by minSeverity, most severe first; only the first 10 are listed. */
  issues: IssueSummary[];
};

/** PagerDuty: trigger for a new issue, resolve when it is resolved, ignored or deleted. */
export type IssueAlertPayload = { action: "trigger" | "resolve"; issue: IssueSummary };

/** Link to an issue in this app, for messages that leave it. */
export function issueLink(issueId: string): string {
  const base = (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
  return `${base}/code-security/issues?issue=${encodeURIComponent(issueId)}`;
}

/** The chat messages' trigger: one message per ingest that created issues at or above `min`, most severe first. */
export function newIssuesMessage(change: ChangeSet, min: Severity): Outgoing[] {
  const issues = atLeast(change.created, min).sort(bySeverity);
  if (issues.length === 0) return [];
  const payload: IssuesCreatedPayload = {
    asset: { id: change.asset.id, name: change.asset.name, url: change.asset.url },
    issues,
  };
  return [{ kind: "issues_created", payload }];
}
