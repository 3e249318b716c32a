// The bodies Jira Cloud POSTs for issue events, and how an admin webhook with a secret signs them.
//
// Shape (https://developer.atlassian.com/cloud/jira/platform/webhooks/, "Example callback for an
// issue-related event"): `timestamp` (ms), `webhookEvent`, `issue_event_type_name`, `user` (who
// acted), `issue` (the issue as GET issue returns it), and for updates a `changelog` with the
// history's `id` and `items` [{field, fieldtype, fieldId, from, fromString, to, toString}].
// Webhook users carry no email address. A secret makes Jira add `X-Hub-Signature:
// sha256=<hex HMAC-SHA256 of the raw body>` (Secure admin webhooks, same page); every delivery has
// an `X-Atlassian-Webhook-Identifier`.
import { createHmac, randomUUID } from "node:crypto";
import { issueJson, userJson, type JiraIssue, type JiraProject, type JiraUser } from "./jira-model";
import type { JiraHistory } from "./jira-workflow";
import { postJson, type WebhookDelivery } from "./webhook-delivery";

export type JiraWebhookEvent = "jira:issue_created" | "jira:issue_updated" | "jira:issue_deleted";
export interface JiraWebhookBody {
  timestamp: number;
  webhookEvent: JiraWebhookEvent;
  issue_event_type_name: string;
  user: Record<string, unknown>;
  issue: Record<string, unknown>;
  changelog?: { id: string; items: JiraHistory["items"] };
}

const EVENT_TYPE: Record<JiraWebhookEvent, string> = {
  "jira:issue_created": "issue_created",
  "jira:issue_updated": "issue_generic",
  "jira:issue_deleted": "issue_deleted",
};

export function webhookUser(base: string, user: JiraUser): Record<string, unknown> {
  const { emailAddress: _hidden, ...json } = userJson(base, user);
  return json;
}

export function issueWebhookBody(
  base: string,
  event: JiraWebhookEvent,
  issue: JiraIssue,
  project: JiraProject,
  users: JiraUser[],
  actor: JiraUser,
  history?: JiraHistory,
): JiraWebhookBody {
  return {
    timestamp: history ? Date.parse(history.created) : Date.now(),
    webhookEvent: event,
    issue_event_type_name:
      history?.items.some((i) => i.field === "status") === false ? "issue_updated" : EVENT_TYPE[event],
    user: webhookUser(base, actor),
    issue: issueJson(base, issue, project, users),
    ...(history && event === "jira:issue_updated" ? { changelog: { id: history.id, items: history.items } } : {}),
  };
}

export function hubSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

/** POSTs `body` as Jira's webhook sender does; with a secret, signed in `X-Hub-Signature`. */
export function deliverJiraWebhook(
  url: string,
  body: unknown,
  options: { secret?: string; timeoutMs?: number } = {},
): Promise<WebhookDelivery> {
  const headers: Record<string, string> = {
    "user-agent": "Atlassian Webhook HTTP Client",
    "x-atlassian-webhook-identifier": randomUUID(),
  };
  if (options.secret) headers["x-hub-signature"] = hubSignature(options.secret, JSON.stringify(body));
  // A receiver that hangs fails the delivery (status 0) instead of hanging the test.
  return postJson(url, body, headers, options.timeoutMs ?? 10_000);
}
