// Ticket sync with monday.com (issue 16), on the real database, against the monday fake (each
// GraphQL request validated against monday's SDL, test/vendor-specs/monday-schema.graphql).
// Shapes and sources:
// - create_webhook(board_id, url, event: change_status_column_value, config) first POSTs
//   `{"challenge": "…"}` to the URL and needs the same JSON back; events then arrive as
//   `{"event": {type: "update_column_value", userId, boardId, pulseId, columnId, value: {label: {index, text, is_done}}, …}}`:
//   https://developer.monday.com/api-reference/reference/webhooks.
// - A status column's labels and which are done: `StatusColumnSettings` / `StatusLabel.is_done` in the SDL.
// - A trashed item still comes back from items(ids:) with `state: "deleted"` (the SDL's `Item.state`).
// - monday signs only OAuth apps' webhooks, so the secret travels in hookUrl (test/fakes/README.md).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getIssueRoute } from "@/app/api/v1/issues/[id]/route";
import { GET as getIntegrationRoute } from "@/app/api/v1/integrations/[provider]/route";
import { db, rows } from "@/db/client";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import { saveIntegration } from "@/lib/integrations/service";
import { setIssueStatus } from "@/lib/issues/status";
import { SyncRunner } from "@/lib/sync/runner";
import { createMondayItemForIssue } from "@/lib/tickets/monday";
import { createMondayFake, statusColumn, type MondayBoard, type MondayUser } from "@/test/fakes";
import { call } from "@/test/support/api";
import { waitFor } from "@/test/support/wait";
import { startTestWorker } from "./delivery-fixtures";
import { issueStatus, makeReconciliationDue, startHookServer, syncDeliveries, type HookServer } from "./sync-harness";
import { seedTicketWorld, storedTickets, type TicketWorld } from "./tickets-harness";

const monday = createMondayFake();
let world: TicketWorld;
let hooks: HookServer;
let worker: DeliveryWorker;
let board: MondayBoard;
let bot: MondayUser;
const runner = new SyncRunner({ log: () => {} });

beforeAll(async () => {
  await monday.start();
  process.env.MONDAY_API_URL = monday.apiUrl;
  hooks = await startHookServer();
  world = await seedTicketWorld();
  bot = monday.addToken("monday-token", { name: "Code Security" });
  const ws = monday.addWorkspace({ name: "Security" });
  board = monday.addBoard({
    name: "Findings",
    workspace_id: ws.id,
    columns: [
      { id: "name", title: "Name", type: "name" },
      statusColumn("status", "Status", ["Working on it", "Done", "Stuck", "Fixed"], { done: ["Done", "Fixed"] }),
    ],
  });
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker.stop();
  await hooks.stop();
  expect(monday.violations).toEqual([]);
  await monday.stop();
});

const itemFor = async (issueId: string) =>
  (await createMondayItemForIssue(world.member.principal, issueId, { boardId: board.id })).itemId;
const reconcile = async () => {
  await makeReconciliationDue();
  while (await runner.runOnce());
};

