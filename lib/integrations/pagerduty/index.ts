import type { ChangedIssue, ChangeSet, IssueSummary } from "@/lib/notifications/changes";
import { atLeast, type Severity } from "@/lib/severity";
import type { IssueAlertPayload } from "../payloads";
import { defineProvider, type IntegrationConfig, type Outgoing } from "../types";
import { judgePagerDutyResponse, pagerdutyEventsUrl, testPagerDuty } from "./client";
import { eventFor } from "./notify";
import { pagerdutyForm } from "./schema";

const routingKey = (config: IntegrationConfig) => config.secrets.routingKey ?? "";

const alert = (action: IssueAlertPayload["action"], { wasOpen: _w, reopened: _r, ...issue }: ChangedIssue) => ({
  kind: `pagerduty_${action}`,
  payload: { action, issue: issue satisfies IssueSummary } satisfies IssueAlertPayload,
});

/**
 * A trigger per new or reopened issue at or above the minimum severity. The resolve, when the issue
 * is resolved, ignored or deleted, goes to the integrations holding its open alert (openAlerts).
 */
function triggers(change: ChangeSet, min: Severity): Outgoing[] {
  const opened = [...(change.created ?? []), ...(change.updated ?? []).filter((i) => i.reopened)];
  return atLeast(opened, min).map((issue) => alert("trigger", issue));
}

export const pagerduty = defineProvider({
  id: "pagerduty",
  name: "PagerDuty",
  scopes: ["global", "team"],
  form: pagerdutyForm,
  secretFields: ["routingKey"],
  // The Events API's address is the product's (PAGERDUTY_EVENTS_URL), not a setting.
  destinationFields: [],
  destination: () => pagerdutyEventsUrl(),
  test: (config, runtime) => testPagerDuty(runtime, routingKey(config)),
  notify: triggers,
  openAlerts: {
    opens: (out) =>
      "kind" in out && out.kind === "pagerduty_trigger" ? (out.payload as IssueAlertPayload).issue.id : undefined,
    resolve: (issue) => alert("resolve", issue),
  },
  buildRequest: (config, payload) => ({
    url: pagerdutyEventsUrl(),
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(eventFor(routingKey(config), payload as IssueAlertPayload)),
  }),
  judgeResponse: judgePagerDutyResponse,
  // Events API v2 accepts about 120 events a minute per routing key before answering 429.
  rateLimit: (config) => ({ key: `pagerduty:${config.id}`, ratePerSecond: 2, burst: 10 }),
  category: "alerting",
});
