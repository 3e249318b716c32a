import type { ChangedIssue, ChangeSet, IssueSummary } from "@/lib/notifications/changes";
import { atLeast, type Severity } from "@/lib/severity";
import type { IssueAlertPayload } from "../payloads";
import { defineProvider, type IntegrationConfig, type Outgoing } from "../types";
import { judgePagerDutyResponse, pagerdutyEventsUrl, testPagerDuty } from "./client";
import { eventFor } from "./notify";
import { pagerdutyForm } from "./schema";

const routingKey = (config: IntegrationConfig) => config.secrets.routingKey ?? "";

/** A trigger per new or reopened issue; a resolve with the same dedup key when it is resolved, ignored or deleted. */
function alerts(change: ChangeSet, min: Severity): Outgoing[] {
  const alert =
    (action: IssueAlertPayload["action"]) =>
    ({ wasOpen: _w, reopened: _r, ...issue }: ChangedIssue): Outgoing => ({
      kind: `pagerduty_${action}`,
      payload: { action, issue: issue satisfies IssueSummary } satisfies IssueAlertPayload,
    });
  // An issue that was already closed had its alert resolved then.
  const closed = [...(change.resolved ?? []), ...(change.ignored ?? []), ...(change.deleted ?? [])].filter(
    (i) => i.wasOpen !== false,
  );
  const opened = [...(change.created ?? []), ...(change.updated ?? []).filter((i) => i.reopened)];
  return [...atLeast(opened, min).map(alert("trigger")), ...atLeast(closed, min).map(alert("resolve"))];
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
  notify: alerts,
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
