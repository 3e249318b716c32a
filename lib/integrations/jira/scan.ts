import type { AtlassianCredentials } from "../atlassian";
import { atlassianCall, pageGuard } from "../atlassian-client";

// The vendor calls of Jira scanning. Paths and bodies follow Jira Cloud REST v3
// (Jira Cloud platform REST v3): search/jql with nextPageToken.

export type JiraComment = { id: string; body: unknown };
export type JiraTicket = {
  key: string;
  projectKey: string;
  summary: string;
  description: unknown;
  comments: JiraComment[];
};
export type JiraProjectRef = { key: string; name: string };

type IssueJson = {
  key: string;
  fields?: {
    summary?: string;
    description?: unknown;
    project?: { key?: string };
    comment?: { comments?: { id: string; body: unknown }[]; total?: number };
  };
};

const FIELDS = ["summary", "description", "comment", "project"];
const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
const jqlString = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

export async function listJiraProjects(creds: AtlassianCredentials): Promise<JiraProjectRef[]> {
  const out: JiraProjectRef[] = [];
  const guard = pageGuard("Jira's project list");
  for (let startAt = 0; ;) {
    guard(String(startAt));
    const page = await atlassianCall<{ values: { key: string; name: string }[]; isLast?: boolean }>(
      creds,
      "GET",
      `/rest/api/3/project/search?${q({ startAt, maxResults: 50 })}`,
    );
    const values = page?.values ?? [];
    out.push(...values.map((p) => ({ key: p.key, name: p.name })));
    if (page?.isLast !== false || values.length === 0) return out;
    startAt += values.length;
  }
}

/** Issues in a project: keys only, 5000 a page (the most search/jql gives when no fields are asked). */
export async function countJiraIssues(creds: AtlassianCredentials, projectKey: string): Promise<number> {
  let count = 0;
  let nextPageToken: string | undefined;
  const guard = pageGuard(`Jira's issue count of ${projectKey}`);
  do {
    guard(nextPageToken);
    const params: Record<string, string | number> = { jql: `project = ${jqlString(projectKey)}`, maxResults: 5000 };
    if (nextPageToken) params.nextPageToken = nextPageToken;
    const page = await atlassianCall<{ issues?: unknown[]; nextPageToken?: string }>(
      creds,
      "GET",
      `/rest/api/3/search/jql?${q(params)}`,
    );
    count += page?.issues?.length ?? 0;
    nextPageToken = page?.nextPageToken;
  } while (nextPageToken);
  return count;
}

/** One page of a project's tickets with what we scan, comments beyond the first page fetched too. */
export async function searchJiraTickets(
  creds: AtlassianCredentials,
  projectKey: string,
  nextPageToken: string | undefined,
  maxResults: number,
) {
  const body = {
    jql: `project = ${jqlString(projectKey)} ORDER BY key ASC`,
    fields: FIELDS,
    maxResults,
    ...(nextPageToken ? { nextPageToken } : {}),
  };
  const page = await atlassianCall<{ issues?: IssueJson[]; nextPageToken?: string }>(
    creds,
    "POST",
    "/rest/api/3/search/jql",
    body,
  );
  const tickets: JiraTicket[] = [];
  for (const issue of page?.issues ?? []) tickets.push(await completeTicket(creds, issue));
  return { tickets, nextPageToken: page?.nextPageToken };
}

/** One ticket by key; undefined when it no longer exists (or we may not see it). */
export async function getJiraTicket(creds: AtlassianCredentials, key: string): Promise<JiraTicket | undefined> {
  const issue = await atlassianCall<IssueJson>(
    creds,
    "GET",
    `/rest/api/3/issue/${encodeURIComponent(key)}?${q({ fields: FIELDS.join(",") })}`,
  );
  return issue ? completeTicket(creds, issue) : undefined;
}

async function completeTicket(creds: AtlassianCredentials, issue: IssueJson): Promise<JiraTicket> {
  const f = issue.fields ?? {};
  const comments = (f.comment?.comments ?? []).map((c) => ({ id: c.id, body: c.body }));
  // The comment field holds only the first comments; the rest come from the comments API.
  const guard = pageGuard(`The comments of ${issue.key}`);
  while (f.comment?.total !== undefined && comments.length < f.comment.total) {
    guard(String(comments.length));
    const page = await atlassianCall<{ comments?: JiraComment[] }>(
      creds,
      "GET",
      `/rest/api/3/issue/${encodeURIComponent(issue.key)}/comment?${q({ startAt: comments.length, maxResults: 100 })}`,
    );
    if (!page?.comments?.length) break;
    comments.push(...page.comments.map((c) => ({ id: c.id, body: c.body })));
  }
  return {
    key: issue.key,
    projectKey: f.project?.key ?? issue.key.split("-")[0],
    summary: f.summary ?? "",
    description: f.description ?? null,
    comments,
  };
}

/** Redaction: new summary and/or description (ADF) for a ticket. */
export async function updateJiraTicket(
  creds: AtlassianCredentials,
  key: string,
  fields: { summary?: string; description?: unknown },
): Promise<void> {
  await atlassianCall(creds, "PUT", `/rest/api/3/issue/${encodeURIComponent(key)}`, { fields });
}

export async function updateJiraComment(
  creds: AtlassianCredentials,
  key: string,
  commentId: string,
  body: unknown,
): Promise<void> {
  await atlassianCall(
    creds,
    "PUT",
    `/rest/api/3/issue/${encodeURIComponent(key)}/comment/${encodeURIComponent(commentId)}`,
    { body },
  );
}