describe("monday → Code Security", () => {
  it("saving subscribes the boards of linked items to status changes, answering monday's challenge; the hookUrl's secret authenticates", async () => {
    await saveIntegration(world.admin.principal, "monday", null, { apiToken: "monday-token" });
    const itemId = await itemFor(world.issues[0]);
    // A new item's board is subscribed at once: monday sent the challenge, the receiver echoed it.
    expect(monday.webhooks).toEqual([
      expect.objectContaining({ board_id: board.id, event: "change_status_column_value" }),
    ]);
    const challenge = monday.deliveries.find((d) => (d.body as { challenge?: string }).challenge);
    expect(challenge).toMatchObject({
      status: 200,
      responseJson: { challenge: (challenge!.body as { challenge: string }).challenge },
    });
    expect(challenge!.url).toMatch(/\/api\/v1\/hooks\/monday\/[0-9a-f-]{36}\?token=/);
    expect(
      (await call(getIssueRoute, { token: world.member.token, params: { id: world.issues[0] } })).body.tickets,
    ).toEqual([
      // A new item has no status yet: monday answers an empty status cell.
      expect.objectContaining({ provider: "monday", key: itemId, status: null }),
    ]);
    const view = await call(getIntegrationRoute, { token: world.admin.token, params: { provider: "monday" } });
    expect(view.body).toMatchObject({ hookUrl: challenge!.url, sync: { resolveOnDone: true, onResolve: null } });
    // Saving again makes no second subscription for the same board.
    await saveIntegration(world.admin.principal, "monday", null, { apiToken: "••••oken" });
    expect(monday.webhooks).toHaveLength(1);
    // Anyone else posting to the receiver is refused.
    const forged = await fetch(challenge!.url.replace(/token=[^&]+/, "token=nope"), {
      method: "POST",
      body: JSON.stringify({ challenge: "x" }),
    });
    expect(forged.status).toBe(401);
  });

  it("an item whose status becomes the board's done label resolves its issue within seconds of the webhook", async () => {
    const itemId = (await storedTickets(world.issues[0]))[0].key;
    const [delivered] = await monday.deliverWebhook(monday.setStatus(itemId, "Fixed"));
    expect(delivered.status).toBe(200);
    expect(delivered.responseJson).toEqual({ synced: true });
    expect(await issueStatus(world.issues[0])).toBe("resolved");
    expect(
      (await call(getIssueRoute, { token: world.member.token, params: { id: world.issues[0] } })).body.tickets[0],
    ).toMatchObject({ status: "Fixed" });
    expect(await syncDeliveries(itemId)).toEqual([]);
  });

  it("with the webhook lost, one reconciliation (polling the linked items) resolves it", async () => {
    const itemId = await itemFor(world.issues[1]);
    monday.setStatus(itemId, "Done");
    await reconcile();
    expect(await issueStatus(world.issues[1])).toBe("resolved");
    const [run] = await rows<{ lastError: string | null; changed: number }>(
      db,
      sql`select last_error as "lastError", changed from sync_runs`,
    );
    expect(run).toEqual({ lastError: null, changed: 1 });
  });
});

describe("Code Security → monday", () => {
  it("an issue resolving adds an update to its item and, when configured, sets the status label; reopening moves it back", async () => {
    await saveIntegration(world.admin.principal, "monday", null, {
      apiToken: "••••oken",
      sync: { resolveOnDone: true, onResolve: "Done" },
    });
    const itemId = await itemFor(world.issues[2]);
    await setIssueStatus(world.admin.principal, world.issues[2], "resolved");
    await waitFor(
      async () => (await syncDeliveries(itemId)).some((d) => d.status === "delivered"),
      10_000,
      "the update delivery",
    );
    expect(monday.updates.filter((u) => u.item_id === itemId).map((u) => u.body)).toEqual([
      expect.stringContaining("resolved because someone resolved it"),
    ]);
    expect(
      monday.changes
        .filter((c) => c.kind === "status" && c.itemId === itemId)
        .map((c) => [c.via, c.userId, c.value?.index]),
    ).toEqual([["api", bot.id, 1]]);

    // The product's own change coming back through the webhook is not news: no loop.
    const echo = monday.changes.find((c) => c.kind === "status" && c.itemId === itemId)!;
    const [back] = await monday.deliverWebhook(echo);
    expect(back.responseJson).toEqual({ synced: false });

    await setIssueStatus(world.admin.principal, world.issues[2], "open");
    await waitFor(
      async () => (await syncDeliveries(itemId)).filter((d) => d.status === "delivered").length === 2,
      10_000,
      "the reopen delivery",
    );
    expect(monday.changes.filter((c) => c.kind === "status" && c.itemId === itemId).map((c) => c.value?.index)).toEqual(
      [1, 0],
    );
    const before = (await syncDeliveries(itemId)).length;
    await monday.deliverWebhook(monday.changes.filter((c) => c.kind === "status").at(-1)!);
    await reconcile();
    expect(await issueStatus(world.issues[2])).toBe("open");
    expect((await syncDeliveries(itemId)).length).toBe(before);
    // Stored bodies carry no token.
    const bodies = await rows<{ body: string }>(
      db,
      sql`select body from deliveries where payload->>'ticketKey' = ${itemId}`,
    );
    expect(bodies.every((b) => !b.body.includes("monday-token"))).toBe(true);
  });
});

describe("deleted items", () => {
  it("an item moved to the trash, or deleted for good, unlinks cleanly at the next reconciliation", async () => {
    const trashed = (await storedTickets(world.issues[1]))[0].key;
    const purged = await itemFor(world.issues[3]);
    monday.deleteItem(trashed);
    monday.deleteItem(purged, { permanently: true });
    await reconcile();
    expect(await storedTickets(world.issues[1])).toEqual([]);
    expect(await storedTickets(world.issues[3])).toEqual([]);
    expect(await issueStatus(world.issues[1])).toBe("resolved");
    expect(await rows(db, sql`select 1 from audit_log where action = 'ticket.unlinked'`)).toHaveLength(2);
  });
});
