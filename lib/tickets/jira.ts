import type { Principal } from "@/lib/auth/principal";
import { issueLink } from "@/lib/integrations/payloads";
import { jiraBrowseUrl } from "@/lib/integrations/jira/client";
import {
  clampSummary,
  createJiraIssue,
  jiraDescription,
  listJiraCreateFields,
  listJiraIssueTypes,
  normalizeLabels,
  priorityForSeverity,
  searchJiraProjects,
  type JiraIssueTypeOption,
  type JiraProjectOption,
  type TicketSource,
} from "@/lib/integrations/jira/tickets";
import type { IssueView } from "@/lib/issues/queries";
import { linkNewTicket } from "@/lib/sync/links-create";
import { DEFAULT_LABELS, ticketTitle } from "./draft";
import { jiraFor, liveIssue } from "./integration";
import type { JiraTicketInput } from "./schemas";
import { createOnce, findTicket } from "./store";

// Every role may create tickets from an issue (contract §2), so these services only need a
// signed-in principal, which the route and action wrappers guarantee.

export type JiraTicket = { key: string; url: string };

function sourceOf(issue: IssueView): TicketSource {
  return { ...issue, issueUrl: issueLink(issue.id) };
}

/** What the dialog opens with: the ticket if one exists, else the prefilled summary, labels and description. */
export async function jiraDraft(_principal: Principal, issueId: string) {
  const issue = await liveIssue(issueId);
  const existing = await findTicket(issue.id, "jira");
  if (!existing) await jiraFor(issue); // fails early, with what to do, when Jira is not set up
  return {
    existing: existing ? { key: existing.key, url: existing.url } : null,
    summary: clampSummary(ticketTitle(issue)),
    labels: DEFAULT_LABELS,
    description: jiraDescription(sourceOf(issue)),
  };
}

export async function jiraProjects(
  _principal: Principal,
  issueId: string,
  query: string,
): Promise<JiraProjectOption[]> {
  const { creds } = await jiraFor(await liveIssue(issueId));
  return searchJiraProjects(creds, query);
}

export async function jiraIssueTypes(
  _principal: Principal,
  issueId: string,
  projectKey: string,
): Promise<JiraIssueTypeOption[]> {
  const { creds } = await jiraFor(await liveIssue(issueId));
  return listJiraIssueTypes(creds, projectKey);
}

/** The create screen of one issue type: its priorities (with the severity's preselected) and required fields we cannot fill. */
export async function jiraCreateScreen(
  _principal: Principal,
  issueId: string,
  projectKey: string,
  issueTypeId: string,
) {
  const issue = await liveIssue(issueId);
  const { creds } = await jiraFor(issue);
  const fields = await listJiraCreateFields(creds, projectKey, issueTypeId);
  const filled = new Set(["summary", "description", "issuetype", "project", "labels", "priority", "reporter"]);
  return {
    priorities: fields.find((f) => f.fieldId === "priority")?.allowedValues ?? null,
    suggestedPriorityId: priorityForSeverity(fields, issue.severity)?.id ?? null,
    unfillable: fields
      .filter((f) => f.required && !filled.has(f.fieldId))
      .map((f) => ({ fieldId: f.fieldId, name: f.name })),
  };
}

/**
 * POST /api/v1/issues/{id}/jira and the dialog's Create: one ticket per issue. A repeat, or a
 * request racing this one, answers the ticket already made.
 */
export async function createJiraTicket(
  _principal: Principal,
  issueId: string,
  input: JiraTicketInput,
): Promise<JiraTicket> {
  const issue = await liveIssue(issueId);
  const existing = await findTicket(issue.id, "jira");
  if (existing) return { key: existing.key, url: existing.url };
  const { config, creds } = await jiraFor(issue);
  let priorityId = input.priorityId || undefined;
  if (input.priorityId === undefined) {
    // A script that names no priority gets the severity's, when the project has priorities at all.
    priorityId = priorityForSeverity(
      await listJiraCreateFields(creds, input.projectKey, input.issueTypeId),
      issue.severity,
    )?.id;
  }
  const ticket = await createOnce(issue.id, "jira", async () => {
    const made = await createJiraIssue(creds, {
      projectKey: input.projectKey,
      issueTypeId: input.issueTypeId,
      summary: clampSummary(input.summary || ticketTitle(issue)),
      description: jiraDescription(sourceOf(issue)),
      labels: normalizeLabels(input.labels ?? DEFAULT_LABELS),
      priorityId,
    });
    return { key: made.key, url: jiraBrowseUrl(config, made.key) };
  });
  await linkNewTicket(issue.id, "jira", config, ticket.key, input.projectKey);
  return { key: ticket.key, url: ticket.url };
}
