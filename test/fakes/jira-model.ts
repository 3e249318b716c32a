// Seedable Jira Cloud data (users, projects with create-metadata, issues) and the JSON shapes the
// REST v3 API returns for them. The server itself is in jira.ts.
import { adfErrors, adfText } from "./adf";
import { isObject } from "./http";
import {
  defaultWorkflow,
  DONE_RESOLUTION,
  makeWorkflow,
  statusJson,
  type JiraHistory,
  type JiraWorkflow,
  type WorkflowSeed,
} from "./jira-workflow";

export interface JiraUser {
  email: string;
  apiToken: string;
  accountId: string;
  displayName: string;
}

export interface JiraField {
  fieldId: string;
  name: string;
  required: boolean;
  schema: { type: string; system?: string; custom?: string; customId?: number; items?: string };
  allowedValues?: unknown[];
}

export interface JiraIssueType {
  id: string;
  name: string;
  subtask?: boolean;
  fields: JiraField[];
}
export interface JiraProject {
  id: string;
  key: string;
  name: string;
  issueTypes: JiraIssueType[];
  workflow: JiraWorkflow;
}

export interface JiraComment {
  id: string;
  body: unknown;
  authorId: string;
  created: string;
  updated: string;
}
export interface JiraIssue {
  id: string;
  key: string;
  projectKey: string;
  issueTypeId: string;
  fields: Record<string, unknown>;
  comments: JiraComment[];
  created: string;
  updated: string;
  statusId: string;
  /** When the issue was resolved (it sits in a Done status); undefined while unresolved. */
  resolutiondate?: string;
  /** The changelog, oldest first. */
  history: JiraHistory[];
}

export interface ProjectSeed {
  key: string;
  name?: string;
  id?: string;
  /** Defaults to one "Task" (id 10001) with only the standard fields. */
  issueTypes?: { id: string; name: string; subtask?: boolean; extraFields?: JiraField[] }[];
  /** Defaults to To Do → In Progress → Done with global transitions (see jira-workflow.ts). */
  workflow?: WorkflowSeed;
}

/** The fields every issue type has on its create screen. */
export function standardFields(): JiraField[] {
  return [
    { fieldId: "summary", name: "Summary", required: true, schema: { type: "string", system: "summary" } },
    { fieldId: "issuetype", name: "Issue Type", required: true, schema: { type: "issuetype", system: "issuetype" } },
    { fieldId: "project", name: "Project", required: true, schema: { type: "project", system: "project" } },
    { fieldId: "description", name: "Description", required: false, schema: { type: "string", system: "description" } },
    {
      fieldId: "labels",
      name: "Labels",
      required: false,
      schema: { type: "array", items: "string", system: "labels" },
    },
  ];
}

/** A required custom field as Jira's create-metadata describes it, e.g. Team → `customfield_10010`. */
export function requiredCustomField(fieldId: string, name: string, type = "string"): JiraField {
  return {
    fieldId,
    name,
    required: true,
    schema: {
      type,
      custom: "com.atlassian.jira.plugin.system.customfieldtypes:textfield",
      customId: Number(fieldId.replace(/\D/g, "")),
    },
  };
}

export function makeProject(seed: ProjectSeed, index: number): JiraProject {
  const types = seed.issueTypes ?? [{ id: "10001", name: "Task" }];
  return {
    id: seed.id ?? String(10000 + index),
    key: seed.key,
    name: seed.name ?? `${seed.key} project`,
    issueTypes: types.map((t) => ({
      id: t.id,
      name: t.name,
      subtask: t.subtask ?? false,
      fields: [...standardFields(), ...(t.extraFields ?? [])],
    })),
    workflow: seed.workflow ? makeWorkflow(seed.workflow) : defaultWorkflow(),
  };
}

const SYSTEM_FIELDS = new Set(["summary", "description", "issuetype", "project", "labels"]);

/**
 * Problems Jira reports for the `fields` of a create/edit regardless of project configuration,
 * keyed by field as in Jira's `{"errorMessages":[],"errors":{…}}`.
 */
export function fieldFormatErrors(fields: unknown, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isObject(fields)) return creating ? { project: "Specify a valid project ID or key" } : {};
  if (creating || "summary" in fields) {
    if (typeof fields.summary !== "string" || fields.summary.trim() === "")
      errors.summary = "You must specify a summary of the issue.";
    else if (fields.summary.length > 255) errors.summary = "Summary must be less than 255 characters.";
    else if (/[\r\n]/.test(fields.summary)) errors.summary = "Summary can't contain newlines.";
  }
  if (creating) {
    const p = fields.project;
    if (!isObject(p) || (typeof p.key !== "string" && typeof p.id !== "string"))
      errors.project = "Specify a valid project ID or key";
    const t = fields.issuetype;
    if (!isObject(t) || (typeof t.id !== "string" && typeof t.name !== "string"))
      errors.issuetype = "Specify an issue type";
  }
  if ("description" in fields && fields.description !== null && adfErrors(fields.description).length) {
    errors.description = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
  }
  if (
    "labels" in fields &&
    !(Array.isArray(fields.labels) && fields.labels.every((l) => typeof l === "string" && !/\s/.test(l)))
  ) {
    errors.labels = "Labels must be an array of strings without spaces.";
  }
  return errors;
}

