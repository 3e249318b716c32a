import { jiraCredentials } from "@/lib/integrations/jira/client";
import {
  countJiraIssues,
  getJiraTicket,
  listJiraProjects,
  searchJiraTickets,
  updateJiraComment,
  updateJiraTicket,
  type JiraTicket,
} from "@/lib/integrations/jira/scan";
import type { IntegrationConfig } from "@/lib/integrations/types";
import { adfToText, redactAdf, replaceAll } from "./adf";
import { siteHost, type ScanContainer, type ScanSource, type ScanUnit } from "./source";

type TicketContainer = ScanContainer & { ticket: JiraTicket };

// 50 tickets a search page: with their descriptions and first comments that stays well within a
// few MB, and one page is one resumable step.
const PAGE_SIZE = 50;

export function jiraSource(config: IntegrationConfig): ScanSource<TicketContainer> {
  const creds = jiraCredentials(config);
  const base = creds.domainUrl.replace(/\/$/, "");
  const browse = (key: string) => `${base}/browse/${encodeURIComponent(key)}`;

  const container = (t: JiraTicket): TicketContainer => ({
    key: t.key,
    prefix: t.key,
    ticket: t,
    parts: [
      { path: t.key, text: `${t.summary}\n${adfToText(t.description)}`, uri: browse(t.key) },
      ...t.comments.map((c) => ({
        path: `${t.key}#comment-${c.id}`,
        text: adfToText(c.body),
        uri: `${browse(t.key)}?focusedCommentId=${encodeURIComponent(c.id)}`,
      })),
    ],
  });

  return {
    pageSize: PAGE_SIZE,
    async listUnits() {
      return (await listJiraProjects(creds)).map((p) => ({ key: p.key, id: p.key }));
    },
    countUnit: (unit: ScanUnit) => countJiraIssues(creds, unit.key),
    async page(unit, token) {
      const { tickets, nextPageToken } = await searchJiraTickets(creds, unit.key, token, PAGE_SIZE);
      return { containers: tickets.map(container), next: nextPageToken };
    },
    async one(key) {
      const ticket = await getJiraTicket(creds, key);
      const projectKey = ticket?.projectKey ?? key.replace(/-\d+$/, "");
      return {
        unit: { key: projectKey, id: projectKey },
        prefix: key,
        container: ticket ? container(ticket) : undefined,
      };
    },
    async redact({ ticket }, secrets, message) {
      const fields: { summary?: string; description?: unknown } = {};
      const summary = replaceAll(ticket.summary, secrets, message);
      if (summary !== ticket.summary) fields.summary = summary;
      const description = redactAdf(ticket.description, secrets, message);
      if (description.changed) fields.description = description.doc;
      if (Object.keys(fields).length) await updateJiraTicket(creds, ticket.key, fields);
      for (const c of ticket.comments) {
        const body = redactAdf(c.body, secrets, message);
        if (body.changed) await updateJiraComment(creds, ticket.key, c.id, body.doc);
      }
    },
    asset: (unit) => ({
      id: `jira:${siteHost(base)}/${unit.key}`,
      name: `Jira ${unit.key}`,
      url: `${base}/browse/${encodeURIComponent(unit.key)}`,
    }),
  };
}
