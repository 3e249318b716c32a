import { VendorError } from "@/lib/errors";
import { atlassianError, atlassianHeaders, type AtlassianCredentials } from "../atlassian";
import type { IntegrationConfig, OutboundRequest } from "../types";
import { callVendor, parseJson } from "../vendor-call";
import { jiraCredentials } from "./client";

// Ticket sync's Jira calls (issue 16), Jira Cloud REST v3: search/jql by key with nextPageToken,
// the issue's transitions, comments and /myself. Sources are in test/fakes/README.md.

export type JiraTicketStatus = { key: string; status: string; category: string; updated: string | null };
export type JiraSyncPayload = {
  ticketKey: string;
  issueId: string;
  action: "resolved" | "reopened";
  /** Plain words: what happened, with the link back. */
  text: string;
  link: string;
  /** Move the ticket to this transition (by name) or target status; null: comment only. */
  moveTo: string | null;
  /** When no transition matches `moveTo`, one into this status category (reopen: `new`). */
  moveToCategory?: string | null;
};
export type JiraTransition = { id: string; name: string; to: string; category: string };

const base = (creds: AtlassianCredentials) => creds.domainUrl.replace(/\/+$/, "");
// Keys per search: a JQL of a few thousand characters, far under Jira's limits; pages of 100.
const KEYS_PER_SEARCH = 200;
const PAGE = 100;
// A deleted ticket fails the whole key search; each retry drops one named key, so a few suffice.
const MAX_DROPPED = 50;

async function jira(creds: AtlassianCredentials, method: "GET" | "POST", path: string, body?: unknown) {
  const answer = await callVendor({
    url: `${base(creds)}${path}`,
    method,
    headers: { ...atlassianHeaders(creds), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if ("failure" in answer) throw new VendorError(answer.failure.status, `Jira could not be reached: ${answer.failure.message}`);
  return { status: answer.response.status, body: answer.response.body, json: parseJson(answer.response.body) };
}

function fail(status: number, body: string): never {
  throw new VendorError(status, `Jira answered ${status}: ${atlassianError(body) || "no details"}`);
}

type IssueJson = { key: string; fields?: { status?: { name?: string; statusCategory?: { key?: string } }; updated?: string } };
const statusOf = (issue: IssueJson): JiraTicketStatus => ({
  key: issue.key,
  status: issue.fields?.status?.name ?? "",
  category: issue.fields?.status?.statusCategory?.key ?? "",
  updated: issue.fields?.updated ?? null,
});

/** The product's own account: changes it made come back in webhooks under this accountId. */
export async function jiraAccountId(creds: AtlassianCredentials): Promise<string | null> {
  const answer = await jira(creds, "GET", "/rest/api/3/myself");
  if (answer.status !== 200) fail(answer.status, answer.body);
  return (answer.json as { accountId?: string } | undefined)?.accountId ?? null;
}

/** One ticket's status; undefined when it is gone (404: deleted, or no longer visible to us). */
export async function jiraTicketStatus(creds: AtlassianCredentials, key: string): Promise<JiraTicketStatus | undefined> {
  const answer = await jira(creds, "GET", `/rest/api/3/issue/${encodeURIComponent(key)}?fields=status,updated`);
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) fail(answer.status, answer.body);
  return statusOf(answer.json as IssueJson);
}

// "An issue with key 'SEC-9' does not exist for field 'key'." / "The issue key 'x' for field 'key' is invalid."
const MISSING_KEY = /issue (?:with )?key '([^']+)'/gi;

/**
 * The statuses of `keys`, by one JQL search per 200 keys, paginated with nextPageToken. A deleted
 * ticket makes Jira refuse the whole search with 400 naming the key (search/jql has no
 * validateQuery=warn); such a key is confirmed gone with GET issue (404) and the search retried
 * without it. Answers the statuses found and the keys that are gone.
 */
export async function searchJiraStatuses(creds: AtlassianCredentials, keys: string[]): Promise<{ found: JiraTicketStatus[]; gone: string[] }> {
  const found: JiraTicketStatus[] = [];
  const gone: string[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_SEARCH) {
    let batch = keys.slice(i, i + KEYS_PER_SEARCH);
    for (let dropped = 0; batch.length > 0; ) {
      const result = await searchBatch(creds, batch);
      if (result.ok) {
        found.push(...result.found);
        break;
      }
      const named = [...result.message.matchAll(MISSING_KEY)].map((m) => m[1].toUpperCase()).filter((k) => batch.includes(k));
      // No key named: find the missing ones one by one (still bounded by the batch).
      const suspects = named.length ? named : batch;
      let removed = 0;
      for (const key of suspects) {
        if (dropped >= MAX_DROPPED) break;
        const status = await jiraTicketStatus(creds, key);
        if (status) continue;
        gone.push(key);
        batch = batch.filter((k) => k !== key);
        removed++;
        dropped++;
      }
      if (removed === 0) fail(400, result.message);
    }
  }
  return { found, gone };
}

