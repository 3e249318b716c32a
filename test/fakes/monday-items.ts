// monday.com items as ticket sync reads and changes them: `items(ids:)` for polling, the three
// column-value mutations on status columns, `create_update` (an item's comment) and `delete_item`.
//
// A mutation on an item that does not exist, or sits in the trash, fails with an application
// error coded `InvalidItemIdException` (a code in monday's documented error list; the message is
// the fake's). `items(ids:)` still returns a trashed item, with `state: "deleted"`, unless the query
// passes `exclude_nonactive: true` (the SDL: "Excludes items that are inactive, deleted or belong
// to deleted items"); an item deleted permanently is simply absent.
import { checkColumnValues, parseColumnValues, type MondayColumn } from "./monday-columns";
import type { MondayBoard, MondayChange, MondayItem, MondayUpdate, MondayUser } from "./monday-site";
import { columnJson, statusTarget, statusValueJson } from "./monday-status";
import { mondayError } from "./monday-webhooks";

export interface ItemHost {
  boards: MondayBoard[];
  items: MondayItem[];
  updates: MondayUpdate[];
  slug: string;
  nextId(): number;
  violation(message: string): void;
  writeStatus(
    item: MondayItem,
    column: MondayColumn,
    value: unknown,
    userId: string,
    via: MondayChange["via"],
  ): MondayChange;
  removeItem(item: MondayItem, userId: string, via: MondayChange["via"], permanently: boolean): MondayChange;
  record(change: Omit<MondayChange, "at">): MondayChange;
  userById(id: string): MondayUser | undefined;
  boardJson(board: MondayBoard): Record<string, unknown>;
}

const DOCS = "https://developer.monday.com/api-reference/docs/change-column-values";

/** An item's `column_values` entry; `__typename` lets graphql-js resolve the ColumnValue interface. */
export function columnValueJson(column: MondayColumn, item: MondayItem): Record<string, unknown> {
  const col = columnJson(column);
  if (column.type === "status") return statusValueJson(column, item.statuses?.[column.id], col);
  const value = item.column_values[column.id];
  const name = column.type.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase()) + "Value";
  const text =
    typeof value === "string"
      ? value
      : value && typeof value === "object"
        ? String((value as Record<string, unknown>).text ?? (value as Record<string, unknown>).date ?? "")
        : "";
  return {
    __typename: name,
    id: column.id,
    type: column.type,
    text,
    value: value === undefined ? null : JSON.stringify(value),
    column: col,
    is_leaf: true,
  };
}

export function groupJson(board: MondayBoard, groupId: string): Record<string, unknown> | null {
  const i = board.groups.findIndex((g) => g.id === groupId);
  return i < 0
    ? null
    : { ...board.groups[i], color: "#579bfc", position: String(65536 * (i + 1)), archived: false, deleted: false };
}

export function itemJson(host: ItemHost, item: MondayItem): Record<string, unknown> {
  const board = host.boards.find((b) => b.id === item.board_id)!;
  const creator = host.userById(item.creator_id ?? "");
  return {
    id: item.id,
    name: item.name,
    state: item.state ?? "active",
    created_at: item.created_at ?? null,
    updated_at: item.updated_at ?? null,
    creator_id: item.creator_id ?? "",
    creator: creator ?? null,
    email: `pulse-${item.id}@${host.slug}.monday.com`,
    url: `https://${host.slug}.monday.com/boards/${board.id}/pulses/${item.id}`,
    relative_link: `/boards/${board.id}/pulses/${item.id}`,
    board: host.boardJson(board),
    group: groupJson(board, item.group_id),
    subscribers: [],
    subitems: [],
    parent_item: null,
    column_values: (args: { ids?: string[]; types?: string[] }) =>
      board.columns
        .filter((c) => (!args.ids || args.ids.includes(c.id)) && (!args.types || args.types.includes(c.type)))
        .map((c) => columnValueJson(c, item)),
    updates: (args: { limit?: number; page?: number }) => {
      const limit = args.limit ?? 25;
      const start = ((args.page ?? 1) - 1) * limit;
      return host.updates
        .filter((u) => u.item_id === item.id)
        .reverse()
        .slice(start, start + limit)
        .map((u) => updateJson(host, u));
    },
  };
}

function updateJson(host: ItemHost, u: MondayUpdate): Record<string, unknown> {
  return {
    id: u.id,
    body: u.body,
    text_body: u.body.replace(/<[^>]*>/g, ""),
    item_id: u.item_id,
    creator_id: u.creator_id,
    creator: host.userById(u.creator_id) ?? null,
    created_at: u.created_at,
    updated_at: u.created_at,
    edited_at: u.created_at,
    likes: [],
    pinned_to_top: [],
    replies: [],
    assets: [],
    viewers: [],
  };
}

function liveItem(host: ItemHost, itemId: unknown, boardId?: unknown): { item: MondayItem; board: MondayBoard } {
  const item = host.items.find((i) => i.id === String(itemId));
  if (!item || item.state === "deleted" || (boardId !== undefined && item.board_id !== String(boardId)))
    throw mondayError("Item not found", "InvalidItemIdException", { item_id: itemId });
  return { item, board: host.boards.find((b) => b.id === item.board_id)! };
}

function columnOf(board: MondayBoard, columnId: string): MondayColumn {
  const column = board.columns.find((c) => c.id === columnId);
  if (!column)
    throw mondayError("This column ID doesn't exist for the board", "InvalidColumnIdException", {
      column_id: columnId,
      board_id: board.id,
    });
  return column;
}

