// The monday.com fake's status columns, webhooks and item changes, as ticket sync (issue 16) will
// use them. Sources for each behaviour are listed in test/fakes/README.md.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMondayFake, statusColumn, type MondayBoard, type MondayUser } from "./index";
import { call } from "./test-client";
import { startReceiver } from "./test-receiver";

const monday = createMondayFake();
const headers = { authorization: "sync-token", "api-version": "2026-10" };
let board: MondayBoard;
let tokenUser: MondayUser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  await monday.start();
  receiver = await startReceiver();
  tokenUser = monday.addToken("sync-token", { name: "Code Security" });
  const ws = monday.addWorkspace({ name: "Security" });
  board = monday.addBoard({
    name: "Findings",
    workspace_id: ws.id,
    // The board's first status column is the one sync follows (contract §3); a second one must not count.
    columns: [
      { id: "name", title: "Name", type: "name" },
      statusColumn("status", "Status", ["Working on it", "Done", "Stuck"]),
      { id: "severity", title: "Severity", type: "status", labels: { "0": "error", "1": "warning" }, done: [] },
    ],
  });
});
afterAll(async () => {
  await monday.stop();
  await receiver.stop();
});
beforeEach(() => {
  monday.reset();
  monday.webhooks.length = 0;
  monday.challengeTimeoutMs = 5_000;
  receiver.received.length = 0;
  receiver.answerWith((r) => ({ status: 200, body: r.raw }));
});

const gql = async (query: string, variables?: Record<string, unknown>) => {
  const res = await call(monday.apiUrl, { headers, body: { query, variables } });
  return res.json as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
};
const subscribe = (url: string, config?: unknown) =>
  gql(
    "mutation ($board: ID!, $url: String!, $config: JSON) { create_webhook(board_id: $board, url: $url, event: change_status_column_value, config: $config) { id board_id event config } }",
    { board: board.id, url, config },
  );
const statusOf = async (id: string) => {
  const res = await gql(
    `query ($ids: [ID!]) { items(ids: $ids) { id state updated_at column_values(ids: ["status"]) { ... on StatusValue { index label text is_done updated_at } } } }`,
    { ids: [id] },
  );
  return (res.data?.items as { state: string; updated_at: string; column_values: Record<string, unknown>[] }[])[0];
};

