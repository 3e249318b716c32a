// Jira Cloud REST v3 fake. Every request is checked against Atlassian's OpenAPI file (path, query,
// body) and issue descriptions/comments against the ADF JSON Schema. Violations are problems with
// the request itself; errors that depend on seeded configuration (unknown project, a required
// custom field) are answered like Jira but are not violations.
import { adfErrors } from "./adf";
import { basicCredentials, FakeServer, isObject, type FakeResponse, type RecordedRequest } from "./http";
import {
  commentJson, fieldFormatErrors, fieldMetaJson, issueJson, issueTypeJson, makeProject, projectJson, screenErrors,
  seedDescription, selectFields, userJson,
  type JiraIssue, type JiraProject, type JiraUser, type ProjectSeed,
} from "./jira-model";
import { OpenApiValidator } from "./openapi";

export * from "./jira-model";

let validator: OpenApiValidator | undefined;
const spec = () => (validator ??= new OpenApiValidator("jira-platform-swagger-v3.v3.json"));

// What Jira Cloud answers (401, text/plain) to a wrong email/API-token pair.
const UNAUTHORIZED: FakeResponse = {
  status: 401,
  body: "Client must be authenticated to access this resource.",
  headers: { "X-Seraph-LoginReason": "AUTHENTICATED_FAILED" },
};
const errorBody = (status: number, errorMessages: string[], errors: Record<string, string> = {}): FakeResponse => ({ status, body: { errorMessages, errors } });
const NO_ISSUE = errorBody(404, ["Issue does not exist or you do not have permission to see it."]);

export interface IssueSeed { projectKey: string; summary: string; description?: unknown; issueTypeId?: string; comments?: unknown[]; fields?: Record<string, unknown> }

export class JiraFake extends FakeServer {
  readonly users: JiraUser[] = [];
  readonly projects: JiraProject[] = [];
  readonly issues: JiraIssue[] = [];
  private seq = 0;

  addUser(user: Partial<JiraUser> & { email: string; apiToken: string }): JiraUser {
    const u = { accountId: `5b10ac8d82e05b22cc7d4e${this.users.length}`, displayName: user.email.split("@")[0], ...user };
    this.users.push(u);
    return u;
  }

  addProject(seed: ProjectSeed): JiraProject {
    const p = makeProject(seed, this.projects.length);
    this.projects.push(p);
    return p;
  }

  addIssue(seed: IssueSeed): JiraIssue {
    const project = this.project(seed.projectKey);
    if (!project) throw new Error(`no project ${seed.projectKey}; addProject first`);
    const fields = { ...seed.fields, summary: seed.summary, description: seed.description === undefined ? null : seedDescription(seed.description) };
    const issue = this.createIssue(project, seed.issueTypeId ?? project.issueTypes[0].id, fields);
    const author = this.users[0]?.accountId ?? "557058:fake";
    issue.comments = (seed.comments ?? []).map((c) => ({ id: String(10000 + ++this.seq), body: seedDescription(c), authorId: author, created: issue.created, updated: issue.created }));
    return issue;
  }

  issue(keyOrId: string): JiraIssue | undefined {
    return this.issues.find((i) => i.key === keyOrId || i.id === keyOrId);
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    return { ...errorBody(429, ["Rate limit exceeded."]), headers: { "Retry-After": String(seconds) } };
  }

