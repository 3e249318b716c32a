import { ValidationError, VendorError } from "@/lib/errors";
import { mondayQuery } from "./client";

export type MondayColumnInfo = { id: string; title: string; type: string };
export type MondayGroupInfo = { id: string; title: string };
export type MondayBoardInfo = { id: string; name: string; columns: MondayColumnInfo[]; groups: MondayGroupInfo[] };

/** The additional fields an item carries from its issue (severity, asset, content, first seen), as strings. */
export type MondayItemFields = { severity: string; asset: string; content: string; firstSeen: string };

// monday pages boards at 25 by default; a few pages of 100 cover any workspace a person scrolls.
const BOARD_PAGE = 100;
const MAX_BOARD_PAGES = 5;
// A long_text column holds up to 2000 characters (monday's documented limit).
const LONG_TEXT_MAX = 2000;

// Only the fields the dialog needs: asking for more costs complexity points and, for non-null
// fields the account lacks, can fail the whole query.
const BOARD_FIELDS = "id name type columns { id title type } groups { id title }";

type RawBoard = {
  id: string;
  name: string;
  type?: string | null;
  columns?: MondayColumnInfo[] | null;
  groups?: MondayGroupInfo[] | null;
};

function toBoard(b: RawBoard): MondayBoardInfo {
  return {
    id: String(b.id),
    name: b.name,
    columns: (b.columns ?? []).filter(Boolean).map((c) => ({ id: String(c.id), title: c.title, type: String(c.type) })),
    groups: (b.groups ?? []).filter(Boolean).map((g) => ({ id: String(g.id), title: g.title })),
  };
}

async function query(
  token: string,
  text: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const answer = await mondayQuery(token, text, variables);
  // monday reports its errors (ColumnValueException, complexity budget…) inside HTTP 200.
  if (!answer.ok) throw new VendorError(answer.result.status, `monday.com: ${answer.result.message}`);
  return answer.data;
}

/** The boards of one workspace, by name, with their columns and groups. Sub-item boards are left out. */
export async function listMondayBoards(token: string, workspaceId: string): Promise<MondayBoardInfo[]> {
  const all: MondayBoardInfo[] = [];
  const text = `query ($ws: [ID], $limit: Int, $page: Int) { boards(workspace_ids: $ws, limit: $limit, page: $page) { ${BOARD_FIELDS} } }`;
  for (let page = 1; page <= MAX_BOARD_PAGES; page++) {
    const data = await query(token, text, { ws: [workspaceId], limit: BOARD_PAGE, page });
    const batch = ((data.boards as RawBoard[] | null) ?? []).filter(Boolean);
    all.push(...batch.filter((b) => b.type !== "sub_items_board").map(toBoard));
    if (batch.length < BOARD_PAGE) break;
  }
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

/** One board by id, or undefined when the token cannot see it. */
export async function getMondayBoard(token: string, boardId: string): Promise<MondayBoardInfo | undefined> {
  const data = await query(token, `query ($ids: [ID!]) { boards(ids: $ids) { ${BOARD_FIELDS} } }`, { ids: [boardId] });
  const found = ((data.boards as RawBoard[] | null) ?? []).find((b) => b && String(b.id) === boardId);
  return found ? toBoard(found) : undefined;
}

// Which additional field a column stands for: its id or its title, compared loosely
// ("First seen", "first_seen" and "firstSeen" are the same column to a person).
const FIELD_KEYS: Record<keyof MondayItemFields, string[]> = {
  severity: ["severity"],
  asset: ["asset"],
  content: ["content"],
  firstSeen: ["firstseen"],
};
const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");

function fieldForColumn(column: MondayColumnInfo): keyof MondayItemFields | undefined {
  for (const [field, keys] of Object.entries(FIELD_KEYS) as [keyof MondayItemFields, string[]][]) {
    if (keys.includes(squash(column.id)) || keys.includes(squash(column.title))) return field;
  }
  return undefined;
}

/** A column's value in the JSON shape its type takes (monday's change-column-values reference). */
export function columnValue(type: string, value: string): unknown {
  switch (type) {
    case "text":
      return value;
    case "long_text":
      return { text: value.slice(0, LONG_TEXT_MAX) };
    case "status":
      return { label: value };
    case "date": {
      const day = value.slice(0, 10);
      return /^\d{4}-\d{2}-\d{2}$/.test(day) ? { date: day } : undefined;
    }
    default:
      // Other column types (people, numbers…) cannot hold these values; leave them empty.
      return undefined;
  }
}

/**
 * `column_values` for the board's columns that match an additional field and are of a type we
 * can fill (text, long_text, status, date). Other columns are left for people to fill in monday.
 */
export function mondayColumnValues(columns: MondayColumnInfo[], fields: MondayItemFields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of columns) {
    const field = fieldForColumn(column);
    if (!field || column.id in values) continue;
    const value = columnValue(column.type, fields[field]);
    if (value !== undefined && fields[field] !== "") values[column.id] = value;
  }
  return values;
}

export type CreatedMondayItem = { id: string; url: string | undefined };

/**
 * create_item on a board, in a group (the board's top group when none), with column values. A
 * Severity status column that has no label for the severity yet gets one
 * (`create_labels_if_missing`): without it monday refuses the whole item with a
 * ColumnValueException, and the person gets no item at all.
 */
export async function createMondayItem(
  token: string,
  item: { boardId: string; groupId?: string; itemName: string; columnValues: Record<string, unknown> },
): Promise<CreatedMondayItem> {
  if (!item.itemName.trim()) throw new ValidationError("Give the item a name", { itemName: "Required" });
  const text = `mutation ($board: ID!, $group: String, $name: String!, $values: JSON) {
    create_item(board_id: $board, group_id: $group, item_name: $name, column_values: $values, create_labels_if_missing: true) { id url }
  }`;
  const data = await query(token, text, {
    board: item.boardId,
    group: item.groupId || null,
    name: item.itemName,
    // The JSON scalar takes the column values as a JSON-encoded string.
    values: JSON.stringify(item.columnValues),
  });
  const created = data.create_item as { id?: string; url?: string } | null;
  if (!created?.id) throw new VendorError(200, "monday.com did not return the new item");
  return { id: String(created.id), url: created.url ?? undefined };
}

/** `https://<slug>.monday.com/boards/<board>/pulses/<item>`, from the account domain (`acme.monday.com`). */
export function mondayItemUrl(accountDomain: string, boardId: string, itemId: string): string {
  return `https://${accountDomain}/boards/${encodeURIComponent(boardId)}/pulses/${encodeURIComponent(itemId)}`;
}
