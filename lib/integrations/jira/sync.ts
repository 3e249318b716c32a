import { VendorError } from "@/lib/errors";
import { atlassianError, atlassianHeaders, type AtlassianCredentials } from "../atlassian";
import { callVendor, parseJson } from "../vendor-call";
import { transitionsOf, transitionsPath, type JiraTransition } from "./sync-request";

export type { JiraSyncPayload, JiraTransition } from "./sync-request";

// Ticket sync's Jira calls, Jira Cloud REST v3: search/jql by key with nextPageToken,
// the issue's transitions and /myself. Sources are in test/fakes/README.md. What a sync delivery
// sends is built in ./sync-request.ts.

export type JiraTicketStatus = { key: string; status: string; category: string; updated: string | null };

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
  if ("failure" in answer)
    throw new VendorError(answer.failure.status, `Jira could not be reached: ${answer.failure.message}`);
  return { status: answer.response.status, body: answer.response.body, json: parseJson(answer.response.body) };
}

function fail(status: number, body: string): never {
  throw new VendorError(status, `Jira answered ${status}: ${atlassianError(body) || "no details"}`);
}

type IssueJson = {
  key: string;
  fields?: { status?: { name?: string; statusCategory?: { key?: string } }; updated?: string };
};
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
export async function jiraTicketStatus(
  creds: AtlassianCredentials,
  key: string,
): Promise<JiraTicketStatus | undefined> {
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
export async function searchJiraStatuses(
  creds: AtlassianCredentials,
  keys: string[],
): Promise<{ found: JiraTicketStatus[]; gone: string[] }> {
  const found: JiraTicketStatus[] = [];
  const gone: string[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_SEARCH) {
    let batch = keys.slice(i, i + KEYS_PER_SEARCH);
    for (let dropped = 0; batch.length > 0;) {
      const result = await searchBatch(creds, batch);
      if (result.ok) {
        found.push(...result.found);
        break;
      }
      const named = [...result.message.matchAll(MISSING_KEY)]
        .map((m) => m[1].toUpperCase())
        .filter((k) => batch.includes(k));
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

async function searchBatch(
  creds: AtlassianCredentials,
  keys: string[],
): Promise<{ ok: true; found: JiraTicketStatus[] } | { ok: false; message: string }> {
  const found: JiraTicketStatus[] = [];
  const jql = `key in (${keys.join(", ")}) ORDER BY key ASC`;
  let nextPageToken: string | undefined;
  const seen = new Set<string>();
  do {
    const answer = await jira(creds, "POST", "/rest/api/3/search/jql", {
      jql,
      fields: ["status", "updated"],
      maxResults: PAGE,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
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
  const answer = await jira(creds, "GET", transitionsPath(key));
  if (answer.status !== 200) fail(answer.status, answer.body);
  return transitionsOf(answer.json);
}

/** The statuses of a project's workflows, for the settings' transition list. */
export async function jiraProjectStatuses(
  creds: AtlassianCredentials,
  projectKey: string,
): Promise<{ name: string; category: string }[]> {
  const answer = await jira(creds, "GET", `/rest/api/3/project/${encodeURIComponent(projectKey)}/statuses`);
  if (answer.status === 404) return [];
  if (answer.status !== 200) fail(answer.status, answer.body);
  type Raw = { statuses?: { name: string; statusCategory?: { key?: string } }[] }[];
  const seen = new Map<string, string>();
  for (const type of (answer.json as Raw | undefined) ?? [])
    for (const s of type.statuses ?? []) seen.set(s.name, s.statusCategory?.key ?? "");
  return [...seen].map(([name, category]) => ({ name, category }));
}
