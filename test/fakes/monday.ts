// monday.com platform API fake: `POST /v2` GraphQL, parsed and validated against monday's own SDL
// (monday-schema.graphql, API 2026-10) and executed with graphql-js over seeded data. The account's
// data and the helpers that act in monday as a person would are in monday-site.ts; items and
// status columns in monday-items.ts and monday-status.ts; webhooks in monday-webhooks.ts.
//
// Answers follow monday's documented error handling: application errors (GraphQL validation,
// ColumnValueException, InvalidBoardIdException) are HTTP 200 with an `errors` array and
// `account_id`; transport errors are 400 (no query), 401 (bad token) and 429 (rate limit, with
// Retry-After; `complexityLimitNext` gives the complexity budget's COMPLEXITY_BUDGET_EXHAUSTED in
// the 2025-07+ shape). For 401 monday has used both a legacy `{"error_message","status_code"}` body
// and a GraphQL `errors` array over the API versions, so the fake sends both keys.
import fs from "node:fs";
import path from "node:path";
import {
  buildSchema,
  execute,
  getVariableValues,
  GraphQLError,
  parse,
  validate as validateQuery,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { isObject, type FakeResponse, type RecordedRequest } from "./http";
import { checkColumnValues, parseColumnValues } from "./monday-columns";
import { groupJson, itemJson, itemResolvers, type ItemHost } from "./monday-items";
import { MondaySite, type MondayBoard, type MondayItem, type MondayUser } from "./monday-site";
import { columnJson, statusTarget } from "./monday-status";
import { mondayError, webhookResolvers } from "./monday-webhooks";
import { vendorSpecsDir } from "./openapi";

export type { MondayColumn } from "./monday-columns";
export type {
  MondayAccount,
  MondayBoard,
  MondayChange,
  MondayGroup,
  MondayItem,
  MondayUpdate,
  MondayUser,
  MondayWorkspace,
} from "./monday-site";
export type { MondayEventBody, MondayWebhook } from "./monday-webhooks";
export { statusColumn } from "./monday-status";

let schema: GraphQLSchema | undefined;
function mondaySchema(): GraphQLSchema {
  schema ??= buildSchema(fs.readFileSync(path.join(vendorSpecsDir(), "monday-schema.graphql"), "utf8"));
  return schema;
}

// Column values name their GraphQL type; a column type the SDL has no value type for reads as UnsupportedValue.
const typeResolver = (value: unknown) => {
  const name = isObject(value) && typeof value.__typename === "string" ? value.__typename : "";
  return mondaySchema().getType(name) ? name : "UnsupportedValue";
};

interface Analysis {
  document?: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
  errors: GraphQLError[];
  transport?: string;
}

/** Parses and validates the GraphQL request; pure, so validate() and handle() can both use it. */
function analyse(req: RecordedRequest): Analysis {
  const body = req.body;
  if (req.bodyError || !isObject(body) || typeof body.query !== "string" || body.query.trim() === "")
    return { errors: [], transport: "No query string was present" };
  if (body.variables !== undefined && body.variables !== null && !isObject(body.variables))
    return { errors: [], transport: "variables must be a JSON object" };
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (err) {
    return { errors: [err instanceof GraphQLError ? err : new GraphQLError(String(err))] };
  }
  const errors = [...validateQuery(mondaySchema(), document)];
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
  const variables = isObject(body.variables) ? body.variables : {};
  const op = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === "OperationDefinition" && (!operationName || d.name?.value === operationName),
  );
  if (!errors.length && op) {
    const coerced = getVariableValues(mondaySchema(), op.variableDefinitions ?? [], variables);
    if (coerced.errors) errors.push(...coerced.errors);
  }
  return { document, variables, operationName, errors };
}

/** The top-level fields the executed operation asks for (what the root value must answer). */
function rootFields(a: Analysis): string[] {
  const op = a.document?.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === "OperationDefinition" && (!a.operationName || d.name?.value === a.operationName),
  );
  return (op?.selectionSet.selections ?? []).flatMap((s) =>
    s.kind === "Field" && s.name.value !== "__typename" ? [s.name.value] : [],
  );
}

