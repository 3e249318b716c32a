// Confluence Cloud fake: REST v2 (`/wiki/api/v2/…`, validated against test/vendor-specs/confluence-v2-pages.openapi.json)
// plus v1 `GET /wiki/rest/api/user/current`, because v2 has no current-user endpoint; that one path
// is not spec-validated. Auth is Basic `email:apiToken`, as for Jira.
import { adfText } from "./adf";
import { basicCredentials, FakeServer, isObject, type FakeResponse, type RecordedRequest } from "./http";
import { OpenApiValidator } from "./openapi";

export interface ConfluenceUser {
  email: string;
  apiToken: string;
  accountId: string;
  displayName: string;
}
export interface ConfluenceSpace {
  id: string;
  key: string;
  name: string;
  type: "global" | "personal";
  status: "current" | "archived";
  homepageId?: string;
}
export interface ConfluencePage {
  id: string;
  spaceId: string;
  title: string;
  status: "current" | "archived" | "trashed";
  parentId?: string;
  storage: string;
  version: number;
  authorId: string;
  createdAt: string;
}

const V1_CURRENT_USER = "/wiki/rest/api/user/current";
let validator: OpenApiValidator | undefined;
const spec = () => (validator ??= new OpenApiValidator("confluence-v2-pages.openapi.json", "/wiki/api/v2"));

const v2Error = (status: number, code: string, titles: string[]): FakeResponse => ({
  status,
  body: { errors: titles.map((title) => ({ status, code, title, detail: null })) },
});
const NOT_FOUND = v2Error(404, "NOT_FOUND", ["Not Found"]);
// Atlassian's edge answers a wrong email/API-token pair like this on both products.
const UNAUTHORIZED: FakeResponse = { status: 401, body: "Client must be authenticated to access this resource." };

export class ConfluenceFake extends FakeServer {
  readonly users: ConfluenceUser[] = [];
  readonly spaces: ConfluenceSpace[] = [];
  readonly pages: ConfluencePage[] = [];
  private seq = 0;

  addUser(user: Partial<ConfluenceUser> & { email: string; apiToken: string }): ConfluenceUser {
    const u = { accountId: `712020:fake-${this.users.length}`, displayName: user.email.split("@")[0], ...user };
    this.users.push(u);
    return u;
  }

  addSpace(space: Partial<ConfluenceSpace> & { key: string }): ConfluenceSpace {
    const s: ConfluenceSpace = {
      id: String(98000 + ++this.seq),
      name: `${space.key} space`,
      type: "global",
      status: "current",
      ...space,
    };
    this.spaces.push(s);
    return s;
  }

  /** `body` is storage-format XHTML. `space` is a space key or id. */
  addPage(page: {
    space: string;
    title: string;
    body?: string;
    parentId?: string;
    id?: string;
    status?: ConfluencePage["status"];
  }): ConfluencePage {
    const space = this.spaces.find((s) => s.key === page.space || s.id === page.space);
    if (!space) throw new Error(`no space ${page.space}; addSpace first`);
    const p: ConfluencePage = {
      id: page.id ?? String(65000 + ++this.seq),
      spaceId: space.id,
      title: page.title,
      status: page.status ?? "current",
      parentId: page.parentId,
      storage: page.body ?? "",
      version: 1,
      authorId: this.users[0]?.accountId ?? "712020:fake",
      createdAt: new Date().toISOString(),
    };
    this.pages.push(p);
    space.homepageId ??= p.id;
    return p;
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    return {
      ...v2Error(429, "TOO_MANY_REQUESTS", ["Rate limit exceeded"]),
      headers: { "Retry-After": String(seconds) },
    };
  }

  protected override validate(req: RecordedRequest): string[] {
    if (req.path === V1_CURRENT_USER)
      return req.method === "GET" ? [] : [`${req.method} is not allowed on ${V1_CURRENT_USER}`];
    if (req.bodyError) return [`body is not valid JSON: ${req.bodyError}`];
    const errors = spec().check(req.method, req.path, req.query, req.body, req.rawBody).errors;
    if (req.method === "PUT" && /^\/wiki\/api\/v2\/pages\/[^/]+$/.test(req.path))
      errors.push(...pageUpdateProblems(req.body));
    return errors;
  }

