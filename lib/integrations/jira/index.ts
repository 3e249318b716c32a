import { syncSettingsSchema } from "@/lib/sync/schema";
import { atlassianProvider } from "../atlassian";
import { defineProvider } from "../types";
import { buildJiraSyncRequest, type JiraSyncPayload } from "./sync-request";

const ISSUE_EVENTS = new Set([
  "jira:issue_created",
  "jira:issue_updated",
  "jira:issue_deleted",
  "comment_created",
  "comment_updated",
  "comment_deleted",
]);

/** The issue key an issue or comment event is about. */
function hookTarget(event: unknown): string | undefined {
  if (!event || typeof event !== "object") return undefined;
  const e = event as { webhookEvent?: unknown; issue?: { key?: unknown } };
  if (typeof e.webhookEvent === "string" && !ISSUE_EVENTS.has(e.webhookEvent)) return undefined;
  return typeof e.issue?.key === "string" && /^[A-Z][A-Z0-9_]*-\d+$/i.test(e.issue.key) ? e.issue.key : undefined;
}

export const jira = defineProvider({
  id: "jira",
  name: "Jira",
  category: "ticketing",
  scopes: ["global", "team"],
  ...atlassianProvider({
    product: "Jira",
    emailPlaceholder: "jira-admin@example.com",
    purpose: "Open Jira tickets from issues and scan Jira for secrets.",
    // Jira Cloud's own check of the credentials (contract §4).
    whoAmIPath: "/rest/api/3/myself",
    settings: { sync: syncSettingsSchema.optional() },
    extras: ["ticket-sync"],
  }),
  tickets: {
    tool: "Jira",
    noun: "ticket",
    plural: "tickets",
    keyPrefix: "",
    sync: {
      doneHint: "A status in Jira's Done category.",
      onResolveLabel: "When an issue resolves, move its ticket with",
    },
  },
  // Ticket sync: comments and transitions on linked tickets.
  buildRequest: (config, payload, sentBody, call) =>
    buildJiraSyncRequest(config, payload as JiraSyncPayload, sentBody, call),
  scan: {
    hookTarget,
    words: { units: "projects", items: "issues", hookHelp: "Jira (issue created/updated, comment events)" },
  },
});
