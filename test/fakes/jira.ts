// Jira Cloud REST v3 fake. Every request is checked against Atlassian's OpenAPI file (path, query,
// body), issue descriptions/comments against the ADF JSON Schema, and JQL against the subset in
// jira-jql.ts. Violations are problems with the request itself; errors that depend on seeded
// data (unknown project, a required custom field, a key that does not exist, a transition that is
// not available) are answered like Jira but are not violations.
//
// The site's data and the helpers that play the other side (jira-site.ts): a person moving or deleting a ticket, and the
// webhooks Jira then sends. `changes` records every change with its author and whether it came
// through the REST API, so a test can prove the product ignores the echo of its own change.
import { adfErrors } from "./adf";
import { basicCredentials, isObject, type FakeResponse, type RecordedRequest } from "./http";
import { JqlError, parseJql } from "./jira-jql";
import {
  commentJson,
  fieldFormatErrors,
  fieldMetaJson,
  issueJson,
  issueTypeJson,
  makeProject,
  projectJson,
  screenErrors,
  seedDescription,
  selectFields,
  userJson,
  type JiraIssue,
  type JiraProject,
  type JiraUser,
  type ProjectSeed,
} from "./jira-model";
import { searchPage, tokenOffset } from "./jira-search";
import { JiraSite } from "./jira-site";
import {
  moveIssue,
  projectStatusesAnswer,
  transitionRequestErrors,
  transitionScreenErrors,
  transitionsAnswer,
} from "./jira-transitions";
import { availableTransitions } from "./jira-workflow";
import { OpenApiValidator } from "./openapi";

export * from "./jira-model";
export type { JiraChange } from "./jira-site";
export type { JiraHistory, JiraChangeItem, WorkflowSeed, StatusCategoryKey } from "./jira-workflow";
export type { JiraWebhookBody, JiraWebhookEvent } from "./jira-webhooks";

let validator: OpenApiValidator | undefined;
const spec = () => (validator ??= new OpenApiValidator("jira-platform-swagger-v3.v3.json"));

// What Jira Cloud answers (401, text/plain) to a wrong email/API-token pair.
const UNAUTHORIZED: FakeResponse = {
  status: 401,
  body: "Client must be authenticated to access this resource.",
  headers: { "X-Seraph-LoginReason": "AUTHENTICATED_FAILED" },
};
const errorBody = (status: number, errorMessages: string[], errors: Record<string, string> = {}): FakeResponse => ({
  status,
  body: { errorMessages, errors },
});
const NO_ISSUE = errorBody(404, ["Issue does not exist or you do not have permission to see it."]);

export interface IssueSeed {
  projectKey: string;
  summary: string;
  description?: unknown;
  issueTypeId?: string;
  comments?: unknown[];
  fields?: Record<string, unknown>;
  status?: string;
}

const searchParams = (op: string, req: RecordedRequest): Record<string, unknown> =>
  op.endsWith("Post")
    ? isObject(req.body)
      ? req.body
      : {}
    : Object.fromEntries(
        [...req.query.keys()].map((k) => [k, k === "fields" ? req.query.getAll(k) : req.query.get(k)]),
      );

export class JiraFake extends JiraSite {
  protected rateLimitResponse(seconds: number): FakeResponse {
    return { ...errorBody(429, ["Rate limit exceeded."]), headers: { "Retry-After": String(seconds) } };
  }

  addProject(seed: ProjectSeed): JiraProject {
    const p = makeProject(seed, this.projects.length);
    this.projects.push(p);
    return p;
  }

  /** Seeds an issue as a person would have created it; `status` names a status of the project's workflow. */
  addIssue(seed: IssueSeed): JiraIssue {
    const project = this.project(seed.projectKey);
    if (!project) throw new Error(`no project ${seed.projectKey}; addProject first`);
    const fields = {
      ...seed.fields,
      summary: seed.summary,
      description: seed.description === undefined ? null : seedDescription(seed.description),
    };
    const author = this.person();
    const issue = this.createIssue(
      project,
      seed.issueTypeId ?? project.issueTypes[0].id,
      fields,
      author.accountId,
      "user",
    );
    issue.comments = (seed.comments ?? []).map((c) => ({
      id: String(10000 + this.nextId()),
      body: seedDescription(c),
      authorId: author.accountId,
      created: issue.created,
      updated: issue.created,
    }));
    if (seed.status && seed.status !== project.workflow.statuses.find((s) => s.id === issue.statusId)?.name) {
      const target = project.workflow.statuses.find((s) => s.name === seed.status);
      if (!target) throw new Error(`${project.key} has no status "${seed.status}"`);
      moveIssue(issue, project, target.id, author.accountId, "user", String(this.nextId()));
    }
    return issue;
  }

