import { issueLink, type IssueAlertPayload, type IssueSummary } from "../payloads";

// Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/):
// summary ≤ 1024 chars, dedup_key ≤ 255. The issue id is the dedup key, so the resolve for an
// issue closes exactly the alert its trigger opened.
const SUMMARY_MAX = 1024;

export type PagerDutyEvent = {
  routing_key: string;
  event_action: "trigger" | "resolve";
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: "critical" | "error" | "warning" | "info";
    component?: string;
    class?: string;
    custom_details?: Record<string, string>;
  };
  links?: { href: string; text: string }[];
  client?: string;
  client_url?: string;
};

function summaryOf(issue: IssueSummary): string {
  const text = `${issue.detectorName} (${issue.detectorId}) in ${issue.assetId}${issue.path ? `: ${issue.path}` : ""}`;
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text;
}

export function triggerEvent(routingKey: string, issue: IssueSummary): PagerDutyEvent {
  const links = [{ href: issueLink(issue.id), text: "View in Code Security" }];
  if (issue.uri && /^https?:\/\//.test(issue.uri)) links.push({ href: issue.uri, text: "View the source" });
  return {
    routing_key: routingKey,
    event_action: "trigger",
    dedup_key: issue.id,
    payload: {
      summary: summaryOf(issue),
      source: issue.assetId,
      severity: issue.severity,
      component: issue.path ?? undefined,
      class: issue.detectorId,
      custom_details: {
        detector: issue.detectorName,
        severity: issue.severity,
        asset: issue.assetId,
        ...(issue.path ? { path: issue.path } : {}),
      },
    },
    links,
    client: "Code Security",
    client_url: links[0].href,
  };
}

export function resolveEvent(routingKey: string, dedupKey: string): PagerDutyEvent {
  return { routing_key: routingKey, event_action: "resolve", dedup_key: dedupKey };
}

export function eventFor(routingKey: string, payload: IssueAlertPayload): PagerDutyEvent {
  return payload.action === "trigger"
    ? triggerEvent(routingKey, payload.issue)
    : resolveEvent(routingKey, payload.issue.id);
}

export function testTrigger(routingKey: string, dedupKey: string): PagerDutyEvent {
  return {
    routing_key: routingKey,
    event_action: "trigger",
    dedup_key: dedupKey,
    payload: {
      summary: "Code Security test event: this alert resolves itself at once",
      source: "code-security",
      severity: "info",
    },
    client: "Code Security",
  };
}
