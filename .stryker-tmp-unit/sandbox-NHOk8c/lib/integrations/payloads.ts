// @ts-nocheck
import type { Severity } from "./types";

// What the delivery engine queues for the notifying providers (Slack, PagerDuty). Whoever
// enqueues a delivery builds one of these; the provider's buildRequest renders it for the vendor.

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

/** One Slack message per ingest that created issues at or above the integration's minSeverity. */
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

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function atOrAbove(severity: Severity, min: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[min];
}