  protected override validate(req: RecordedRequest): string[] {
    if (req.bodyError) return [`body is not valid JSON: ${req.bodyError}`];
    const { match, errors } = spec().check(req.method, req.path, req.query, req.body, req.rawBody);
    const body = isObject(req.body) ? req.body : {};
    const op = match?.operationId;
    if (op === "createIssue" || op === "editIssue") {
      const fields = isObject(body.fields) ? body.fields : undefined;
      for (const [k, v] of Object.entries(fieldFormatErrors(body.fields, op === "createIssue")))
        errors.push(`fields.${k}: ${v}`);
      if (fields && "description" in fields && fields.description !== null)
        errors.push(...adfErrors(fields.description, "fields.description"));
    }
    if (op === "addComment" || op === "updateComment") errors.push(...adfErrors(body.body, "body"));
    if (op === "doTransition") errors.push(...transitionRequestErrors(req.body));
    if (op?.startsWith("searchAndReconsileIssuesUsingJql")) {
      const params = searchParams(op, req);
      const jql = String(params.jql ?? "");
      try {
        if (!parseJql(jql).where)
          errors.push("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
      } catch (err) {
        errors.push(err instanceof JqlError ? err.message : String(err));
      }
      if (tokenOffset(jql, params.nextPageToken) === undefined)
        errors.push("nextPageToken was not issued for this JQL query");
    }
    return errors;
  }

  protected handle(req: RecordedRequest, problems: string[]): FakeResponse {
    const match = spec().match(req.method, req.path);
    if (!match) return errorBody(404, ["Not found"]);
    const creds = basicCredentials(req.headers);
    const user = creds && this.users.find((u) => u.email === creds.user && u.apiToken === creds.secret);
    if (!user) return UNAUTHORIZED;
    if (problems.length) {
      const fieldProblems = Object.fromEntries(
        problems
          .map((p) => /^fields\.(\w+): (.*)$/.exec(p))
          .filter((m) => m !== null)
          .map((m) => [m[1], m[2]]),
      );
      return Object.keys(fieldProblems).length ? errorBody(400, [], fieldProblems) : errorBody(400, problems);
    }
    const body = isObject(req.body) ? req.body : {};
    const base = this.url;
    const p = match.pathParams;
    const op = match.operationId;
    const issue = p.issueIdOrKey === undefined ? undefined : this.issue(p.issueIdOrKey);
    if (p.issueIdOrKey !== undefined && !issue) return NO_ISSUE;
    const project = issue
      ? this.project(issue.projectKey)!
      : p.projectIdOrKey === undefined
        ? undefined
        : this.project(p.projectIdOrKey);
    if (p.projectIdOrKey !== undefined && !project)
      return errorBody(404, [`No project could be found with key '${p.projectIdOrKey}'.`]);
    switch (op) {
      case "getCurrentUser":
        return { status: 200, body: userJson(base, user) };
      case "searchProjects":
        return this.searchProjects(req.query);
      case "getCreateIssueMetaIssueTypes":
      case "getCreateIssueMetaIssueTypeId":
        return this.createMeta(op, project!, p.issueTypeId, req.query);
      case "getAllStatuses":
        return projectStatusesAnswer(base, project!);
      case "createIssue": {
        const fields = body.fields as Record<string, unknown>;
        const ref = fields.project as { key?: string; id?: string };
        const target = this.project(ref.key ?? ref.id ?? "");
        const typeRef = fields.issuetype as { id?: string; name?: string };
        const type = target?.issueTypes.find((t) => t.id === typeRef.id || (!typeRef.id && t.name === typeRef.name));
        const errors = screenErrors(fields, target, type);
        if (Object.keys(errors).length || !target || !type) return errorBody(400, [], errors);
        const created = this.createIssue(target, type.id, fields, user.accountId, "api");
        return {
          status: 201,
          body: { id: created.id, key: created.key, self: `${base}/rest/api/3/issue/${created.id}` },
        };
      }
      case "getIssue":
        return {
          status: 200,
          body: issueJson(base, issue!, project!, this.users, selectFields(req.query.getAll("fields"), "all")),
        };
      case "editIssue":
        Object.assign(issue!.fields, isObject(body.fields) ? body.fields : {});
        issue!.updated = new Date().toISOString();
        this.record({ key: issue!.key, kind: "edit", by: user.accountId, via: "api" });
        return { status: 204 };
      case "deleteIssue":
        this.removeIssue(issue!, user.accountId, "api");
        return { status: 204 };
      case "getTransitions":
        return transitionsAnswer(base, issue!, project!, req.query);
      case "doTransition": {
        const id = (body.transition as { id: string }).id;
        const t = availableTransitions(project!.workflow, issue!.statusId).find((x) => x.id === id);
        if (!t) return errorBody(400, [`Transition id '${id}' is not valid for this issue.`]);
        const screen = transitionScreenErrors(body);
        if (Object.keys(screen).length) return errorBody(400, [], screen);
        const history = moveIssue(issue!, project!, t.to, user.accountId, "api", String(this.nextId()));
        this.record({ key: issue!.key, kind: "transition", by: user.accountId, via: "api", history });
        const comments = (body.update as { comment?: { add: { body: unknown } }[] } | undefined)?.comment ?? [];
        for (const c of comments) this.comment(issue!, c.add.body, user.accountId, "api");
        return { status: 204 };
      }
      case "searchAndReconsileIssuesUsingJql":
      case "searchAndReconsileIssuesUsingJqlPost": {
        const params = searchParams(op, req);
        const jql = String(params.jql ?? "");
        return searchPage(
          { base, issues: this.issues, projects: this.projects, users: this.users, pageLimit: this.searchPageLimit },
          jql,
          parseJql(jql),
          params,
        );
      }
      case "getComments": {
        const startAt = Number(req.query.get("startAt") ?? 0);
        const maxResults = Number(req.query.get("maxResults") ?? 100);
        const page = issue!.comments
          .slice(startAt, startAt + maxResults)
          .map((c) => commentJson(base, issue!, c, this.users));
        return { status: 200, body: { startAt, maxResults, total: issue!.comments.length, comments: page } };
      }
      case "addComment":
        return {
          status: 201,
          body: commentJson(base, issue!, this.comment(issue!, body.body, user.accountId, "api"), this.users),
        };
      case "updateComment": {
        const c = issue!.comments.find((x) => x.id === p.id);
        if (!c) return errorBody(404, ["Can not find a comment for the id: " + p.id + "."]);
        Object.assign(c, { body: body.body, updated: new Date().toISOString() });
        this.record({ key: issue!.key, kind: "comment", by: user.accountId, via: "api", commentId: c.id });
        return { status: 200, body: commentJson(base, issue!, c, this.users) };
      }
      default:
        // A real operation the fake cannot answer like Jira would: say so loudly rather than pass.
        this.recordViolation(req, `the fake does not implement ${op}; add it to test/fakes/jira.ts`);
        return errorBody(404, [`The fake does not implement ${op}.`]);
    }
  }

  private createMeta(
    op: string,
    project: JiraProject,
    issueTypeId: string | undefined,
    query: URLSearchParams,
  ): FakeResponse {
    const startAt = Number(query.get("startAt") ?? 0);
    const maxResults = Number(query.get("maxResults") ?? 50);
    if (op === "getCreateIssueMetaIssueTypes") {
      const all = project.issueTypes.map((t) => issueTypeJson(this.url, t));
      return {
        status: 200,
        body: { maxResults, startAt, total: all.length, issueTypes: all.slice(startAt, startAt + maxResults) },
      };
    }
    const type = project.issueTypes.find((t) => t.id === issueTypeId);
    if (!type) return errorBody(404, ["Issue type with id '" + issueTypeId + "' not found."]);
    const all = type.fields.map(fieldMetaJson);
    return {
      status: 200,
      body: {
        maxResults,
        startAt,
        total: all.length,
        fields: all.slice(startAt, startAt + maxResults),
        results: all.slice(startAt, startAt + maxResults),
      },
    };
  }

  private searchProjects(query: URLSearchParams): FakeResponse {
    const startAt = Number(query.get("startAt") ?? 0);
    const maxResults = Number(query.get("maxResults") ?? 50);
    const q = (query.get("query") ?? "").toLowerCase();
    const all = this.projects.filter((p) => !q || p.key.toLowerCase().includes(q) || p.name.toLowerCase().includes(q));
    const values = all.slice(startAt, startAt + maxResults).map((p) => projectJson(this.url, p));
    const isLast = startAt + maxResults >= all.length;
    const self = `${this.url}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
    const nextPage = isLast
      ? {}
      : {
          nextPage: `${this.url}/rest/api/3/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}${q ? `&query=${encodeURIComponent(q)}` : ""}`,
        };
    return { status: 200, body: { self, ...nextPage, maxResults, startAt, total: all.length, isLast, values } };
  }
}

export function createJiraFake(): JiraFake {
  return new JiraFake();
}

export type { JiraUser };