export class MondayFake extends MondaySite {
  /** The next request gets an application error inside HTTP 200, as monday sends them. */
  errorNext(message: string, code = "InternalServerException"): void {
    this.failNext({
      status: 200,
      body: {
        errors: [{ message, extensions: { code, status_code: 200, error_data: {} } }],
        account_id: Number(this.account.id),
      },
    });
  }

  /** The next request gets the complexity budget error (API 2025-07+ shape) with `Retry-After`. */
  complexityLimitNext(seconds = 1): void {
    this.failNext({
      status: 429,
      headers: { "Retry-After": String(seconds) },
      body: {
        errors: [
          {
            message: "Complexity budget exhausted",
            extensions: { code: "COMPLEXITY_BUDGET_EXHAUSTED", retry_in_seconds: seconds },
          },
        ],
        account_id: Number(this.account.id),
      },
    });
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    return {
      status: 429,
      headers: { "Retry-After": String(seconds) },
      body: {
        errors: [
          {
            message: "Rate limit exceeded",
            extensions: { code: "RATE_LIMIT_EXCEEDED", retry_in_seconds: seconds, status_code: 429 },
          },
        ],
        account_id: Number(this.account.id),
      },
    };
  }

  protected override validate(req: RecordedRequest): string[] {
    if (req.method !== "POST" || req.path.replace(/\/$/, "") !== "/v2") return [`unexpected ${req.method} ${req.path}`];
    const problems: string[] = [];
    const version = req.headers["api-version"];
    if (typeof version !== "string" || !/^\d{4}-\d{2}$/.test(version))
      problems.push("API-Version header (YYYY-MM) is missing or malformed");
    const analysis = analyse(req);
    if (analysis.transport) problems.push(analysis.transport);
    problems.push(...analysis.errors.map((e) => `GraphQL: ${e.message}`));
    return problems;
  }

  protected async handle(req: RecordedRequest): Promise<FakeResponse> {
    if (req.method !== "POST" || req.path.replace(/\/$/, "") !== "/v2")
      return { status: 404, body: { error_message: "Not Found", status_code: 404 } };
    const user = this.tokens.get(String(req.headers.authorization ?? ""));
    if (!user) {
      return {
        status: 401,
        body: {
          errors: [{ message: "Not Authenticated", extensions: { code: "UNAUTHENTICATED", status_code: 401 } }],
          error_message: "Not Authenticated",
          status_code: 401,
        },
      };
    }
    const account_id = Number(this.account.id);
    const a = analyse(req);
    if (a.transport) return { status: 400, body: { error_message: a.transport, status_code: 400 } };
    if (!a.document || a.errors.length)
      return { status: 200, body: { errors: a.errors.map((e) => e.toJSON()), account_id } };
    const rootValue = this.root(req, user);
    for (const name of rootFields(a))
      if (!(name in rootValue))
        this.recordViolation(req, `the fake does not implement ${name}; add it to test/fakes/monday.ts`);
    const result = await execute({
      schema: mondaySchema(),
      document: a.document,
      rootValue,
      variableValues: a.variables,
      operationName: a.operationName,
      typeResolver,
    });
    const body: Record<string, unknown> = {
      data: result.data ?? null,
      account_id,
      extensions: { request_id: `fake-${this.nextId()}` },
    };
    if (result.errors?.length) body.errors = result.errors.map((e) => e.toJSON());
    return { status: 200, body };
  }

