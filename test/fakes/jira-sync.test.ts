// The Jira fake's workflow, JQL search and webhooks, as ticket sync (issue 16) will use them.
// Sources for each behaviour are listed in test/fakes/README.md.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adfText, createJiraFake, type JiraUser } from "./index";
import { basic, call } from "./test-client";
import { startReceiver } from "./test-receiver";

const jira = createJiraFake();
const auth = basic("bot@example.com", "token-bot");
let bot: JiraUser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  await jira.start();
  receiver = await startReceiver((r) => ({ status: 200, body: r.raw }));
  bot = jira.addUser({ email: "bot@example.com", apiToken: "token-bot", displayName: "Code Security" });
  jira.addProject({ key: "SEC", name: "Security" });
  jira.addProject({
    key: "OPS",
    workflow: {
      statuses: [
        { name: "Open", category: "new" },
        { name: "Fixing", category: "indeterminate" },
        { name: "Closed", category: "done" },
      ],
      transitions: [
        { id: "4", name: "Start fixing", to: "Fixing", from: ["Open"] },
        { id: "5", name: "Close", to: "Closed", from: ["Open", "Fixing"] },
        { id: "6", name: "Reopen", to: "Open", from: ["Closed"] },
      ],
    },
  });
});
afterAll(async () => {
  await jira.stop();
  await receiver.stop();
});
beforeEach(() => {
  jira.reset();
  jira.searchPageLimit = undefined;
  receiver.received.length = 0;
});

const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
  call(`${jira.url}/rest/api/3${path}`, { ...init, headers: auth });
const search = (body: Record<string, unknown>) => api("/search/jql", { body });

describe("Jira workflow: statuses, categories and transitions", () => {
  it("lists a new ticket's transitions and moves it to Done with 204, which sets its category and resolution", async () => {
    const { key } = jira.addIssue({ projectKey: "SEC", summary: "Leaked token" });
    const listed = await api(`/issue/${key}/transitions`);
    expect(listed.json).toMatchObject({
      transitions: [
        { id: "21", name: "In Progress", to: { name: "In Progress", statusCategory: { key: "indeterminate" } } },
        { id: "31", name: "Done", to: { statusCategory: { key: "done", name: "Done" } } },
      ],
    });
    expect(await api(`/issue/${key}/transitions`, { body: { transition: { id: "31" } } })).toMatchObject({
      status: 204,
      text: "",
    });
    const got = await api(`/issue/${key}?fields=status,resolution`);
    expect(got.json).toMatchObject({
      fields: { status: { name: "Done", statusCategory: { key: "done" } }, resolution: { name: "Done" } },
    });
    expect(jira.changes.at(-1)).toMatchObject({ key, kind: "transition", by: bot.accountId, via: "api" });
    expect(jira.violations).toEqual([]);
  });

  it("answers Jira's 400 for a transition the ticket's status does not offer, without calling it a violation", async () => {
    const { key } = jira.addIssue({ projectKey: "OPS", summary: "x", status: "Closed" });
    const res = await api(`/issue/${key}/transitions`, { body: { transition: { id: "4" } } });
    expect(res).toMatchObject({
      status: 400,
      json: { errorMessages: ["Transition id '4' is not valid for this issue."], errors: {} },
    });
    expect(
      ((await api(`/issue/${key}/transitions`)).json as { transitions: { name: string }[] }).transitions.map(
        (t) => t.name,
      ),
    ).toEqual(["Reopen"]);
    expect(jira.violations).toEqual([]);
  });

  it("records a transition id that is not a numeric string, and a transition comment that is not ADF, as violations", async () => {
    const { key } = jira.addIssue({ projectKey: "SEC", summary: "x" });
    expect((await api(`/issue/${key}/transitions`, { body: { transition: { id: 31 } } })).status).toBe(400);
    expect((await api(`/issue/${key}/transitions`, { body: { transition: { name: "Done" } } })).json).toMatchObject({
      errorMessages: expect.arrayContaining(["'transition' identifier must be an integer"]),
    });
    await api(`/issue/${key}/transitions`, {
      body: { transition: { id: "31" }, update: { comment: [{ add: { body: "resolved" } }] } },
    });
    expect(jira.violations).toEqual([
      expect.stringContaining("body/transition/id must be string"),
      expect.stringContaining("must be an integer"),
      expect.stringContaining("must be an integer"),
      expect.stringContaining("update.comment.add.body (ADF)"),
    ]);
    expect(jira.issue(key)!.statusId).toBe("10000");
  });

  it("adds the transition's ADF comment with the move", async () => {
    const { key } = jira.addIssue({ projectKey: "SEC", summary: "x" });
    expect(
      (
        await api(`/issue/${key}/transitions`, {
          body: {
            transition: { id: "31" },
            update: { comment: [{ add: { body: adfText("Resolved in Code Security") } }] },
          },
        })
      ).status,
    ).toBe(204);
    expect(jira.issue(key)!.comments).toHaveLength(1);
    expect(jira.changes.map((c) => c.kind)).toEqual(["create", "transition", "comment"]);
  });

  it("validates comment bodies against the ADF schema: a plain string is a 400 and a violation", async () => {
    const { key } = jira.addIssue({ projectKey: "SEC", summary: "x" });
    expect((await api(`/issue/${key}/comment`, { body: { body: "plain" } })).status).toBe(400);
    expect(jira.violations).toEqual([expect.stringContaining("body (ADF)")]);
    expect((await api(`/issue/${key}/comment`, { body: { body: adfText("ok") } })).status).toBe(201);
  });

  it("lists a project's statuses per issue type with their categories", async () => {
    const res = await api("/project/OPS/statuses");
    expect(res.json).toEqual([
      expect.objectContaining({
        name: "Task",
        statuses: [
          expect.objectContaining({ name: "Open", statusCategory: expect.objectContaining({ key: "new" }) }),
          expect.objectContaining({ name: "Fixing" }),
          expect.objectContaining({ name: "Closed", statusCategory: expect.objectContaining({ key: "done" }) }),
        ],
      }),
    ]);
    expect((await api("/project/NOPE/statuses")).status).toBe(404);
  });
});

