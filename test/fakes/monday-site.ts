// A monday.com account's data (workspaces, boards, items, updates, webhook subscriptions) and what
// happens in it outside our API calls: a person changing an item's status or deleting it, and the
// webhooks monday then sends to the subscribed URLs. The GraphQL server on top is monday.ts.
import { FakeServer } from "./http";
import type { MondayColumn } from "./monday-columns";
import { statusTarget, type StatusCell } from "./monday-status";
import { statusEventBody, subscribed, type MondayEventBody, type MondayWebhook } from "./monday-webhooks";
import type { WebhookDelivery } from "./webhook-delivery";
import { postJson } from "./webhook-delivery";

export interface MondayAccount {
  id: string;
  name: string;
  slug: string;
}
export interface MondayUser {
  id: string;
  name: string;
  email: string;
}
export interface MondayWorkspace {
  id: string;
  name: string;
  kind: "open" | "closed" | "template";
  description?: string;
}
export interface MondayGroup {
  id: string;
  title: string;
}
export interface MondayItem {
  id: string;
  name: string;
  board_id: string;
  group_id: string;
  /** Column id → the value as last written (as the API was sent it, or as a person set it). */
  column_values: Record<string, unknown>;
  /** Status column id → the label's index and when it changed: what the item shows. */
  statuses?: Record<string, StatusCell>;
  created_at?: string;
  updated_at?: string;
  creator_id?: string;
  /** `deleted` while in the trash: `items(ids)` still returns it unless `exclude_nonactive`. */
  state?: "active" | "deleted";
}
export interface MondayBoard {
  id: string;
  name: string;
  workspace_id: string;
  columns: MondayColumn[];
  groups: MondayGroup[];
}
export interface MondayUpdate {
  id: string;
  item_id: string;
  body: string;
  creator_id: string;
  created_at: string;
}

/** A change to an item: who made it, and whether through the API (`api`, the token's user) or by a person in monday (`user`). */
export interface MondayChange {
  kind: "create" | "status" | "update" | "delete";
  itemId: string;
  boardId: string;
  userId: string;
  via: "api" | "user";
  at: string;
  columnId?: string;
  previous?: StatusCell;
  value?: StatusCell;
  updateId?: string;
}

type Actor = { by?: string | MondayUser };