/** Applies one column value, as monday validates it; status labels missing from the board are an error unless created. */
function apply(
  host: ItemHost,
  item: MondayItem,
  board: MondayBoard,
  column: MondayColumn,
  value: unknown,
  createLabels: boolean,
  userId: string,
  what: string,
): void {
  if (
    column.type === "status" &&
    value !== null &&
    value !== "" &&
    !(typeof value === "object" && Object.keys(value).length === 0)
  ) {
    const target = statusTarget(column, value);
    if (target.malformed) {
      host.violation(`${what}: status value ${JSON.stringify(value)} is neither a label nor {"label"} / {"index"}`);
      throw mondayError(`invalid value - ${DOCS}`, "ColumnValueException", {
        column_id: column.id,
        column_type: "status",
      });
    }
    if (!target.label && target.unknownLabel !== undefined && createLabels) {
      const labels = (column.labels ??= {});
      labels[String(Math.max(-1, ...Object.keys(labels).map(Number)) + 1)] = target.unknownLabel;
    } else if (!target.label) {
      throw mondayError(
        `invalid value - ${target.unknownLabel !== undefined ? "label" : "index"} does not exist in column. ${DOCS}`,
        "ColumnValueException",
        { column_id: column.id, column_type: "status" },
      );
    }
    host.writeStatus(item, column, value, userId, "api");
    return;
  }
  if (column.type === "status") {
    host.writeStatus(item, column, null, userId, "api");
    return;
  }
  const problem = checkColumnValues({ [column.id]: value }, board.columns, createLabels)[0];
  if (problem?.malformed) host.violation(`${what} ${column.id} (${column.type}): ${problem.message}`);
  if (problem) throw mondayError(problem.message, problem.code, { column_id: column.id, board_id: board.id });
  item.column_values[column.id] = value;
  item.updated_at = new Date().toISOString();
}

function parseJsonValue(host: ItemHost, raw: unknown, what: string): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    host.violation(`${what}: value is not valid JSON`);
    throw mondayError("Failed to parse JSON", "JsonParseException");
  }
}

type ChangeArgs = { board_id: string; item_id?: string; column_id: string; create_labels_if_missing?: boolean };

export function itemResolvers(host: ItemHost, user: MondayUser): Record<string, unknown> {
  return {
    items: (args: {
      ids?: string[];
      limit?: number;
      page?: number;
      exclude_nonactive?: boolean;
      newest_first?: boolean;
    }) => {
      const limit = args.limit ?? 25;
      const start = ((args.page ?? 1) - 1) * limit;
      const found = host.items.filter(
        (i) => (!args.ids || args.ids.map(String).includes(i.id)) && !(args.exclude_nonactive && i.state === "deleted"),
      );
      return (args.newest_first ? [...found].reverse() : found)
        .slice(start, start + limit)
        .map((i) => itemJson(host, i));
    },
    change_simple_column_value: (args: ChangeArgs & { value?: string | null }) => {
      const { item, board } = liveItem(host, args.item_id, args.board_id);
      apply(
        host,
        item,
        board,
        columnOf(board, args.column_id),
        args.value ?? null,
        args.create_labels_if_missing === true,
        user.id,
        "change_simple_column_value",
      );
      return itemJson(host, item);
    },
    change_column_value: (args: ChangeArgs & { value: unknown }) => {
      const { item, board } = liveItem(host, args.item_id, args.board_id);
      const value = parseJsonValue(host, args.value, "change_column_value");
      apply(
        host,
        item,
        board,
        columnOf(board, args.column_id),
        value,
        args.create_labels_if_missing === true,
        user.id,
        "change_column_value",
      );
      return itemJson(host, item);
    },
    change_multiple_column_values: (args: {
      board_id: string;
      item_id?: string;
      column_values: unknown;
      create_labels_if_missing?: boolean;
    }) => {
      const { item, board } = liveItem(host, args.item_id, args.board_id);
      const parsed = parseColumnValues(args.column_values);
      if (!parsed.values) {
        host.violation(`change_multiple_column_values: ${parsed.error}`);
        throw mondayError(parsed.error!, "JsonParseException");
      }
      const columns = Object.keys(parsed.values).map((id) => columnOf(board, id));
      for (const c of columns)
        apply(
          host,
          item,
          board,
          c,
          parsed.values[c.id],
          args.create_labels_if_missing === true,
          user.id,
          "change_multiple_column_values",
        );
      return itemJson(host, item);
    },
    create_update: (args: { item_id?: string; body: string; parent_id?: string }) => {
      if (args.item_id === undefined) {
        host.violation("create_update: item_id is required for an update on an item");
        throw mondayError("item_id is required", "InvalidArgumentException");
      }
      const { item } = liveItem(host, args.item_id);
      if (args.body.trim() === "") throw mondayError("Update body can't be empty", "InvalidArgumentException");
      const u: MondayUpdate = {
        id: String(3000000000 + host.nextId()),
        item_id: item.id,
        body: args.body,
        creator_id: user.id,
        created_at: new Date().toISOString(),
      };
      host.updates.push(u);
      host.record({
        kind: "update",
        itemId: item.id,
        boardId: item.board_id,
        userId: user.id,
        via: "api",
        updateId: u.id,
      });
      return updateJson(host, u);
    },
    delete_item: (args: { item_id?: string }) => {
      const { item } = liveItem(host, args.item_id);
      host.removeItem(item, user.id, "api", false);
      return itemJson(host, item);
    },
  };
}
