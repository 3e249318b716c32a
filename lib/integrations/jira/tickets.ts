import { ValidationError, VendorError } from "@/lib/errors";
import { atlassianError, atlassianHeaders, type AtlassianCredentials } from "../atlassian";
import { callVendor, parseJson, vendorText } from "../vendor-call";

/** The facts about a finding that a ticket carries; built by the tickets service from an issue. */
export type TicketSource = {
  detectorId: string;
  detectorName: string;
  severity: "error" | "warning" | "info";
  assetId: string;
  assetName: string | null;
  path: string;
  uri: string;
  content: string;
  firstSeen: string;
  /** Where the issue lives in this product. */
  issueUrl: string;
};

export type JiraProjectOption = { id: string; key: string; name: string };
export type JiraIssueTypeOption = { id: string; name: string };
export type JiraFieldMeta = {
  fieldId: string;
  name: string;
  required: boolean;
  allowedValues?: { id: string; name: string }[];
};
export type JiraTicketFields = {
  projectKey: string;
  issueTypeId: string;
  summary: string;
  description: unknown;
  labels?: string[];
  priorityId?: string;
};

// Jira Cloud's own limits: summaries over 255 characters or with line breaks are refused.
const SUMMARY_MAX = 255;
// A description code block past a few KB only hides the rest of the ticket; the link has it all.
const EXCERPT_MAX = 2000;

const base = (creds: AtlassianCredentials) => creds.domainUrl.replace(/\/+$/, "");

async function jiraGet(creds: AtlassianCredentials, path: string): Promise<unknown> {
  const answer = await callVendor({ url: `${base(creds)}${path}`, method: "GET", headers: atlassianHeaders(creds) });
  if ("failure" in answer)
    throw new VendorError(answer.failure.status, `Jira could not be reached: ${answer.failure.message}`);
  const { status, body } = answer.response;
  if (status !== 200) throw new VendorError(status, `Jira answered ${status}: ${atlassianError(body) || "no details"}`);
  return parseJson(body);
}

/** Projects the credentials can create issues in, matching `query` by key or name. */
export async function searchJiraProjects(creds: AtlassianCredentials, query = ""): Promise<JiraProjectOption[]> {
  const params = new URLSearchParams({ maxResults: "50", orderBy: "name", action: "create" });
  if (query.trim()) params.set("query", query.trim());
  const page = (await jiraGet(creds, `/rest/api/3/project/search?${params}`)) as
    { values?: JiraProjectOption[] } | undefined;
  return (page?.values ?? []).map((p) => ({ id: String(p.id), key: p.key, name: p.name }));
}

/** The issue types a project offers on its create screen; sub-tasks need a parent, so they are left out. */
export async function listJiraIssueTypes(
  creds: AtlassianCredentials,
  projectKey: string,
): Promise<JiraIssueTypeOption[]> {
  const path = `/rest/api/3/issue/createmeta/${encodeURIComponent(projectKey)}/issuetypes?maxResults=100`;
  const page = (await jiraGet(creds, path)) as
    { issueTypes?: (JiraIssueTypeOption & { subtask?: boolean })[] } | undefined;
  return (page?.issueTypes ?? []).filter((t) => !t.subtask).map((t) => ({ id: String(t.id), name: t.name }));
}

/** The fields of one issue type's create screen: which are required, and the allowed priorities. */
export async function listJiraCreateFields(
  creds: AtlassianCredentials,
  projectKey: string,
  issueTypeId: string,
): Promise<JiraFieldMeta[]> {
  const path = `/rest/api/3/issue/createmeta/${encodeURIComponent(projectKey)}/issuetypes/${encodeURIComponent(issueTypeId)}?maxResults=200`;
  // Jira Cloud has answered this page as `fields` and, more recently, as `results`.
  const page = (await jiraGet(creds, path)) as { fields?: RawField[]; results?: RawField[] } | undefined;
  return (page?.fields ?? page?.results ?? []).map((f) => ({
    fieldId: f.fieldId ?? f.key ?? "",
    name: f.name ?? f.fieldId ?? "",
    required: !!f.required,
    ...(Array.isArray(f.allowedValues)
      ? { allowedValues: f.allowedValues.map((v) => ({ id: String(v.id), name: String(v.name ?? v.value ?? v.id) })) }
      : {}),
  }));
}
type RawField = {
  fieldId?: string;
  key?: string;
  name?: string;
  required?: boolean;
  allowedValues?: { id: string; name?: string; value?: string }[];
};

// Jira's default priority scheme names; a custom scheme that shares none of them gets no priority.
const PRIORITY_NAMES: Record<TicketSource["severity"], string[]> = {
  error: ["high", "highest", "critical", "major"],
  warning: ["medium", "normal"],
  info: ["low", "lowest", "minor", "trivial"],
};

/** The project's priority for a severity, or undefined when its create screen has no priority. */
export function priorityForSeverity(
  fields: JiraFieldMeta[],
  severity: TicketSource["severity"],
): { id: string; name: string } | undefined {
  const allowed = fields.find((f) => f.fieldId === "priority")?.allowedValues ?? [];
  for (const wanted of PRIORITY_NAMES[severity]) {
    const found = allowed.find((p) => p.name.toLowerCase() === wanted);
    if (found) return found;
  }
  return undefined;
}

