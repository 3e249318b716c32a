// `GET|POST /rest/api/3/search/jql` over the fake's issues: the JQL subset of jira-jql.ts, Jira's
// 400s for values that do not exist, and `nextPageToken` paging.
//
// A key that does not exist (never did, or was deleted) fails the whole search with
// "An issue with key 'X' does not exist for field 'key'.": Jira validates JQL values strictly, and
// the enhanced search endpoint dropped the `validateQuery=warn` escape that the old /search had
// (see test/fakes/README.md for the sources). A reconciliation over linked tickets meets that 400
// as soon as one of them was deleted.
import { createHash } from "node:crypto";
import type { FakeResponse } from "./http";
import { clauses, jqlDate, type JqlNode, type JqlQuery } from "./jira-jql";
import { issueJson, selectFields, type JiraIssue, type JiraProject, type JiraUser } from "./jira-model";

export interface SearchContext {
  base: string;
  issues: JiraIssue[];
  projects: JiraProject[];
  users: JiraUser[];
  pageLimit?: number;
}

const CATEGORY_NAMES: Record<string, string> = {
  "2": "new",
  new: "new",
  "to do": "new",
  "4": "indeterminate",
  indeterminate: "indeterminate",
  "in progress": "indeterminate",
  "3": "done",
  done: "done",
};
const KEY = /^([A-Z][A-Z0-9_]*)-(\d+)$/i;

const jqlHash = (jql: string) => createHash("sha256").update(jql).digest("base64url").slice(0, 12);
export const pageToken = (jql: string, offset: number) =>
  Buffer.from(JSON.stringify({ o: offset, q: jqlHash(jql) })).toString("base64url");

/** The offset a token stands for, or undefined when this search never issued it (a request bug). */
export function tokenOffset(jql: string, token: unknown): number | undefined {
  if (token === undefined || token === null || token === "") return 0;
  try {
    const t = JSON.parse(Buffer.from(String(token), "base64url").toString()) as { o?: unknown; q?: unknown };
    return typeof t.o === "number" && t.q === jqlHash(jql) ? t.o : undefined;
  } catch {
    return undefined;
  }
}

function statusOf(ctx: SearchContext, issue: JiraIssue) {
  const project = ctx.projects.find((p) => p.key === issue.projectKey)!;
  return project.workflow.statuses.find((s) => s.id === issue.statusId)!;
}