describe("monday status columns", () => {
  it("exposes each status label's is_done in Column.settings, so the first status column and its done label can be found", async () => {
    const res = await gql(
      "query ($ids: [ID!]) { boards(ids: $ids) { columns(types: [status]) { id type settings settings_str } } }",
      { ids: [board.id] },
    );
    const columns = (
      res.data!.boards as {
        columns: {
          id: string;
          settings: { labels: { label: string; index: number; is_done: boolean }[] };
          settings_str: string;
        }[];
      }[]
    )[0].columns;
    expect(columns.map((c) => c.id)).toEqual(["status", "severity"]);
    expect(columns[0].settings.labels).toEqual([
      expect.objectContaining({ index: 0, label: "Working on it", is_done: false, color: "working_orange" }),
      expect.objectContaining({ index: 1, label: "Done", is_done: true, color: "done_green" }),
      expect.objectContaining({ index: 2, label: "Stuck", is_done: false }),
    ]);
    expect(JSON.parse(columns[0].settings_str)).toMatchObject({ done_colors: [1], labels: { "1": "Done" } });
    expect(columns[1].settings.labels.some((l) => l.is_done)).toBe(false);
    expect(monday.violations).toEqual([]);
  });

  it("changes a status by label, by index and through change_multiple_column_values, recording the token's user", async () => {
    const item = monday.addItem(board.id, "Leaked key");
    const simple = await gql(
      `mutation ($b: ID!, $i: ID!) { change_simple_column_value(board_id: $b, item_id: $i, column_id: "status", value: "Done") { id } }`,
      { b: board.id, i: item.id },
    );
    expect(simple.data).toEqual({ change_simple_column_value: { id: item.id } });
    expect(await statusOf(item.id)).toMatchObject({
      state: "active",
      column_values: [{ index: 1, label: "Done", text: "Done", is_done: true, updated_at: expect.any(String) }],
    });
    await gql(
      `mutation ($b: ID!, $i: ID!, $v: JSON!) { change_column_value(board_id: $b, item_id: $i, column_id: "status", value: $v) { id } }`,
      { b: board.id, i: item.id, v: JSON.stringify({ index: 2 }) },
    );
    expect((await statusOf(item.id)).column_values[0]).toMatchObject({ label: "Stuck", is_done: false });
    await gql(
      `mutation ($b: ID!, $i: ID!, $v: JSON!) { change_multiple_column_values(board_id: $b, item_id: $i, column_values: $v) { id } }`,
      { b: board.id, i: item.id, v: JSON.stringify({ status: { label: "Working on it" } }) },
    );
    expect((await statusOf(item.id)).column_values[0]).toMatchObject({ index: 0 });
    expect(monday.changes.filter((c) => c.kind === "status").map((c) => [c.via, c.userId, c.value?.index])).toEqual([
      ["api", tokenUser.id, 1],
      ["api", tokenUser.id, 2],
      ["api", tokenUser.id, 0],
    ]);
    expect(monday.violations).toEqual([]);
  });

  it("answers ColumnValueException inside HTTP 200 for a label the board lacks, and records a malformed value as a violation", async () => {
    const item = monday.addItem(board.id, "x", { status: "Stuck" });
    const res = await gql(
      `mutation ($b: ID!, $i: ID!) { change_simple_column_value(board_id: $b, item_id: $i, column_id: "status", value: "Shipped") { id } }`,
      { b: board.id, i: item.id },
    );
    expect(res).toMatchObject({
      data: { change_simple_column_value: null },
      errors: [{ extensions: { code: "ColumnValueException" } }],
    });
    expect(monday.violations).toEqual([]);
    await gql(
      `mutation ($b: ID!, $i: ID!, $v: JSON!) { change_column_value(board_id: $b, item_id: $i, column_id: "status", value: $v) { id } }`,
      { b: board.id, i: item.id, v: JSON.stringify({ colour: "green" }) },
    );
    expect(monday.violations).toEqual([expect.stringContaining("neither a label nor")]);
    expect((await statusOf(item.id)).column_values[0]).toMatchObject({ label: "Stuck" });
  });

  it("adds an update to an item and reports a deleted item: in the trash with state deleted, then gone, and mutations fail with InvalidItemIdException", async () => {
    const item = monday.addItem(board.id, "x");
    const update = await gql(
      `mutation ($i: ID!) { create_update(item_id: $i, body: "<p>Resolved in Code Security</p>") { id text_body creator_id } }`,
      { i: item.id },
    );
    expect(update.data).toEqual({
      create_update: { id: expect.any(String), text_body: "Resolved in Code Security", creator_id: tokenUser.id },
    });
    expect(monday.updates).toEqual([
      expect.objectContaining({ item_id: item.id, body: "<p>Resolved in Code Security</p>" }),
    ]);
    monday.deleteItem(item.id);
    expect(await statusOf(item.id)).toMatchObject({ state: "deleted" });
    expect(
      (await gql(`query ($ids: [ID!]) { items(ids: $ids, exclude_nonactive: true) { id } }`, { ids: [item.id] })).data,
    ).toEqual({ items: [] });
    const failed = await gql(`mutation ($i: ID!) { create_update(item_id: $i, body: "again") { id } }`, { i: item.id });
    expect(failed).toMatchObject({
      data: { create_update: null },
      errors: [{ extensions: { code: "InvalidItemIdException" } }],
    });
    const other = monday.addItem(board.id, "y");
    monday.deleteItem(other.id, { permanently: true });
    expect((await gql(`query ($ids: [ID!]) { items(ids: $ids) { id } }`, { ids: [item.id, other.id] })).data).toEqual({
      items: [{ id: item.id }],
    });
  });

  it("records a query for a root field the fake does not implement as a violation", async () => {
    await gql("query { users(limit: 1) { id } }");
    expect(monday.violations).toEqual([expect.stringContaining("does not implement users")]);
  });

  it("plays monday's complexity budget error with Retry-After", async () => {
    monday.complexityLimitNext(7);
    const res = await call(monday.apiUrl, { headers, body: { query: "query { me { id } }" } });
    expect([res.status, res.headers.get("retry-after")]).toEqual([429, "7"]);
    expect(res.json).toMatchObject({
      errors: [
        {
          message: "Complexity budget exhausted",
          extensions: { code: "COMPLEXITY_BUDGET_EXHAUSTED", retry_in_seconds: 7 },
        },
      ],
    });
  });
});