/** Errors that depend on the seeded project: unknown project/type, missing required or unknown fields. */
export function screenErrors(
  fields: Record<string, unknown>,
  project: JiraProject | undefined,
  type: JiraIssueType | undefined,
): Record<string, string> {
  if (!project) return { project: "Specify a valid project ID or key" };
  if (!type) return { issuetype: "The issue type selected is invalid." };
  const errors: Record<string, string> = {};
  for (const f of type.fields) {
    const v = fields[f.fieldId];
    if (f.required && (v === undefined || v === null || v === "")) errors[f.fieldId] = `${f.name} is required.`;
  }
  for (const id of Object.keys(fields)) {
    if (!SYSTEM_FIELDS.has(id) && !type.fields.some((f) => f.fieldId === id)) {
      errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
  }
  return errors;
}

export function userJson(base: string, u: JiraUser): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/user?accountId=${u.accountId}`,
    accountId: u.accountId,
    accountType: "atlassian",
    emailAddress: u.email,
    avatarUrls: { "48x48": `${base}/avatar/${u.accountId}.png` },
    displayName: u.displayName,
    active: true,
    timeZone: "Etc/UTC",
    locale: "en_US",
  };
}

export function projectJson(base: string, p: JiraProject): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: "software",
    simplified: false,
    style: "classic",
    isPrivate: false,
  };
}

export function issueTypeJson(base: string, t: JiraIssueType): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    name: t.name,
    description: "",
    iconUrl: `${base}/icons/${t.id}.svg`,
    subtask: t.subtask ?? false,
    hierarchyLevel: t.subtask ? -1 : 0,
  };
}

export function fieldMetaJson(f: JiraField): Record<string, unknown> {
  return {
    required: f.required,
    schema: f.schema,
    name: f.name,
    key: f.fieldId,
    fieldId: f.fieldId,
    hasDefaultValue: false,
    operations: ["set"],
    ...(f.allowedValues ? { allowedValues: f.allowedValues } : {}),
  };
}

export function commentJson(
  base: string,
  issue: JiraIssue,
  c: JiraComment,
  users: JiraUser[],
): Record<string, unknown> {
  const author = users.find((u) => u.accountId === c.authorId);
  const authorJson = author ? userJson(base, author) : { accountId: c.authorId, displayName: "Someone", active: true };
  return {
    self: `${base}/rest/api/3/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author: authorJson,
    updateAuthor: authorJson,
    body: c.body,
    created: c.created,
    updated: c.updated,
    jsdPublic: true,
  };
}

/** The issue as GET issue / search return it, limited to `wanted` fields (undefined = all). */
export function issueJson(
  base: string,
  issue: JiraIssue,
  project: JiraProject,
  users: JiraUser[],
  wanted?: string[],
): Record<string, unknown> {
  const type = project.issueTypes.find((t) => t.id === issue.issueTypeId);
  const comments = issue.comments.map((c) => commentJson(base, issue, c, users));
  const all: Record<string, unknown> = {
    ...issue.fields,
    summary: issue.fields.summary,
    description: issue.fields.description ?? null,
    project: projectJson(base, project),
    issuetype: type ? issueTypeJson(base, type) : { id: issue.issueTypeId },
    status: statusJson(
      base,
      project.workflow.statuses.find((st) => st.id === issue.statusId) ?? project.workflow.statuses[0],
    ),
    resolution: issue.resolutiondate
      ? { self: `${base}/rest/api/3/resolution/${DONE_RESOLUTION.id}`, ...DONE_RESOLUTION }
      : null,
    resolutiondate: issue.resolutiondate ?? null,
    created: issue.created,
    updated: issue.updated,
    comment: { comments, maxResults: comments.length, total: comments.length, startAt: 0 },
  };
  const fields =
    wanted === undefined ? all : Object.fromEntries(Object.entries(all).filter(([k]) => wanted.includes(k)));
  return { expand: "", id: issue.id, self: `${base}/rest/api/3/issue/${issue.id}`, key: issue.key, fields };
}

/** Which fields a `fields` parameter selects: undefined = all; honours `*all`, `*navigable`, `-x`. */
export function selectFields(requested: string[] | undefined, fallback: "all" | "id"): string[] | undefined {
  const list = (requested ?? [])
    .flatMap((f) => f.split(","))
    .map((f) => f.trim())
    .filter(Boolean);
  if (list.length === 0) return fallback === "all" ? undefined : [];
  const all = list.some((f) => f === "*all" || f === "*navigable");
  if (all) {
    const excluded = list.filter((f) => f.startsWith("-")).map((f) => f.slice(1));
    return excluded.length
      ? [
          "summary",
          "description",
          "comment",
          "project",
          "issuetype",
          "status",
          "resolution",
          "resolutiondate",
          "created",
          "updated",
          "labels",
        ].filter((f) => !excluded.includes(f))
      : undefined;
  }
  return list.filter((f) => !f.startsWith("-"));
}

export function seedDescription(d: unknown): unknown {
  return typeof d === "string" ? adfText(d) : d;
}