/** Jira's 400 messages for values that name nothing in this site. */
export function valueErrors(ctx: SearchContext, query: JqlQuery): string[] {
  const errors: string[] = [];
  for (const c of clauses(query.where)) {
    for (const v of c.values) {
      const lower = v.toLowerCase();
      if (c.field === "key") {
        if (
          /^\d+$/.test(v)
            ? !ctx.issues.some((i) => i.id === v)
            : KEY.test(v) && !ctx.issues.some((i) => i.key.toLowerCase() === lower)
        )
          errors.push(`An issue with key '${v}' does not exist for field '${c.name}'.`);
        else if (!/^\d+$/.test(v) && !KEY.test(v))
          errors.push(`The issue key '${v}' for field '${c.name}' is invalid.`);
      } else if (c.field === "project") {
        if (!ctx.projects.some((p) => [p.key, p.id, p.name].some((x) => x.toLowerCase() === lower)))
          errors.push(`The value '${v}' does not exist for the field '${c.name}'.`);
      } else if (c.field === "status") {
        if (!ctx.projects.some((p) => p.workflow.statuses.some((s) => s.name.toLowerCase() === lower || s.id === v)))
          errors.push(`The value '${v}' does not exist for the field '${c.name}'.`);
      } else if (c.field === "statusCategory") {
        if (!CATEGORY_NAMES[lower]) errors.push(`The value '${v}' does not exist for the field '${c.name}'.`);
      } else if (jqlDate(v) === undefined) {
        errors.push(
          `Date value '${v}' for field '${c.name}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
        );
      }
    }
  }
  return [...new Set(errors)];
}

function compare(a: number, b: number, op: string): boolean {
  return op === ">"
    ? a > b
    : op === ">="
      ? a >= b
      : op === "<"
        ? a < b
        : op === "<="
          ? a <= b
          : op === "!="
            ? a !== b
            : a === b;
}

function matches(ctx: SearchContext, issue: JiraIssue, node: JqlNode): boolean {
  if (node.kind === "and" || node.kind === "or") {
    return node.kind === "and"
      ? matches(ctx, issue, node.left) && matches(ctx, issue, node.right)
      : matches(ctx, issue, node.left) || matches(ctx, issue, node.right);
  }
  if (node.kind === "not") return !matches(ctx, issue, node.node);
  const values = node.values.map((v) => v.toLowerCase());
  const negate = node.op === "!=" || node.op === "not in";
  const equalOp = ["=", "!=", "in", "not in"].includes(node.op);
  let hit: boolean;
  switch (node.field) {
    case "key": {
      if (!equalOp) {
        const [, p, n] = KEY.exec(node.values[0]) ?? [];
        const [, ip, inum] = KEY.exec(issue.key)!;
        return p?.toLowerCase() === ip.toLowerCase() && compare(Number(inum), Number(n), node.op);
      }
      hit = values.includes(issue.key.toLowerCase()) || values.includes(issue.id);
      break;
    }
    case "project": {
      const p = ctx.projects.find((x) => x.key === issue.projectKey)!;
      hit = [p.key, p.id, p.name].some((x) => values.includes(x.toLowerCase()));
      break;
    }
    case "status": {
      const s = statusOf(ctx, issue);
      hit = values.includes(s.name.toLowerCase()) || values.includes(s.id);
      break;
    }
    case "statusCategory":
      hit = values.some((v) => CATEGORY_NAMES[v] === statusOf(ctx, issue).category);
      break;
    default: {
      const at = Date.parse(node.field === "created" ? issue.created : issue.updated);
      // Jira compares dates to the minute.
      return compare(Math.floor(at / 60_000), Math.floor(jqlDate(node.values[0])! / 60_000), node.op);
    }
  }
  return negate ? !hit : hit;
}

function order(ctx: SearchContext, list: JiraIssue[], orderBy: JqlQuery["orderBy"]): JiraIssue[] {
  const sortKey = (i: JiraIssue, field: string): [string, number] => {
    if (field === "key") return [i.projectKey, Number(i.key.split("-").pop())];
    if (field === "project") return [i.projectKey, 0];
    if (field === "status") return [statusOf(ctx, i).name, 0];
    if (field === "created" || field === "updated")
      return ["", Date.parse(field === "created" ? i.created : i.updated)];
    return ["", Number(i.id)];
  };
  return [...list].sort((a, b) => {
    for (const { field, desc } of orderBy) {
      const [as, an] = sortKey(a, field);
      const [bs, bn] = sortKey(b, field);
      const c = as.localeCompare(bs) || an - bn;
      if (c) return desc ? -c : c;
    }
    return 0;
  });
}

/** One page of results in the shape of `SearchAndReconcileResults`. `params` are the body or query. */
export function searchPage(
  ctx: SearchContext,
  jql: string,
  query: JqlQuery,
  params: Record<string, unknown>,
): FakeResponse {
  const errors = valueErrors(ctx, query);
  if (errors.length) return { status: 400, body: { errorMessages: errors, errors: {}, warningMessages: [] } };
  const offset = tokenOffset(jql, params.nextPageToken) ?? 0;
  const found = order(
    ctx,
    query.where ? ctx.issues.filter((i) => matches(ctx, i, query.where!)) : ctx.issues,
    query.orderBy,
  );
  const size = Math.min(Number(params.maxResults ?? 50), 5000, ctx.pageLimit ?? Infinity);
  const fields = selectFields(params.fields as string[] | undefined, "id");
  const issues = found.slice(offset, offset + size).map((i) => {
    const json = issueJson(
      ctx.base,
      i,
      ctx.projects.find((p) => p.key === i.projectKey)!,
      ctx.users,
      fields,
    );
    return fields && fields.length === 0 ? { id: json.id, key: json.key, self: json.self } : json;
  });
  const isLast = offset + size >= found.length;
  return { status: 200, body: { issues, isLast, ...(isLast ? {} : { nextPageToken: pageToken(jql, offset + size) }) } };
}