  protected handle(req: RecordedRequest, problems: string[]): FakeResponse {
    const creds = basicCredentials(req.headers);
    const user = creds && this.users.find((u) => u.email === creds.user && u.apiToken === creds.secret);
    if (!user) return UNAUTHORIZED;
    if (req.path === V1_CURRENT_USER) {
      return {
        status: 200,
        body: {
          type: "known",
          accountId: user.accountId,
          accountType: "atlassian",
          email: user.email,
          publicName: user.displayName,
          displayName: user.displayName,
          _links: { base: `${this.url}/wiki`, context: "/wiki", self: `${this.url}${V1_CURRENT_USER}` },
        },
      };
    }
    const match = spec().match(req.method, req.path);
    if (!match) return NOT_FOUND;
    if (problems.length) return v2Error(400, "INVALID_REQUEST_PARAMETER", problems);
    const q = req.query;
    const id = match.pathParams.id;
    switch (match.operationId) {
      case "getSpaces": {
        const keys = listParam(q, "keys");
        const ids = listParam(q, "ids");
        const found = this.spaces.filter(
          (s) =>
            (!keys || keys.includes(s.key)) &&
            (!ids || ids.includes(s.id)) &&
            (!q.get("type") || s.type === q.get("type")) &&
            (!q.get("status") || s.status === q.get("status")),
        );
        return this.page(
          req,
          found.map((s) => this.spaceJson(s)),
        );
      }
      case "getPagesInSpace":
      case "getPages": {
        const spaceIds = match.operationId === "getPagesInSpace" ? [id] : listParam(q, "space-id");
        if (spaceIds && match.operationId === "getPagesInSpace" && !this.spaces.some((s) => s.id === id))
          return NOT_FOUND;
        const ids = listParam(q, "id");
        const statuses = listParam(q, "status") ?? ["current", "archived"];
        const found = this.pages.filter(
          (p) =>
            (!spaceIds || spaceIds.includes(p.spaceId)) &&
            (!ids || ids.includes(p.id)) &&
            statuses.includes(p.status) &&
            (!q.get("title") || p.title === q.get("title")) &&
            (q.get("depth") !== "root" || !p.parentId),
        );
        return this.page(
          req,
          found.map((p) => this.pageJson(p, q.get("body-format"))),
        );
      }
      case "getPageById": {
        const page = this.pages.find((p) => p.id === id);
        return page
          ? {
              status: 200,
              body: {
                ...this.pageJson(page, q.get("body-format")),
                _links: { ...this.pageLinks(page), base: `${this.url}/wiki` },
              },
            }
          : NOT_FOUND;
      }
      case "updatePage": {
        const page = this.pages.find((p) => p.id === id);
        if (!page) return NOT_FOUND;
        const body = isObject(req.body) ? req.body : {};
        const version = isObject(body.version) ? Number(body.version.number) : NaN;
        if (version !== page.version + 1) {
          return v2Error(409, "CONFLICT", [
            `Version must be incremented when updating a page. Current Version: [${page.version}]. Provided version: [${version}]`,
          ]);
        }
        // The body is either `{representation, value}` or nested `{storage: {representation, value}}`.
        const content = isObject(body.body) ? (isObject(body.body.storage) ? body.body.storage : body.body) : {};
        Object.assign(page, {
          title: String(body.title ?? page.title),
          storage: typeof content.value === "string" ? content.value : page.storage,
          version,
        });
        return { status: 200, body: this.pageJson(page, "storage") };
      }
      default:
        return v2Error(404, "NOT_FOUND", [`The fake does not implement ${match.operationId}.`]);
    }
  }