/** A summary Jira accepts: one line, within its limit. */
export function clampSummary(text: string): string {
  const line = text
    .replace(/[\r\n]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX - 1)}…` : line;
}

/** Labels as Jira stores them: no spaces inside one, no duplicates. */
export function normalizeLabels(labels: string[] | undefined): string[] {
  const clean = (labels ?? []).map((l) => l.trim().replace(/\s+/g, "-")).filter(Boolean);
  return [...new Set(clean)];
}

/** The line number of a source link such as `…/secret_token.rb#L7`, if it has one. */
export function lineOf(uri: string): number | undefined {
  const match = /#L(\d+)/.exec(uri);
  return match ? Number(match[1]) : undefined;
}

type Inline = {
  type: "text";
  text: string;
  marks?: ({ type: "strong" } | { type: "code" } | { type: "link"; attrs: { href: string } })[];
};
const text = (value: string, marks?: Inline["marks"]): Inline => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
const isWebLink = (uri: string) => /^https?:\/\//i.test(uri);

/**
 * The ticket's description as an Atlassian Document Format document (Jira Cloud v3 refuses plain
 * text): what was found, where, a link to the source and one back to the issue here. ADF text
 * nodes may not be empty, so absent values are left out rather than rendered blank.
 */
export function jiraDescription(source: TicketSource): Record<string, unknown> {
  const line = lineOf(source.uri);
  const file = source.path ? `${source.path}${line ? `:${line}` : ""}` : "";
  const fileInline: Inline[] = file ? [text(file, [{ type: "code" }])] : [];
  if (isWebLink(source.uri))
    fileInline.push(...(file ? [text(" ")] : []), text("view source", [{ type: "link", attrs: { href: source.uri } }]));
  const facts: [string, Inline[]][] = [
    ["Detector", [text(`${source.detectorName} (${source.detectorId})`)]],
    ["Severity", [text(source.severity)]],
    [
      "Asset",
      [
        text(
          source.assetName && source.assetName !== source.assetId
            ? `${source.assetName} (${source.assetId})`
            : source.assetId,
        ),
      ],
    ],
    ["File", fileInline],
    ["First seen", [text(source.firstSeen.slice(0, 10))]],
  ];
  const excerpt = source.content.length > EXCERPT_MAX ? `${source.content.slice(0, EXCERPT_MAX)}…` : source.content;
  return {
    type: "doc",
    version: 1,
    content: [
      {
        type: "paragraph",
        content: [
          text("Code Security found "),
          text(source.detectorName, [{ type: "strong" }]),
          text(` in ${source.assetName ?? source.assetId}.`),
        ],
      },
      {
        type: "bulletList",
        content: facts
          .filter(([, value]) => value.length > 0)
          .map(([label, value]) => ({
            type: "listItem",
            content: [{ type: "paragraph", content: [text(`${label}: `, [{ type: "strong" }]), ...value] }],
          })),
      },
      ...(excerpt.trim()
        ? [
            { type: "heading", attrs: { level: 3 }, content: [text("Content")] },
            { type: "codeBlock", content: [text(excerpt)] },
          ]
        : []),
      {
        type: "paragraph",
        content: [text("Open the issue in Code Security", [{ type: "link", attrs: { href: source.issueUrl } }])],
      },
    ],
  };
}

/**
 * POST /rest/api/3/issue. Jira's 400 names each refused field in `errors` (a required custom
 * field, say); those come back as a ValidationError keyed by Jira's field id, in Jira's words.
 */
export async function createJiraIssue(
  creds: AtlassianCredentials,
  ticket: JiraTicketFields,
): Promise<{ id: string; key: string }> {
  const fields: Record<string, unknown> = {
    project: { key: ticket.projectKey },
    issuetype: { id: ticket.issueTypeId },
    summary: ticket.summary,
    description: ticket.description,
  };
  if (ticket.labels?.length) fields.labels = ticket.labels;
  if (ticket.priorityId) fields.priority = { id: ticket.priorityId };
  const answer = await callVendor({
    url: `${base(creds)}/rest/api/3/issue`,
    method: "POST",
    headers: { ...atlassianHeaders(creds), "content-type": "application/json" },
    body: JSON.stringify({ fields }),
  });
  if ("failure" in answer)
    throw new VendorError(answer.failure.status, `Jira could not be reached: ${answer.failure.message}`);
  const { status, body } = answer.response;
  const json = parseJson(body) as
    { id?: string; key?: string; errors?: Record<string, string>; errorMessages?: string[] } | undefined;
  if (status === 201 && json?.key) return { id: String(json.id), key: json.key };
  const fieldErrors = Object.fromEntries(
    Object.entries(json?.errors ?? {}).map(([k, v]) => [k, vendorText(String(v))]),
  );
  if (status === 400 && Object.keys(fieldErrors).length) {
    throw new ValidationError(`Jira refused the ticket: ${atlassianError(body)}`, fieldErrors);
  }
  throw new VendorError(status, `Jira answered ${status}: ${atlassianError(body) || "no details"}`);
}
