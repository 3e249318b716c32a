// monday.com platform API fake: `POST /v2` GraphQL, parsed and validated against monday's own SDL
// (monday-schema.graphql, API 2026-10) and executed with graphql-js over seeded data.
//
// Answers follow monday's documented error handling: application errors (GraphQL validation,
// ColumnValueException, InvalidBoardIdException) are HTTP 200 with an `errors` array and
// `account_id`; transport errors are 400 (no query), 401 (bad token) and 429 (rate limit, with
// Retry-After). For 401 monday has used both a legacy `{"error_message","status_code"}` body and a
// GraphQL `errors` array over the API versions, so the fake sends both keys.
import fs from "node:fs";
import path from "node:path";
import {
  buildSchema, execute, getVariableValues, GraphQLError, parse, validate as validateQuery,
  type DocumentNode, type GraphQLSchema, type OperationDefinitionNode,
} from "graphql";
import { FakeServer, isObject, type FakeResponse, type RecordedRequest } from "./http";
import { checkColumnValues, parseColumnValues, type MondayColumn } from "./monday-columns";
import { vendorSpecsDir } from "./openapi";

export type { MondayColumn } from "./monday-columns";
export interface MondayAccount { id: string; name: string; slug: string }
export interface MondayUser { id: string; name: string; email: string }
export interface MondayWorkspace { id: string; name: string; kind: "open" | "closed" | "template"; description?: string }
export interface MondayGroup { id: string; title: string }
export interface MondayItem { id: string; name: string; board_id: string; group_id: string; column_values: Record<string, unknown> }
export interface MondayBoard { id: string; name: string; workspace_id: string; columns: MondayColumn[]; groups: MondayGroup[] }

let schema: GraphQLSchema | undefined;
function mondaySchema(): GraphQLSchema {
  schema ??= buildSchema(fs.readFileSync(path.join(vendorSpecsDir(), "monday-schema.graphql"), "utf8"));
  return schema;
}

interface Analysis { document?: DocumentNode; variables?: Record<string, unknown>; operationName?: string; errors: GraphQLError[]; transport?: string }

/** Parses and validates the GraphQL request; pure, so validate() and handle() can both use it. */
function analyse(req: RecordedRequest): Analysis {
  const body = req.body;
  if (req.bodyError || !isObject(body) || typeof body.query !== "string" || body.query.trim() === "") return { errors: [], transport: "No query string was present" };
  if (body.variables !== undefined && body.variables !== null && !isObject(body.variables)) return { errors: [], transport: "variables must be a JSON object" };
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (err) {
    return { errors: [err instanceof GraphQLError ? err : new GraphQLError(String(err))] };
  }
  const errors = [...validateQuery(mondaySchema(), document)];
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
  const variables = isObject(body.variables) ? body.variables : {};
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition" && (!operationName || d.name?.value === operationName));
  if (!errors.length && op) {
    const coerced = getVariableValues(mondaySchema(), op.variableDefinitions ?? [], variables);
    if (coerced.errors) errors.push(...coerced.errors);
  }
  return { document, variables, operationName, errors };
}

export class MondayFake extends FakeServer {
  account: MondayAccount = { id: "9876543", name: "Acme", slug: "acme" };
  readonly workspaces: MondayWorkspace[] = [];
  readonly boards: MondayBoard[] = [];
  readonly items: MondayItem[] = [];
  private readonly tokens = new Map<string, MondayUser>();
  private seq = 0;

  /** `POST` GraphQL here (what `MONDAY_API_URL` should be). */
  get apiUrl(): string {
    return `${this.url}/v2`;
  }

  addToken(token: string, user: Partial<MondayUser> = {}): MondayUser {
    const u = { id: String(40000 + this.tokens.size), name: "Test User", email: "user@example.com", ...user };
    this.tokens.set(token, u);
    return u;
  }

  addWorkspace(ws: Partial<MondayWorkspace> & { name: string }): MondayWorkspace {
    const w: MondayWorkspace = { id: String(500000 + ++this.seq), kind: "open", ...ws };
    this.workspaces.push(w);
    return w;
  }

  /** Columns default to the board's `name` column; groups default to one "Topics" group. */
  addBoard(board: Partial<MondayBoard> & { name: string; workspace_id: string }): MondayBoard {
    const b: MondayBoard = { id: String(1800000000 + ++this.seq), columns: [{ id: "name", title: "Name", type: "name" }], groups: [{ id: "topics", title: "Topics" }], ...board };
    this.boards.push(b);
    return b;
  }

  /** The next request gets an application error inside HTTP 200, as monday sends them. */
  errorNext(message: string, code = "InternalServerException"): void {
    this.failNext({ status: 200, body: { errors: [{ message, extensions: { code, status_code: 200, error_data: {} } }], account_id: Number(this.account.id) } });
  }

  override reset(): void {
    super.reset();
    this.items.length = 0;
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    return {
      status: 429,
      headers: { "Retry-After": String(seconds) },
      body: { errors: [{ message: "Rate limit exceeded", extensions: { code: "RATE_LIMIT_EXCEEDED", retry_in_seconds: seconds, status_code: 429 } }], account_id: Number(this.account.id) },
    };
  }

  protected override validate(req: RecordedRequest): string[] {
    if (req.method !== "POST" || req.path.replace(/\/$/, "") !== "/v2") return [`unexpected ${req.method} ${req.path}`];
    const problems: string[] = [];
    const version = req.headers["api-version"];
    if (typeof version !== "string" || !/^\d{4}-\d{2}$/.test(version)) problems.push("API-Version header (YYYY-MM) is missing or malformed");
    const analysis = analyse(req);
    if (analysis.transport) problems.push(analysis.transport);
    problems.push(...analysis.errors.map((e) => `GraphQL: ${e.message}`));
    return problems;
  }