export abstract class MondaySite extends FakeServer {
  account: MondayAccount = { id: "9876543", name: "Acme", slug: "acme" };
  readonly workspaces: MondayWorkspace[] = [];
  readonly boards: MondayBoard[] = [];
  readonly items: MondayItem[] = [];
  /** Item updates (comments) since the last reset. */
  readonly updates: MondayUpdate[] = [];
  /** Subscriptions made with `create_webhook` (kept across resets, like boards). */
  readonly webhooks: MondayWebhook[] = [];
  /** Every change since the last reset, oldest first. */
  readonly changes: MondayChange[] = [];
  /** Challenges and events POSTed to receivers, with their answers. */
  readonly deliveries: WebhookDelivery[] = [];
  /** How long `create_webhook` waits for the challenge answer. */
  challengeTimeoutMs = 5_000;
  protected readonly tokens = new Map<string, MondayUser>();
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
    const w: MondayWorkspace = { id: String(500000 + this.nextId()), kind: "open", ...ws };
    this.workspaces.push(w);
    return w;
  }

  /** Columns default to the board's `name` column; groups default to one "Topics" group. */
  addBoard(board: Partial<MondayBoard> & { name: string; workspace_id: string }): MondayBoard {
    const b: MondayBoard = {
      id: String(1800000000 + this.nextId()),
      columns: [{ id: "name", title: "Name", type: "name" }],
      groups: [{ id: "topics", title: "Topics" }],
      ...board,
    };
    this.boards.push(b);
    return b;
  }

  /** Seeds an item as a person created it; `status` sets the board's first status column. */
  addItem(boardId: string, name: string, options: { status?: string; groupId?: string } = {}): MondayItem {
    const board = this.mustBoard(boardId);
    const now = new Date().toISOString();
    const item: MondayItem = {
      id: String(9000000000 + this.nextId()),
      name,
      board_id: board.id,
      group_id: options.groupId ?? board.groups[0].id,
      column_values: {},
      created_at: now,
      updated_at: now,
      creator_id: this.person().id,
      state: "active",
    };
    this.items.push(item);
    if (options.status) this.writeStatus(item, this.firstStatusColumn(board), options.status, this.person().id, "user");
    return item;
  }

  item(id: string): MondayItem | undefined {
    return this.items.find((i) => i.id === String(id));
  }

  /** The person who acts in monday when a helper is given no `by`. */
  person(): MondayUser {
    return { id: "50000001", name: "Morgan Manager", email: "morgan@example.com" };
  }

  override reset(): void {
    super.reset();
    this.items.length = 0;
    this.updates.length = 0;
    this.changes.length = 0;
    this.deliveries.length = 0;
  }

  /** A person sets an item's status (the board's first status column unless `columnId`) to `label`. */
  setStatus(itemId: string, label: string, options: Actor & { columnId?: string } = {}): MondayChange {
    const item = this.mustItem(itemId);
    const board = this.mustBoard(item.board_id);
    const column = options.columnId
      ? board.columns.find((c) => c.id === options.columnId)
      : this.firstStatusColumn(board);
    if (!column || column.type !== "status")
      throw new Error(`board ${board.id} has no status column ${options.columnId ?? ""}`);
    return this.writeStatus(item, column, label, this.actorId(options.by), "user");
  }

  /** A person deletes an item: to the trash (`state: deleted`), or `permanently` (gone from every query). */
  deleteItem(itemId: string, options: Actor & { permanently?: boolean } = {}): MondayChange {
    const item = this.mustItem(itemId);
    return this.removeItem(item, this.actorId(options.by), "user", options.permanently === true);
  }

  /** The body monday POSTs to `webhook` for a status change (`{ event: {…} }`), as in its webhook samples. */
  webhookPayload(change: MondayChange, webhook?: MondayWebhook): MondayEventBody {
    const item = this.items.find((i) => i.id === change.itemId);
    if (!item || change.kind !== "status")
      throw new Error("webhookPayload takes a status change of an item that still exists");
    const board = this.mustBoard(item.board_id);
    return statusEventBody(board, item, change, webhook);
  }

  /** POSTs a status change to every subscription it matches, as monday does; the receivers' answers come back. */
  async deliverWebhook(change: MondayChange, options: { timeoutMs?: number } = {}): Promise<WebhookDelivery[]> {
    const board = this.mustBoard(change.boardId);
    const targets = this.webhooks.filter((w) => subscribed(w, board, change));
    const sent = await Promise.all(
      targets.map((w) => postJson(w.url, this.webhookPayload(change, w), {}, options.timeoutMs ?? 10_000)),
    );
    this.deliveries.push(...sent);
    return sent;
  }

  protected nextId(): number {
    return ++this.seq;
  }

  protected firstStatusColumn(board: MondayBoard): MondayColumn {
    const column = board.columns.find((c) => c.type === "status");
    if (!column) throw new Error(`board ${board.id} has no status column`);
    return column;
  }

  protected record(change: Omit<MondayChange, "at">): MondayChange {
    const c = { ...change, at: new Date().toISOString() };
    this.changes.push(c);
    return c;
  }

  /** Sets a status cell and records the change; `value` is a label, an index, or monday's `{label}`/`{index}` JSON; null clears. */
  protected writeStatus(
    item: MondayItem,
    column: MondayColumn,
    value: unknown,
    userId: string,
    via: MondayChange["via"],
  ): MondayChange {
    const statuses = (item.statuses ??= {});
    const previous = statuses[column.id];
    let next: StatusCell | undefined;
    if (value !== null && value !== "") {
      const target = statusTarget(column, value);
      if (!target.label) throw new Error(`status column ${column.id} has no label ${JSON.stringify(value)}`);
      next = { index: target.label.index, changed_at: new Date().toISOString(), post_id: null };
      statuses[column.id] = next;
      item.column_values[column.id] = value;
    } else {
      delete statuses[column.id];
      delete item.column_values[column.id];
    }
    item.updated_at = new Date().toISOString();
    return this.record({
      kind: "status",
      itemId: item.id,
      boardId: item.board_id,
      columnId: column.id,
      previous,
      value: next,
      userId,
      via,
    });
  }

  protected removeItem(item: MondayItem, userId: string, via: MondayChange["via"], permanently: boolean): MondayChange {
    if (permanently) this.items.splice(this.items.indexOf(item), 1);
    else item.state = "deleted";
    return this.record({ kind: "delete", itemId: item.id, boardId: item.board_id, userId, via });
  }

  protected mustBoard(id: string): MondayBoard {
    const b = this.boards.find((x) => x.id === String(id));
    if (!b) throw new Error(`no board ${id}`);
    return b;
  }

  private mustItem(id: string): MondayItem {
    const item = this.item(id);
    if (!item || item.state === "deleted") throw new Error(`no item ${id}`);
    return item;
  }

  private actorId(by: string | MondayUser | undefined): string {
    return by === undefined ? this.person().id : typeof by === "string" ? by : by.id;
  }
}