  /** Cursor pagination: the next page's relative URL goes in `_links.next` and a `Link` header. */
  private page(req: RecordedRequest, all: unknown[]): FakeResponse {
    const limit = Number(req.query.get("limit") ?? 25);
    const cursor = req.query.get("cursor");
    const offset = cursor ? Number(Buffer.from(cursor, "base64url").toString()) || 0 : 0;
    const results = all.slice(offset, offset + limit);
    const links: Record<string, string> = { base: `${this.url}/wiki` };
    const headers: Record<string, string> = {};
    if (offset + limit < all.length) {
      const next = new URLSearchParams(req.query);
      next.set("cursor", Buffer.from(String(offset + limit)).toString("base64url"));
      links.next = `${req.path}?${next.toString()}`;
      headers.Link = `<${links.next}>; rel="next", <${links.base}>; rel="base"`;
    }
    return { status: 200, body: { results, _links: links }, headers };
  }

  private spaceJson(s: ConfluenceSpace): Record<string, unknown> {
    return {
      id: s.id,
      key: s.key,
      name: s.name,
      type: s.type,
      status: s.status,
      authorId: this.users[0]?.accountId ?? "712020:fake",
      createdAt: "2024-01-01T00:00:00.000Z",
      homepageId: s.homepageId ?? null,
      description: null,
      icon: null,
      _links: { webui: `/spaces/${s.key}` },
    };
  }

  private pageLinks(p: ConfluencePage): Record<string, string> {
    const key = this.spaces.find((s) => s.id === p.spaceId)?.key ?? p.spaceId;
    return {
      webui: `/spaces/${key}/pages/${p.id}/${encodeURIComponent(p.title.replace(/ /g, "+"))}`,
      editui: `/pages/resumedraft.action?draftId=${p.id}`,
      tinyui: `/x/${p.id}`,
    };
  }

  private pageJson(p: ConfluencePage, bodyFormat: string | null): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    if (bodyFormat === "storage") body.storage = { representation: "storage", value: p.storage };
    if (bodyFormat === "atlas_doc_format")
      body.atlas_doc_format = {
        representation: "atlas_doc_format",
        value: JSON.stringify(adfText(p.storage.replace(/<[^>]*>/g, ""))),
      };
    return {
      id: p.id,
      status: p.status,
      title: p.title,
      spaceId: p.spaceId,
      parentId: p.parentId ?? null,
      parentType: p.parentId ? "page" : null,
      position: 0,
      authorId: p.authorId,
      ownerId: p.authorId,
      lastOwnerId: null,
      createdAt: p.createdAt,
      version: { createdAt: p.createdAt, message: "", number: p.version, minorEdit: false, authorId: p.authorId },
      body,
      _links: this.pageLinks(p),
    };
  }
}

function listParam(q: URLSearchParams, name: string): string[] | undefined {
  const values = q
    .getAll(name)
    .flatMap((v) => v.split(","))
    .filter(Boolean);
  return values.length ? values : undefined;
}

export function createConfluenceFake(): ConfluenceFake {
  return new ConfluenceFake();
}

const REPRESENTATIONS = ["storage", "atlas_doc_format", "wiki"];

/**
 * What Confluence itself requires of a page update, beyond the spec (whose two body branches,
 * PageBodyWrite and PageNestedBodyWrite, declare no required property, so any object fits them):
 * a title, a version number, and a body with a known `representation` and a string `value`,
 * flat or nested under `storage` / `atlas_doc_format`.
 */
function pageUpdateProblems(body: unknown): string[] {
  if (!isObject(body)) return [];
  const problems: string[] = [];
  if (typeof body.title !== "string" || body.title === "") problems.push("body/title is required for a page update");
  if (!isObject(body.version) || typeof body.version.number !== "number")
    problems.push("body/version/number is required for a page update");
  const content = body.body;
  if (!isObject(content)) return problems; // the spec check already names a body that is not an object
  const nestedKey = ["storage", "atlas_doc_format"].find((k) => k in content);
  const part = nestedKey ? content[nestedKey] : content;
  if (!isObject(part)) return [...problems, `body/body/${nestedKey} must be an object`];
  if (typeof part.representation !== "string" || !REPRESENTATIONS.includes(part.representation)) {
    problems.push(
      `body/body${nestedKey ? `/${nestedKey}` : ""}/representation must be one of ${REPRESENTATIONS.join(", ")}`,
    );
  }
  if (typeof part.value !== "string")
    problems.push(`body/body${nestedKey ? `/${nestedKey}` : ""}/value must be a string`);
  return problems;
}