  private root(req: RecordedRequest, user: MondayUser): Record<string, unknown> {
    const page = <T>(all: T[], limit: unknown, pageNo: unknown, fallback: number): T[] => {
      const size = typeof limit === "number" ? limit : fallback;
      const start = ((typeof pageNo === "number" ? pageNo : 1) - 1) * size;
      return all.slice(start, start + size);
    };
    const board = (b: MondayBoard) => ({
      ...b,
      board_kind: "public",
      state: "active",
      url: `https://${this.account.slug}.monday.com/boards/${b.id}`,
      workspace: this.workspaces.find((w) => w.id === b.workspace_id) ?? null,
      columns: (args: { ids?: string[]; types?: string[] }) =>
        b.columns
          .filter((c) => (!args.ids || args.ids.includes(c.id)) && (!args.types || args.types.includes(c.type)))
          .map(columnJson),
      groups: (args: { ids?: string[] }) =>
        b.groups.filter((g) => !args.ids || args.ids.includes(g.id)).map((g) => groupJson(b, g.id)),
    });
    const violation = (message: string) => this.recordViolation(req, message);
    const host: ItemHost = {
      boards: this.boards,
      items: this.items,
      updates: this.updates,
      slug: this.account.slug,
      violation,
      boardJson: board,
      nextId: () => this.nextId(),
      writeStatus: (...a) => this.writeStatus(...a),
      removeItem: (...a) => this.removeItem(...a),
      record: (c) => this.record(c),
      userById: (id) => [...this.tokens.values(), this.person()].find((u) => u.id === id),
    };
    const complexity = () => ({ before: 5_000_000, after: 4_999_990, query: 10, reset_in_x_seconds: 60 });
    return {
      ...itemResolvers(host, user),
      ...webhookResolvers(
        {
          boards: this.boards,
          webhooks: this.webhooks,
          deliveries: this.deliveries,
          challengeTimeoutMs: this.challengeTimeoutMs,
          nextId: () => this.nextId(),
          violation,
        },
        user.id,
      ),
      complexity,
      me: () => ({
        ...user,
        account: this.account,
        account_id: this.account.id,
        url: `https://${this.account.slug}.monday.com`,
        title: "",
        kind: "admin",
        is_deleted: false,
      }),
      workspaces: (args: { ids?: string[]; kind?: string; limit?: number; page?: number }) =>
        page(
          this.workspaces.filter((w) => (!args.ids || args.ids.includes(w.id)) && (!args.kind || w.kind === args.kind)),
          args.limit,
          args.page,
          25,
        ).map((w) => ({ ...w, state: "active" })),
      boards: (args: { ids?: string[]; workspace_ids?: (string | null)[]; limit?: number; page?: number }) =>
        page(
          this.boards.filter(
            (b) =>
              (!args.ids || args.ids.includes(b.id)) &&
              (!args.workspace_ids || args.workspace_ids.includes(b.workspace_id)),
          ),
          args.limit,
          args.page,
          25,
        ).map(board),
      create_item: (args: {
        board_id: string;
        group_id?: string;
        item_name: string;
        column_values?: unknown;
        create_labels_if_missing?: boolean;
      }) => {
        const b = this.boards.find((x) => x.id === String(args.board_id));
        if (!b) throw mondayError("Board not found", "InvalidBoardIdException", { board_id: args.board_id });
        const group = args.group_id ? b.groups.find((g) => g.id === args.group_id) : b.groups[0];
        if (!group) throw mondayError("Group not found", "InvalidGroupIdException", { group_id: args.group_id });
        if (args.item_name.length > 255) throw mondayError("Item name is too long", "ItemNameTooLongException");
        const parsed = parseColumnValues(args.column_values);
        if (!parsed.values) {
          violation(`create_item: ${parsed.error}`);
          throw mondayError(`${parsed.error}`, "JsonParseException");
        }
        const problems = checkColumnValues(parsed.values, b.columns, args.create_labels_if_missing === true);
        for (const p of problems.filter((x) => x.malformed))
          violation(`create_item column_values.${p.columnId} (${p.columnType ?? "unknown column"}): ${p.message}`);
        const first = problems[0];
        if (first)
          throw mondayError(first.message, first.code, {
            column_id: first.columnId,
            board_id: b.id,
            ...(first.columnType ? { column_type: first.columnType } : {}),
          });
        const now = new Date().toISOString();
        const item: MondayItem = {
          id: String(9000000000 + this.nextId()),
          name: args.item_name,
          board_id: b.id,
          group_id: group.id,
          column_values: parsed.values,
          statuses: {},
          created_at: now,
          updated_at: now,
          creator_id: user.id,
          state: "active",
        };
        for (const c of b.columns.filter((x) => x.type === "status")) {
          const label = parsed.values[c.id] ? statusTarget(c, parsed.values[c.id]).label : undefined;
          if (label) item.statuses![c.id] = { index: label.index, changed_at: now, post_id: null };
        }
        this.items.push(item);
        this.record({ kind: "create", itemId: item.id, boardId: b.id, userId: user.id, via: "api" });
        return itemJson(host, item);
      },
    };
  }
}

export function createMondayFake(): MondayFake {
  return new MondayFake();
}
