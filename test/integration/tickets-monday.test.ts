import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createMonday } from "@/app/api/v1/issues/[id]/monday/route";
import { GET as listWorkspaces } from "@/app/api/v1/monday/workspaces/route";
import { saveIntegration } from "@/lib/integrations/service";
import { createMondayFake, type MondayBoard } from "@/test/fakes";
import { call } from "@/test/support/api";
import { seedTicketWorld, storedTickets, type TicketWorld } from "./tickets-harness";

const monday = createMondayFake();
let world: TicketWorld;
let board: MondayBoard;
let strictBoard: MondayBoard;
const W = { a: "", b: "" };

beforeAll(async () => {
  await monday.start();
  process.env.MONDAY_API_URL = monday.apiUrl;
  world = await seedTicketWorld();
  monday.addToken("monday-token");
  monday.addWorkspace({ name: "Zeta" });
  W.b = monday.addWorkspace({ name: "Team B space" }).id;
  monday.addWorkspace({ name: "alpha" });
  W.a = monday.addWorkspace({ name: "Team A space" }).id;
  board = monday.addBoard({
    name: "Security findings",
    workspace_id: W.a,
    groups: [
      { id: "topics", title: "Topics" },
      { id: "new_group", title: "Triage" },
    ],
    columns: [
      { id: "name", title: "Name", type: "name" },
      { id: "status", title: "Severity", type: "status", labels: { "0": "error", "1": "warning", "2": "info" } },
      { id: "text_asset", title: "Asset", type: "text" },
      { id: "content", title: "Content", type: "long_text" },
      { id: "date4", title: "First seen", type: "date" },
      { id: "person", title: "Owner", type: "people" },
    ],
  });
  strictBoard = monday.addBoard({
    name: "Strict",
    workspace_id: W.a,
    columns: [{ id: "severity", title: "Level", type: "status", labels: { "0": "Critical" } }],
  });
});
afterAll(async () => {
  expect(monday.violations).toEqual([]);
  await monday.stop();
});

const post = (issueId: string, body: unknown, token = world.member.token) =>
  call(createMonday, { token, body, params: { id: issueId } });
const workspaces = (issueId: string, token = world.member.token) =>
  call(listWorkspaces, { token, url: `http://localhost/api/v1/monday/workspaces?issueId=${issueId}` });

describe("monday items from an issue", () => {
  it("answers 401, 404 for an unknown issue, 422 naming the board, and says when monday is not configured", async () => {
    expect((await post(world.issues[0], { boardId: board.id }, "")).status).toBe(401);
    expect((await workspaces(world.issues[0], "")).status).toBe(401);
    expect((await post("00000000-0000-4000-8000-000000000000", { boardId: board.id })).status).toBe(404);
    expect((await workspaces("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const invalid = await post(world.issues[0], { itemName: "" });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["boardId", "itemName"]);
    expect((await workspaces("")).status).toBe(422);
    const off = await post(world.issues[0], { boardId: board.id });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe("integration_not_configured");
    expect((await workspaces(world.issues[0])).body.error.message).toMatch(/Monday is not configured/);
  });

  it("lists the asset team's workspace first, then the user's teams', then the rest by name", async () => {
    await saveIntegration(world.admin.principal, "monday", null, { apiToken: "monday-token" });
    await saveIntegration(world.admin.principal, "monday", world.teamA, { defaultWorkspaceId: W.a });
    await saveIntegration(world.admin.principal, "monday", world.teamB, { defaultWorkspaceId: W.b });
    const answer = await workspaces(world.issues[0]);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((w: { name: string }) => w.name)).toEqual([
      "Team A space",
      "Team B space",
      "alpha",
      "Zeta",
    ]);
    expect(answer.body.items.map((w: { rank: string }) => w.rank)).toEqual([
      "team-default",
      "your-team",
      "other",
      "other",
    ]);
    // The unmapped asset has no team default: the member's own team comes first.
    const unmapped = await workspaces(world.unmappedIssue);
    expect(unmapped.body.items.map((w: { name: string }) => w.name)).toEqual([
      "Team B space",
      "alpha",
      "Team A space",
      "Zeta",
    ]);
  });

  it("creates the item in the chosen group with column_values for each matching column type", async () => {
    const answer = await post(world.issues[0], {
      boardId: board.id,
      groupId: "new_group",
      itemName: "Rotate the AWS key",
    });
    expect(answer.status).toBe(200);
    const item = monday.items.at(-1)!;
    expect(answer.body).toEqual({
      itemId: item.id,
      url: `https://acme.monday.com/boards/${board.id}/pulses/${item.id}`,
    });
    expect(item).toMatchObject({ name: "Rotate the AWS key", group_id: "new_group" });
    expect(item.column_values).toEqual({
      status: { label: "error" },
      text_asset: "github.com/maggie/jelly-sandwich",
      content: { text: "aws_secret = 'AKIA…0'" },
      date4: { date: new Date().toISOString().slice(0, 10) },
    });
    expect(await storedTickets(world.issues[0])).toEqual([{ provider: "monday", key: item.id, url: answer.body.url }]);
  });

  it("a second request returns the existing item; simultaneous ones make one item", async () => {
    const count = monday.items.length;
    expect((await post(world.issues[0], { boardId: board.id })).body.itemId).toBe(monday.items.at(-1)!.id);
    const answers = await Promise.all([1, 2, 3].map(() => post(world.issues[1], { boardId: board.id })));
    expect(new Set(answers.map((a) => a.body.itemId)).size).toBe(1);
    expect(monday.items.length).toBe(count + 1);
    expect(monday.items.at(-1)!.name).toBe("Visible AWS Key 1 in jelly-sandwich");
  });

  it("a Severity status column without the severity's label gets it, and the item is made", async () => {
    const answer = await post(world.issues[4], { boardId: strictBoard.id });
    expect(answer.status).toBe(200);
    const item = monday.items.at(-1)!;
    expect(answer.body.itemId).toBe(item.id);
    expect(item.column_values).toEqual({ severity: { label: "error" } });
    expect(Object.values(strictBoard.columns[0].labels!)).toEqual(["Critical", "error"]);
  });

  it("monday's ColumnValueException and complexity errors, sent inside HTTP 200, come back in its own words", async () => {
    monday.errorNext(
      "invalid value - label does not exist in column. Please check our API documentation",
      "ColumnValueException",
    );
    const refused = await post(world.issues[2], { boardId: strictBoard.id });
    expect(refused.status).toBe(502);
    expect(refused.body.error.message).toMatch(/label does not exist in column/);
    monday.errorNext(
      "Complexity budget exhausted, query cost 30001 budget remaining 10000 out of 1000000 reset in 30 seconds",
      "ComplexityException",
    );
    const budget = await post(world.issues[2], { boardId: board.id });
    expect(budget.body.error.message).toMatch(/Complexity budget exhausted/);
    expect(await storedTickets(world.issues[2])).toEqual([]);
  });

  it("refuses a board or group the account does not have", async () => {
    const board404 = await post(world.issues[3], { boardId: "999" });
    expect(board404.status).toBe(422);
    expect(board404.body.error.fields).toHaveProperty("boardId");
    const group404 = await post(world.issues[3], { boardId: board.id, groupId: "nope" });
    expect(group404.body.error.fields).toHaveProperty("groupId");
  });
});