describe("Jira fake strictness", () => {
  it("records a real Jira operation the fake does not implement as a violation", async () => {
    expect((await api("/statuscategory")).status).toBe(404);
    expect(jira.violations).toEqual([expect.stringContaining("does not implement getStatusCategories")]);
  });
});

describe("Jira JQL search for reconciliation", () => {
  it("finds tickets by key list with status and updated, paging with nextPageToken", async () => {
    const keys = [1, 2, 3].map(() => jira.addIssue({ projectKey: "SEC", summary: "t" }).key);
    jira.transition(keys[1], "Done");
    jira.searchPageLimit = 2;
    const jql = `key in (${keys.join(", ")}) ORDER BY key ASC`;
    const first = await search({ jql, fields: ["status", "updated"], maxResults: 50 });
    const page1 = first.json as {
      issues: { key: string; fields: Record<string, unknown> }[];
      isLast: boolean;
      nextPageToken: string;
    };
    expect(page1.issues.map((i) => i.key)).toEqual(keys.slice(0, 2));
    expect(Object.keys(page1.issues[0].fields).sort()).toEqual(["status", "updated"]);
    expect(page1.issues[1].fields.status).toMatchObject({ name: "Done", statusCategory: { key: "done" } });
    expect(page1.isLast).toBe(false);
    const qs = new URLSearchParams({ jql, fields: "status,updated", nextPageToken: page1.nextPageToken });
    const second = await api(`/search/jql?${qs}`);
    expect(second.json).toEqual({ issues: [expect.objectContaining({ key: keys[2] })], isLast: true });
    expect(jira.violations).toEqual([]);
  });

  it("answers 400 naming a deleted key, as Jira does for a key that does not exist, and GET issue answers 404", async () => {
    const [a, b] = [1, 2].map(() => jira.addIssue({ projectKey: "SEC", summary: "t" }).key);
    jira.deleteIssue(b);
    const res = await search({ jql: `key in (${a}, ${b})`, fields: ["status"] });
    expect(res).toMatchObject({
      status: 400,
      json: { errorMessages: [`An issue with key '${b}' does not exist for field 'key'.`] },
    });
    expect((await api(`/issue/${b}`)).status).toBe(404);
    expect((await search({ jql: `key in (${a})`, fields: ["status"] })).json).toMatchObject({ issues: [{ key: a }] });
    expect((await search({ jql: "key = nonsense" })).json).toMatchObject({
      errorMessages: ["The issue key 'nonsense' for field 'key' is invalid."],
    });
    expect(jira.violations).toEqual([]);
  });

  it("filters by project, status category and updated time, and orders descending", async () => {
    const [a, b] = [1, 2].map(() => jira.addIssue({ projectKey: "SEC", summary: "t" }).key);
    jira.transition(a, "Done");
    const done = await search({
      jql: 'project = "SEC" AND statusCategory = Done AND updated >= -5m',
      fields: ["status"],
    });
    const doneKeys = (done.json as { issues: { key: string }[] }).issues.map((i) => i.key);
    expect(doneKeys).toContain(a);
    expect(doneKeys).not.toContain(b);
    const open = await search({ jql: `key in (${a}, ${b}) AND NOT statusCategory = Done` });
    expect((open.json as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual([b]);
    const desc = await search({ jql: `key in (${a}, ${b}) order by key desc` });
    expect((desc.json as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual([b, a]);
    expect((await search({ jql: "project = NOPE" })).json).toMatchObject({
      errorMessages: ["The value 'NOPE' does not exist for the field 'project'."],
    });
  });

  it("answers Jira's 400 for JQL it cannot parse, and records it as a violation", async () => {
    const res = await search({ jql: "key in (SEC-1, " });
    expect(res).toMatchObject({
      status: 400,
      json: {
        errorMessages: [
          expect.stringMatching(/^Error in the JQL Query: Expecting either a value, list or function but got 'EOF'/),
        ],
      },
    });
    expect((await search({ jql: "assignee = currentUser()" })).json).toMatchObject({
      errorMessages: ["Field 'assignee' does not exist or you do not have permission to view it."],
    });
    expect((await search({ jql: "ORDER BY key" })).json).toMatchObject({
      errorMessages: [expect.stringContaining("Unbounded JQL")],
    });
    expect(await search({ jql: "project = SEC", nextPageToken: "made-up" })).toMatchObject({ status: 400 });
    expect(jira.violations).toHaveLength(4);
  });
});

describe("Jira people and webhooks", () => {
  it("builds a jira:issue_updated body with the changelog of a person's move, and signs it with the admin webhook's secret", async () => {
    const { key } = jira.addIssue({ projectKey: "SEC", summary: "t" });
    const dev = jira.addUser({ email: "dev@example.com", apiToken: "x", displayName: "Dev" });
    const history = jira.transition(key, "Done", { by: dev });
    const body = jira.webhookPayload("jira:issue_updated", key, history);
    expect(body).toMatchObject({
      webhookEvent: "jira:issue_updated",
      timestamp: expect.any(Number),
      user: { accountId: dev.accountId, displayName: "Dev" },
      issue: { key, fields: { status: { name: "Done", statusCategory: { key: "done" } } } },
      changelog: {
        id: history.id,
        items: expect.arrayContaining([
          {
            field: "status",
            fieldtype: "jira",
            fieldId: "status",
            from: "10000",
            fromString: "To Do",
            to: "10001",
            toString: "Done",
          },
        ]),
      },
    });
    expect(body.user).not.toHaveProperty("emailAddress");
    const delivery = await jira.deliverWebhook(`${receiver.url}/hook`, body, { secret: "s3cret" });
    expect(delivery.status).toBe(200);
    const got = receiver.received[0];
    expect(got.headers["x-hub-signature"]).toBe(
      `sha256=${createHmac("sha256", "s3cret").update(got.raw).digest("hex")}`,
    );
    expect(got.json).toEqual(body);
  });

  it("reports the product's own REST change with the product's account as the webhook user (the echo to ignore)", async () => {
    const { key } = jira.addIssue({ projectKey: "SEC", summary: "t" });
    await api(`/issue/${key}/transitions`, { body: { transition: { id: "31" } } });
    const echo = jira.webhookPayload("jira:issue_updated", key);
    expect(echo.user.accountId).toBe(bot.accountId);
    expect(jira.changes.filter((c) => c.via === "api").map((c) => c.kind)).toEqual(["transition"]);
    jira.transition(key, "To Do");
    expect(jira.webhookPayload("jira:issue_updated", key).user.accountId).not.toBe(bot.accountId);
  });

  it("builds jira:issue_deleted for a deleted ticket, unsigned when no secret is set", async () => {
    const { key } = jira.addIssue({ projectKey: "SEC", summary: "t" });
    jira.deleteIssue(key);
    const body = jira.webhookPayload("jira:issue_deleted", key);
    expect(body).toMatchObject({ webhookEvent: "jira:issue_deleted", issue: { key } });
    expect(body).not.toHaveProperty("changelog");
    await jira.deliverWebhook(receiver.url, body);
    expect(receiver.received[0].headers).not.toHaveProperty("x-hub-signature");
    expect(jira.changes.at(-1)).toMatchObject({ key, kind: "delete", via: "user" });
  });
});