  protected async handle(req: RecordedRequest): Promise<FakeResponse> {
    if (req.method !== "POST" || req.path.replace(/\/$/, "") !== "/v2") return { status: 404, body: { error_message: "Not Found", status_code: 404 } };
    const user = this.tokens.get(String(req.headers.authorization ?? ""));
    if (!user) {
      return { status: 401, body: { errors: [{ message: "Not Authenticated", extensions: { code: "UNAUTHENTICATED", status_code: 401 } }], error_message: "Not Authenticated", status_code: 401 } };
    }
    const account_id = Number(this.account.id);
    const a = analyse(req);
    if (a.transport) return { status: 400, body: { error_message: a.transport, status_code: 400 } };
    if (!a.document || a.errors.length) return { status: 200, body: { errors: a.errors.map((e) => e.toJSON()), account_id } };
    const result = await execute({ schema: mondaySchema(), document: a.document, rootValue: this.root(req, user), variableValues: a.variables, operationName: a.operationName });
    const body: Record<string, unknown> = { data: result.data ?? null, account_id, extensions: { request_id: `fake-${++this.seq}` } };
    if (result.errors?.length) body.errors = result.errors.map((e) => e.toJSON());
    return { status: 200, body };
  }

  private root(req: RecordedRequest, user: MondayUser): Record<string, unknown> {
    const page = <T>(all: T[], limit: unknown, pageNo: unknown, fallback: number): T[] => {
      const size = typeof limit === "number" ? limit : fallback;
      const start = ((typeof pageNo === "number" ? pageNo : 1) - 1) * size;
      return all.slice(start, start + size);
    };
    const board = (b: MondayBoard) => ({ ...b, board_kind: "public", state: "active", url: `https://${this.account.slug}.monday.com/boards/${b.id}`, workspace: this.workspaces.find((w) => w.id === b.workspace_id) ?? null });
    return {
      me: () => ({ ...user, account: this.account, account_id: this.account.id, url: `https://${this.account.slug}.monday.com`, title: "", kind: "admin", is_deleted: false }),
      workspaces: (args: { ids?: string[]; kind?: string; limit?: number; page?: number }) =>
        page(this.workspaces.filter((w) => (!args.ids || args.ids.includes(w.id)) && (!args.kind || w.kind === args.kind)), args.limit, args.page, 25).map((w) => ({ ...w, state: "active" })),
      boards: (args: { ids?: string[]; workspace_ids?: (string | null)[]; limit?: number; page?: number }) =>
        page(this.boards.filter((b) => (!args.ids || args.ids.includes(b.id)) && (!args.workspace_ids || args.workspace_ids.includes(b.workspace_id))), args.limit, args.page, 25).map(board),
      create_item: (args: { board_id: string; group_id?: string; item_name: string; column_values?: unknown; create_labels_if_missing?: boolean }) => {
        const b = this.boards.find((x) => x.id === String(args.board_id));
        const fail = (message: string, code: string, error_data: Record<string, unknown> = {}) => new GraphQLError(message, { extensions: { code, status_code: 200, error_data } });
        if (!b) throw fail("Board not found", "InvalidBoardIdException", { board_id: args.board_id });
        const group = args.group_id ? b.groups.find((g) => g.id === args.group_id) : b.groups[0];
        if (!group) throw fail("Group not found", "InvalidGroupIdException", { group_id: args.group_id });
        if (args.item_name.length > 255) throw fail("Item name is too long", "ItemNameTooLongException");
        const parsed = parseColumnValues(args.column_values);
        if (!parsed.values) {
          this.recordViolation(req, `create_item: ${parsed.error}`);
          throw fail(`${parsed.error}`, "JsonParseException");
        }
        const problems = checkColumnValues(parsed.values, b.columns, args.create_labels_if_missing === true);
        for (const p of problems.filter((x) => x.malformed)) this.recordViolation(req, `create_item column_values.${p.columnId} (${p.columnType ?? "unknown column"}): ${p.message}`);
        const first = problems[0];
        if (first) throw fail(first.message, first.code, { column_id: first.columnId, board_id: b.id, ...(first.columnType ? { column_type: first.columnType } : {}) });
        const item: MondayItem = { id: String(9000000000 + ++this.seq), name: args.item_name, board_id: b.id, group_id: group.id, column_values: parsed.values };
        this.items.push(item);
        const column_values = b.columns.filter((c) => c.id in item.column_values).map((c) => columnValueJson(c, item.column_values[c.id]));
        return { ...item, column_values, board: board(b), group, url: `https://${this.account.slug}.monday.com/boards/${b.id}/pulses/${item.id}` };
      },
    };
  }
}

/** An item's `column_values` entry; `__typename` lets graphql-js resolve the ColumnValue interface. */
function columnValueJson(column: MondayColumn, value: unknown): Record<string, unknown> {
  const name = column.type.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase()) + "Value";
  const __typename = mondaySchema().getType(name) ? name : "UnsupportedValue";
  const text = typeof value === "string" ? value : isObject(value) ? String(value.text ?? value.label ?? value.date ?? "") : "";
  return { __typename, id: column.id, type: column.type, text, value: JSON.stringify(value), column };
}

export function createMondayFake(): MondayFake {
  return new MondayFake();
}
