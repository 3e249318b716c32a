import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  adfText,
  createConfluenceFake,
  createJiraFake,
  createMondayFake,
  createPagerDutyFake,
  createSlackFake,
  requiredCustomField,
} from "./index";
import { basic, call, type Headers } from "./test-client";

describe("Slack incoming webhook fake", () => {
  const slack = createSlackFake();
  beforeAll(() => slack.start());
  afterAll(() => slack.stop());
  beforeEach(() => slack.reset());

  it("accepts a well-formed Block Kit message with a text fallback", async () => {
    const url = slack.addWebhook();
    const res = await call(url, {
      body: {
        text: "2 new issues",
        blocks: [
          { type: "header", text: { type: "plain_text", text: "jelly-sandwich" } },
          { type: "section", text: { type: "mrkdwn", text: "*error* SENF026" } },
          { type: "divider" },
        ],
      },
    });
    expect(res).toMatchObject({ status: 200, text: "ok" });
    expect(slack.messages).toHaveLength(1);
    expect(slack.violations).toEqual([]);
  });

  it("rejects too many blocks and over-long section text, and records them", async () => {
    const url = slack.addWebhook();
    const blocks = Array.from({ length: 51 }, () => ({
      type: "section",
      text: { type: "mrkdwn", text: "x".repeat(3001) },
    }));
    const res = await call(url, { body: { text: "t", blocks } });
    expect(res).toMatchObject({ status: 400, text: "invalid_blocks" });
    expect(slack.violations.some((v) => v.includes("at most 50"))).toBe(true);
    expect(slack.violations.some((v) => v.includes("at most 3000"))).toBe(true);
  });

  it("answers Slack's text errors for bad JSON, no text, unknown and archived hooks", async () => {
    const url = slack.addWebhook();
    expect((await call(url, { body: "{nope" })).text).toBe("invalid_payload");
    expect((await call(url, { body: {} })).text).toBe("no_text");
    expect(await call(`${slack.url}/services/T1/B1/unknown`, { body: { text: "x" } })).toMatchObject({
      status: 404,
      text: "no_service",
    });
    const archived = slack.addWebhook("/services/T9/B9/archived", "archived");
    expect(await call(archived, { body: { text: "x" } })).toMatchObject({ status: 410, text: "channel_is_archived" });
  });

  it("plays scripted rate limits, failures and delays", async () => {
    const url = slack.addWebhook();
    slack.rateLimitNext(7);
    const limited = await call(url, { body: { text: "x" } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    slack.failNext({ status: 500, body: "boom" });
    expect((await call(url, { body: { text: "x" } })).status).toBe(500);
    slack.delayMs = 50;
    const started = Date.now();
    expect((await call(url, { body: { text: "x" } })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});

describe("Jira Cloud fake", () => {
  const jira = createJiraFake();
  const auth = basic("ann@example.com", "token-1");
  beforeAll(async () => {
    await jira.start();
    jira.addUser({ email: "ann@example.com", apiToken: "token-1", displayName: "Ann" });
    jira.addProject({
      key: "SEC",
      name: "Security",
      issueTypes: [
        { id: "10001", name: "Task" },
        { id: "10002", name: "Bug", extraFields: [requiredCustomField("customfield_10010", "Team")] },
      ],
    });
  });
  afterAll(() => jira.stop());
  beforeEach(() => jira.reset());

  it("creates an issue with an ADF description and finds it through JQL search", async () => {
    const created = await call(`${jira.url}/rest/api/3/issue`, {
      headers: auth,
      body: {
        fields: {
          project: { key: "SEC" },
          issuetype: { id: "10001" },
          summary: "Secret in repo",
          description: adfText("details"),
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ key: expect.stringMatching(/^SEC-\d+$/) });
    const search = await call(`${jira.url}/rest/api/3/search/jql`, {
      headers: auth,
      body: { jql: "project = SEC", fields: ["summary", "description", "comment"], maxResults: 50 },
    });
    expect(search.json).toMatchObject({ isLast: true, issues: [{ fields: { summary: "Secret in repo" } }] });
    expect((await call(`${jira.url}/rest/api/3/myself`, { headers: auth })).json).toMatchObject({ displayName: "Ann" });
    expect(jira.violations).toEqual([]);
  });

  it("rejects a plain-string description like Jira and records the violation", async () => {
    const res = await call(`${jira.url}/rest/api/3/issue`, {
      headers: auth,
      body: {
        fields: { project: { key: "SEC" }, issuetype: { id: "10001" }, summary: "x", description: "plain text" },
      },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      errorMessages: [],
      errors: { description: "Operation value must be an Atlassian Document (see the Atlassian Document Format)" },
    });
    expect(jira.violations.length).toBeGreaterThan(0);
  });

  it("validates query parameters against the OpenAPI operation", async () => {
    const res = await call(`${jira.url}/rest/api/3/project/search?maxResults=lots`, { headers: auth });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ errorMessages: [expect.stringContaining("maxResults")] });
    expect(jira.violations).toEqual([expect.stringContaining("maxResults")]);
  });

  it("reports a missing required custom field without calling it a violation", async () => {
    const res = await call(`${jira.url}/rest/api/3/issue`, {
      headers: auth,
      body: { fields: { project: { key: "SEC" }, issuetype: { id: "10002" }, summary: "x" } },
    });
    expect(res).toMatchObject({
      status: 400,
      json: { errorMessages: [], errors: { customfield_10010: "Team is required." } },
    });
    expect(jira.violations).toEqual([]);
  });

  it("answers 401 to wrong credentials", async () => {
    const res = await call(`${jira.url}/rest/api/3/myself`, { headers: basic("ann@example.com", "wrong") });
    expect(res).toMatchObject({ status: 401, text: "Client must be authenticated to access this resource." });
  });
});

describe("Confluence Cloud fake", () => {
  const wiki = createConfluenceFake();
  const auth = basic("ann@example.com", "token-1");
  beforeAll(async () => {
    await wiki.start();
    wiki.addUser({ email: "ann@example.com", apiToken: "token-1" });
    for (const key of ["ENG", "OPS", "HR"]) wiki.addSpace({ key });
    wiki.addPage({ space: "ENG", title: "Runbook", body: "<p>password=hunter2</p>" });
  });
  afterAll(() => wiki.stop());
  beforeEach(() => wiki.reset());

  it("pages spaces by cursor and returns storage bodies", async () => {
    const first = await call(`${wiki.url}/wiki/api/v2/spaces?limit=2`, { headers: auth });
    const next = (first.json as { _links: { next: string } })._links.next;
    expect(next).toMatch(/^\/wiki\/api\/v2\/spaces\?.*cursor=/);
    const second = await call(`${wiki.url}${next}`, { headers: auth });
    expect((second.json as { results: unknown[] }).results).toHaveLength(1);
    const page = wiki.pages[0];
    const got = await call(`${wiki.url}/wiki/api/v2/pages/${page.id}?body-format=storage`, { headers: auth });
    expect(got.json).toMatchObject({ title: "Runbook", body: { storage: { value: "<p>password=hunter2</p>" } } });
    expect((await call(`${wiki.url}/wiki/rest/api/user/current`, { headers: auth })).json).toMatchObject({
      email: "ann@example.com",
    });
    expect(wiki.violations).toEqual([]);
  });

  it("rejects an unknown body-format with Confluence's v2 error body", async () => {
    const res = await call(`${wiki.url}/wiki/api/v2/pages?body-format=wiki`, { headers: auth });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ errors: [{ status: 400, code: "INVALID_REQUEST_PARAMETER" }] });
    expect(wiki.violations).toHaveLength(1);
  });

  it("takes a page update whose body fits either branch of the spec's oneOf, and still refuses one that fits neither", async () => {
    const page = wiki.pages[0];
    const update = (body: unknown, version: number) =>
      call(`${wiki.url}/wiki/api/v2/pages/${page.id}`, {
        method: "PUT",
        headers: auth,
        body: { id: page.id, status: "current", title: "Runbook", body, version: { number: version } },
      });
    // PageBodyWrite and PageNestedBodyWrite have no required properties: this body fits both.
    expect((await update({ representation: "storage", value: "<p>rotated</p>" }, page.version + 1)).status).toBe(200);
    expect(wiki.violations).toEqual([]);
    // Not an object: fits neither branch.
    await update("<p>bare storage</p>", page.version + 1);
    expect(wiki.violations.some((v) => v.includes("body/body must match a schema in anyOf"))).toBe(true);
  });

  it("refuses a page update whose body lacks what Confluence requires, though the spec's branches require nothing", async () => {
    const page = wiki.pages[0];
    wiki.reset();
    const update = (body: unknown) =>
      call(`${wiki.url}/wiki/api/v2/pages/${page.id}`, {
        method: "PUT",
        headers: auth,
        body: { id: page.id, status: "current", title: "Runbook", body, version: { number: page.version + 1 } },
      });
    for (const body of [
      {},
      { representation: "storage" },
      { storage: { representation: "storage" } },
      { storage: { value: "<p>x</p>" } },
    ]) {
      wiki.reset();
      await update(body);
      expect(wiki.violations, JSON.stringify(body)).not.toEqual([]);
    }
    wiki.reset();
    await update({ storage: { representation: "storage" } });
    expect(wiki.violations).toContainEqual(expect.stringContaining("body/body/storage/value must be a string"));
    wiki.reset();
    expect((await update({ storage: { representation: "storage", value: "<p>nested</p>" } })).status).toBe(200);
    expect(wiki.violations).toEqual([]);
  });
});

describe("monday.com fake", () => {
  const monday = createMondayFake();
  const headers = { authorization: "monday-token", "api-version": "2025-04" };
  let boardId = "";
  beforeAll(async () => {
    await monday.start();
    monday.addToken("monday-token");
    const ws = monday.addWorkspace({ name: "Security" });
    boardId = monday.addBoard({
      name: "Findings",
      workspace_id: ws.id,
      columns: [
        { id: "name", title: "Name", type: "name" },
        { id: "severity", title: "Severity", type: "status", labels: { "0": "error", "1": "warning", "2": "info" } },
        { id: "first_seen", title: "First seen", type: "date" },
      ],
    }).id;
  });
  afterAll(() => monday.stop());
  beforeEach(() => monday.reset());
  const gql = (query: string, variables?: unknown, h: Headers = headers) =>
    call(monday.apiUrl, { headers: h, body: { query, variables } });
  const createItem = `mutation ($board: ID!, $values: JSON) { create_item(board_id: $board, item_name: "Leak", column_values: $values) { id } }`;

  it("answers me, workspaces and boards, and creates an item with valid column values", async () => {
    expect((await gql("query { me { account { slug } } }")).json).toMatchObject({
      data: { me: { account: { slug: "acme" } } },
    });
    const boards = await gql(
      "query { boards(limit: 10) { id name workspace_id columns { id title type } groups { id title } } }",
    );
    expect(boards.json).toMatchObject({
      data: {
        boards: [
          { id: boardId, columns: expect.arrayContaining([{ id: "severity", title: "Severity", type: "status" }]) },
        ],
      },
    });
    const created = await gql(createItem, {
      board: boardId,
      values: JSON.stringify({ severity: { label: "error" }, first_seen: { date: "2026-01-31" } }),
    });
    expect(created.json).toMatchObject({ data: { create_item: { id: expect.any(String) } } });
    expect(monday.items).toHaveLength(1);
    expect(monday.violations).toEqual([]);
  });

  it("rejects a query that does not validate against the SDL, inside HTTP 200", async () => {
    const res = await gql("query { me { acount { slug } } }");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ errors: [{ message: expect.stringContaining("acount") }] });
    expect(monday.violations).toHaveLength(1);
  });

  it("answers a malformed date column value with ColumnValueException", async () => {
    const res = await gql(createItem, {
      board: boardId,
      values: JSON.stringify({ first_seen: { date: "31/01/2026" } }),
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      data: { create_item: null },
      errors: [{ extensions: { code: "ColumnValueException" } }],
    });
    expect(monday.violations).toEqual([expect.stringContaining("first_seen")]);
  });

  it("answers 401 to a bad token, 429 when rate limited, and scripted errors", async () => {
    expect((await gql("query { me { id } }", undefined, { ...headers, authorization: "nope" })).status).toBe(401);
    monday.rateLimitNext(3);
    const limited = await gql("query { me { id } }");
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "3"]);
    monday.errorNext("Complexity budget exhausted", "ComplexityException");
    expect((await gql("query { me { id } }")).json).toMatchObject({
      errors: [{ extensions: { code: "ComplexityException" } }],
    });
  });
});