async function searchBatch(creds: AtlassianCredentials, keys: string[]): Promise<{ ok: true; found: JiraTicketStatus[] } | { ok: false; message: string }> {
  const found: JiraTicketStatus[] = [];
  const jql = `key in (${keys.join(", ")}) ORDER BY key ASC`;
  let nextPageToken: string | undefined;
  const seen = new Set<string>();
  do {
    const answer = await jira(creds, "POST", "/rest/api/3/search/jql", { jql, fields: ["status", "updated"], maxResults: PAGE, ...(nextPageToken ? { nextPageToken } : {}) });
    if (answer.status === 400) return { ok: false, message: atlassianError(answer.body) };
    if (answer.status !== 200) fail(answer.status, answer.body);
    const page = answer.json as { issues?: IssueJson[]; nextPageToken?: string } | undefined;
    found.push(...(page?.issues ?? []).map(statusOf));
    nextPageToken = page?.nextPageToken;
    if (nextPageToken && seen.has(nextPageToken)) fail(200, "Jira repeated a page token");
    if (nextPageToken) seen.add(nextPageToken);
  } while (nextPageToken);
  return { ok: true, found };
}

/** The transitions a ticket's current status offers. */
export async function jiraTransitions(creds: AtlassianCredentials, key: string): Promise<JiraTransition[]> {
  const answer = await jira(creds, "GET", `/rest/api/3/issue/${encodeURIComponent(key)}/transitions`);
  if (answer.status !== 200) fail(answer.status, answer.body);
  type Raw = { id: string; name: string; to?: { name?: string; statusCategory?: { key?: string } } };
  return ((answer.json as { transitions?: Raw[] } | undefined)?.transitions ?? []).map((t) => ({
    id: String(t.id),
    name: t.name,
    to: t.to?.name ?? t.name,
    category: t.to?.statusCategory?.key ?? "",
  }));
}

/** The statuses of a project's workflows, for the settings' transition list. */
export async function jiraProjectStatuses(creds: AtlassianCredentials, projectKey: string): Promise<{ name: string; category: string }[]> {
  const answer = await jira(creds, "GET", `/rest/api/3/project/${encodeURIComponent(projectKey)}/statuses`);
  if (answer.status === 404) return [];
  if (answer.status !== 200) fail(answer.status, answer.body);
  type Raw = { statuses?: { name: string; statusCategory?: { key?: string } }[] }[];
  const seen = new Map<string, string>();
  for (const type of (answer.json as Raw | undefined) ?? []) for (const s of type.statuses ?? []) seen.set(s.name, s.statusCategory?.key ?? "");
  return [...seen].map(([name, category]) => ({ name, category }));
}

/** A comment in Atlassian Document Format: the words, then the link back. */
function commentBody(payload: JiraSyncPayload) {
  return {
    type: "doc",
    version: 1,
    content: [
      { type: "paragraph", content: [{ type: "text", text: payload.text }] },
      { type: "paragraph", content: [{ type: "text", text: "Open the issue in Code Security", marks: [{ type: "link", attrs: { href: payload.link } }] }] },
    ],
  };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The delivery of a sync payload: a transition with the comment in one request when the ticket
 * should move and its status offers a way there, else the comment alone. The choice is made at
 * the first attempt; retries send the same bytes to the same place.
 */
export async function buildJiraSyncRequest(config: IntegrationConfig, payload: JiraSyncPayload, sentBody?: string | null): Promise<OutboundRequest> {
  const creds = jiraCredentials(config);
  const issuePath = `${base(creds)}/rest/api/3/issue/${encodeURIComponent(payload.ticketKey)}`;
  const headers = { ...atlassianHeaders(creds), "content-type": "application/json" };
  if (sentBody) {
    const moving = !!(parseJson(sentBody) as { transition?: unknown } | undefined)?.transition;
    return { url: `${issuePath}/${moving ? "transitions" : "comment"}`, method: "POST", headers, body: sentBody };
  }
  if (payload.moveTo || payload.moveToCategory) {
    const offered = await jiraTransitions(creds, payload.ticketKey);
    const wanted = payload.moveTo;
    const pick =
      (wanted ? offered.find((t) => same(t.name, wanted)) ?? offered.find((t) => same(t.to, wanted)) : undefined) ??
      (payload.moveToCategory ? offered.find((t) => t.category === payload.moveToCategory) : undefined);
    if (pick) {
      const body = { transition: { id: pick.id }, update: { comment: [{ add: { body: commentBody(payload) } }] } };
      return { url: `${issuePath}/transitions`, method: "POST", headers, body: JSON.stringify(body) };
    }
  }
  return { url: `${issuePath}/comment`, method: "POST", headers, body: JSON.stringify({ body: commentBody(payload) }) };
}