  protected override validate(req: RecordedRequest): string[] {
    if (req.bodyError) return [`body is not valid JSON: ${req.bodyError}`];
    const { match, errors } = spec().check(req.method, req.path, req.query, req.body, req.rawBody);
    const body = isObject(req.body) ? req.body : {};
    const op = match?.operationId;
    if (op === "createIssue" || op === "editIssue") {
      const fields = isObject(body.fields) ? body.fields : undefined;
      for (const [k, v] of Object.entries(fieldFormatErrors(body.fields, op === "createIssue"))) errors.push(`fields.${k}: ${v}`);
      if (fields && "description" in fields && fields.description !== null) errors.push(...adfErrors(fields.description, "fields.description"));
    }
    if (op === "addComment" || op === "updateComment") errors.push(...adfErrors(body.body, "body"));
    if (op?.startsWith("searchAndReconsileIssuesUsingJql")) {
      const jql = String((op.endsWith("Post") ? body.jql : req.query.get("jql")) ?? "");
      if (jql.replace(/order\s+by.*$/i, "").trim() === "") errors.push("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
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
      const fieldProblems = Object.fromEntries(problems.map((p) => /^fields\.(\w+): (.*)$/.exec(p)).filter((m) => m !== null).map((m) => [m[1], m[2]]));
      return Object.keys(fieldProblems).length ? errorBody(400, [], fieldProblems) : errorBody(400, problems);
    }
    const body = isObject(req.body) ? req.body : {};
    const base = this.url;
    const p = match.pathParams;
    switch (match.operationId) {
      case "getCurrentUser":
        return { status: 200, body: userJson(base, user) };
      case "searchProjects":
        return this.searchProjects(req.query);
      case "getCreateIssueMetaIssueTypes":
      case "getCreateIssueMetaIssueTypeId": {
        const project = this.project(p.projectIdOrKey);
        if (!project) return errorBody(404, ["No project could be found with key '" + p.projectIdOrKey + "'."]);
        const startAt = Number(req.query.get("startAt") ?? 0);
        const maxResults = Number(req.query.get("maxResults") ?? 50);
        if (match.operationId === "getCreateIssueMetaIssueTypes") {
          const all = project.issueTypes.map((t) => issueTypeJson(base, t));
          return { status: 200, body: { maxResults, startAt, total: all.length, issueTypes: all.slice(startAt, startAt + maxResults) } };
        }
        const type = project.issueTypes.find((t) => t.id === p.issueTypeId);
        if (!type) return errorBody(404, ["Issue type with id '" + p.issueTypeId + "' not found."]);
        const all = type.fields.map(fieldMetaJson);
        return { status: 200, body: { maxResults, startAt, total: all.length, fields: all.slice(startAt, startAt + maxResults), results: all.slice(startAt, startAt + maxResults) } };
      }
      case "createIssue": {
        const fields = body.fields as Record<string, unknown>;
        const ref = fields.project as { key?: string; id?: string };
        const project = this.project(ref.key ?? ref.id ?? "");
        const typeRef = fields.issuetype as { id?: string; name?: string };
        const type = project?.issueTypes.find((t) => t.id === typeRef.id || (!typeRef.id && t.name === typeRef.name));
        const errors = screenErrors(fields, project, type);
        if (Object.keys(errors).length || !project || !type) return errorBody(400, [], errors);
        const issue = this.createIssue(project, type.id, fields);
        return { status: 201, body: { id: issue.id, key: issue.key, self: `${base}/rest/api/3/issue/${issue.id}` } };
      }
      case "getIssue": {
        const issue = this.issue(p.issueIdOrKey);
        if (!issue) return NO_ISSUE;
        return { status: 200, body: issueJson(base, issue, this.project(issue.projectKey)!, this.users, selectFields(req.query.getAll("fields"), "all")) };
      }
      case "editIssue": {
        const issue = this.issue(p.issueIdOrKey);
        if (!issue) return NO_ISSUE;
        Object.assign(issue.fields, isObject(body.fields) ? body.fields : {});
        issue.updated = new Date().toISOString();
        return { status: 204 };
      }
      case "searchAndReconsileIssuesUsingJql":
      case "searchAndReconsileIssuesUsingJqlPost":
        return this.search(match.operationId.endsWith("Post") ? body : Object.fromEntries([...req.query.keys()].map((k) => [k, k === "fields" ? req.query.getAll(k) : req.query.get(k)])));
      case "getComments":
      case "addComment":
      case "updateComment": {
        const issue = this.issue(p.issueIdOrKey);
        if (!issue) return NO_ISSUE;
        const now = new Date().toISOString();
        if (match.operationId === "addComment") {
          const c = { id: String(10000 + ++this.seq), body: body.body, authorId: user.accountId, created: now, updated: now };
          issue.comments.push(c);
          return { status: 201, body: commentJson(base, issue, c, this.users) };
        }
        if (match.operationId === "updateComment") {
          const c = issue.comments.find((x) => x.id === p.id);
          if (!c) return errorBody(404, ["Can not find a comment for the id: " + p.id + "."]);
          Object.assign(c, { body: body.body, updated: now });
          return { status: 200, body: commentJson(base, issue, c, this.users) };
        }
        const startAt = Number(req.query.get("startAt") ?? 0);
        const maxResults = Number(req.query.get("maxResults") ?? 100);
        const page = issue.comments.slice(startAt, startAt + maxResults).map((c) => commentJson(base, issue, c, this.users));
        return { status: 200, body: { startAt, maxResults, total: issue.comments.length, comments: page } };
      }
      default:
        return errorBody(404, [`The fake does not implement ${match.operationId}.`]);
    }
  }

  private project(keyOrId: string): JiraProject | undefined {
    return this.projects.find((p) => p.key === keyOrId || p.id === keyOrId);
  }

  private createIssue(project: JiraProject, issueTypeId: string, fields: Record<string, unknown>): JiraIssue {
    const n = this.issues.filter((i) => i.projectKey === project.key).length + 1;
    const now = new Date().toISOString();
    const issue: JiraIssue = { id: String(10000 + ++this.seq), key: `${project.key}-${n}`, projectKey: project.key, issueTypeId, fields: { ...fields }, comments: [], created: now, updated: now };
    delete issue.fields.project;
    delete issue.fields.issuetype;
    this.issues.push(issue);
    return issue;
  }

  private searchProjects(query: URLSearchParams): FakeResponse {
    const startAt = Number(query.get("startAt") ?? 0);
    const maxResults = Number(query.get("maxResults") ?? 50);
    const q = (query.get("query") ?? "").toLowerCase();
    const all = this.projects.filter((p) => !q || p.key.toLowerCase().includes(q) || p.name.toLowerCase().includes(q));
    const values = all.slice(startAt, startAt + maxResults).map((p) => projectJson(this.url, p));
    const isLast = startAt + maxResults >= all.length;
    const self = `${this.url}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
    const nextPage = isLast ? {} : { nextPage: `${this.url}/rest/api/3/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}${q ? `&query=${encodeURIComponent(q)}` : ""}` };
    return { status: 200, body: { self, ...nextPage, maxResults, startAt, total: all.length, isLast, values } };
  }

  /** Understands `project = X`, `project in (X, Y)`, `key = X-1`/`issuekey in (…)`; ignores the rest. */
  private search(params: Record<string, unknown>): FakeResponse {
    const jql = String(params.jql ?? "");
    const list = (re: RegExp) => {
      const m = re.exec(jql);
      return m ? (m[1] ?? m[2]).split(",").map((s) => s.trim().replace(/^["']|["']$/g, "").toUpperCase()) : undefined;
    };
    const projects = list(/\bproject\s*(?:=\s*("?[\w-]+"?)|in\s*\(([^)]*)\))/i);
    const keys = list(/\b(?:issue)?key\s*(?:=\s*("?[\w-]+"?)|in\s*\(([^)]*)\))/i);
    const matching = this.issues.filter((i) => (!projects || projects.includes(i.projectKey.toUpperCase())) && (!keys || keys.includes(i.key.toUpperCase())));
    const offset = params.nextPageToken ? Number(Buffer.from(String(params.nextPageToken), "base64url").toString()) : 0;
    const maxResults = Math.min(Number(params.maxResults ?? 50), 5000);
    const fields = selectFields(params.fields as string[] | undefined, "id");
    const issues = matching.slice(offset, offset + maxResults).map((i) => {
      const json = issueJson(this.url, i, this.project(i.projectKey)!, this.users, fields);
      return fields && fields.length === 0 ? { id: json.id, key: json.key, self: json.self } : json;
    });
    const isLast = offset + maxResults >= matching.length;
    return { status: 200, body: { issues, isLast, ...(isLast ? {} : { nextPageToken: Buffer.from(String(offset + maxResults)).toString("base64url") }) } };
  }
}

export function createJiraFake(): JiraFake {
  return new JiraFake();
}