describe("PagerDuty Events v2 fake", () => {
  const pd = createPagerDutyFake();
  beforeAll(() => pd.start());
  afterAll(() => pd.stop());
  beforeEach(() => pd.reset());
  const trigger = (routing_key: string) => ({
    routing_key,
    event_action: "trigger",
    dedup_key: "issue-1",
    payload: { summary: "Secret found", source: "jelly-sandwich", severity: "error" },
  });

  it("accepts a trigger and a resolve with the same dedup_key", async () => {
    const key = pd.newRoutingKey();
    const res = await call(pd.enqueueUrl, { body: trigger(key) });
    expect(res).toMatchObject({
      status: 202,
      json: { status: "success", message: "Event processed", dedup_key: "issue-1" },
    });
    await call(pd.enqueueUrl, { body: { routing_key: key, event_action: "resolve", dedup_key: "issue-1" } });
    expect(pd.alerts.get("issue-1")).toBe("resolved");
    expect(pd.violations).toEqual([]);
  });

  it("rejects a short routing key and a bad severity like PagerDuty", async () => {
    const res = await call(pd.enqueueUrl, {
      body: { ...trigger("short"), payload: { summary: "x", source: "y", severity: "high" } },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      status: "invalid event",
      message: "Event object is invalid",
      errors: expect.arrayContaining([expect.stringContaining("routing_key")]),
    });
    expect(pd.violations.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a key marked invalid and throttles on demand", async () => {
    const key = pd.newRoutingKey();
    pd.markRoutingKeyInvalid(key);
    expect((await call(pd.enqueueUrl, { body: trigger(key) })).json).toMatchObject({ errors: ["Invalid routing key"] });
    pd.rateLimitNext(2);
    expect((await call(pd.enqueueUrl, { body: trigger(pd.newRoutingKey()) })).json).toMatchObject({
      status: "throttle event",
    });
    expect(pd.violations).toEqual([]);
  });
});