describe("monday webhooks", () => {
  it("subscribes only after the URL echoes the challenge, and lists and deletes the subscription", async () => {
    const res = await subscribe(`${receiver.url}/hooks/monday`, JSON.stringify({ columnId: "status" }));
    expect(res.data).toEqual({
      create_webhook: {
        id: expect.any(String),
        board_id: board.id,
        event: "change_status_column_value",
        config: JSON.stringify({ columnId: "status" }),
      },
    });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].json).toEqual({ challenge: expect.stringMatching(/^[\w-]{40,}$/) });
    const id = (res.data!.create_webhook as { id: string }).id;
    expect((await gql("query ($b: ID!) { webhooks(board_id: $b) { id event } }", { b: board.id })).data).toEqual({
      webhooks: [{ id, event: "change_status_column_value" }],
    });
    expect((await gql("mutation ($id: ID!) { delete_webhook(id: $id) { id } }", { id })).data).toEqual({
      delete_webhook: { id },
    });
    expect(monday.webhooks).toEqual([]);
    expect((await gql("mutation ($id: ID!) { delete_webhook(id: $id) { id } }", { id })).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "ResourceNotFoundException" }) }),
    ]);
    expect(monday.violations).toEqual([]);
  });

  it("fails create_webhook inside HTTP 200 when the URL answers the wrong challenge or too late", async () => {
    receiver.answerWith(() => ({ status: 200, body: JSON.stringify({ challenge: "something else" }) }));
    expect(await subscribe(receiver.url)).toMatchObject({
      data: { create_webhook: null },
      errors: [{ extensions: { code: "InvalidArgumentException" } }],
    });
    monday.challengeTimeoutMs = 200;
    receiver.answerWith((r) => ({ status: 200, body: r.raw, delayMs: 1_000 }));
    expect(await subscribe(receiver.url)).toMatchObject({ data: { create_webhook: null } });
    expect(monday.webhooks).toEqual([]);
  });

  it("records a create_webhook that does not validate against the SDL as a violation", async () => {
    await gql(`mutation ($b: ID!) { create_webhook(board_id: $b, url: "http://x", event: status_changed) { id } }`, {
      b: board.id,
    });
    expect(monday.violations).toEqual([expect.stringContaining("status_changed")]);
  });

  it("posts a person's status change in monday's event shape, and the product's own change with the token's user as userId", async () => {
    await subscribe(receiver.url, JSON.stringify({ columnId: "status", columnValue: { $any$: true } }));
    receiver.received.length = 0;
    const item = monday.addItem(board.id, "Leaked key", { status: "Working on it" });
    const change = monday.setStatus(item.id, "Done");
    const [delivery] = await monday.deliverWebhook(change);
    expect(delivery.status).toBe(200);
    expect(receiver.received[0].json).toEqual({
      event: {
        app: "monday",
        type: "update_column_value",
        triggerTime: change.at,
        subscriptionId: Number(monday.webhooks[0].id),
        isRetry: false,
        userId: Number(monday.person().id),
        originalTriggerUuid: null,
        boardId: Number(board.id),
        groupId: "topics",
        pulseId: Number(item.id),
        pulseName: "Leaked key",
        columnId: "status",
        columnType: "color",
        columnTitle: "Status",
        value: {
          label: {
            index: 1,
            text: "Done",
            style: { color: "#00c875", border: "#00b461", var_name: "green-shadow" },
            is_done: true,
          },
          post_id: null,
        },
        previousValue: {
          label: { index: 0, text: "Working on it", style: expect.any(Object), is_done: false },
          post_id: null,
        },
        changedAt: Date.parse(change.at) / 1000,
        isTopGroup: true,
        triggerUuid: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    await gql(
      `mutation ($b: ID!, $i: ID!) { change_simple_column_value(board_id: $b, item_id: $i, column_id: "status", value: "Stuck") { id } }`,
      { b: board.id, i: item.id },
    );
    const echo = monday.changes.at(-1)!;
    expect(monday.webhookPayload(echo).event.userId).toBe(Number(tokenUser.id));
  });

  it("sends a change only to subscriptions whose column and label index match", async () => {
    await subscribe(receiver.url, JSON.stringify({ columnId: "status", columnValue: { index: 1 } }));
    const item = monday.addItem(board.id, "x");
    expect(await monday.deliverWebhook(monday.setStatus(item.id, "Stuck"))).toEqual([]);
    expect(await monday.deliverWebhook(monday.setStatus(item.id, "warning", { columnId: "severity" }))).toEqual([]);
    expect(await monday.deliverWebhook(monday.setStatus(item.id, "Done"))).toHaveLength(1);
  });
});
