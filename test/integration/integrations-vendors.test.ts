import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as globalOne from "@/app/api/v1/integrations/[provider]/route";
import * as globalTest from "@/app/api/v1/integrations/[provider]/test/route";
import * as teamOne from "@/app/api/v1/teams/[teamId]/integrations/[provider]/route";
import * as teamTest from "@/app/api/v1/teams/[teamId]/integrations/[provider]/test/route";
import * as workspaces from "@/app/api/v1/teams/[teamId]/integrations/[provider]/workspaces/route";
import {
  createConfluenceFake,
  createJiraFake,
  createMondayFake,
  createPagerDutyFake,
  createSlackFake,
} from "@/test/fakes";
import { call, seedWorld, type World } from "./integrations-harness";

const slack = createSlackFake();
const jira = createJiraFake();
const confluence = createConfluenceFake();
const monday = createMondayFake();
const pagerduty = createPagerDutyFake();
const fakes = [slack, jira, confluence, monday, pagerduty];
let world: World;

beforeAll(async () => {
  await Promise.all(fakes.map((f) => f.start()));
  process.env.MONDAY_API_URL = monday.apiUrl;
  process.env.PAGERDUTY_EVENTS_URL = pagerduty.enqueueUrl;
  world = await seedWorld();
});
afterAll(async () => {
  expect(fakes.flatMap((f) => f.violations)).toEqual([]);
  await Promise.all(fakes.map((f) => f.stop()));
});

const admin = () => world.tokens.admin;
const put = (provider: string, body: unknown) => call(globalOne.PUT, { provider }, { token: admin(), body });
const test = (provider: string, body?: unknown) =>
  call(globalTest.POST, { provider }, { token: admin(), body, method: "POST" });

describe("Test buttons against the vendors", () => {
  it("Slack: posts a real Block Kit test message, and reports Slack's own error text", async () => {
    const good = slack.addWebhook();
    expect((await put("slack", { webhookUrl: good })).status).toBe(200);
    const ok = await test("slack");
    expect(ok.json).toMatchObject({ ok: true, status: 200 });
    expect(ok.json.durationMs).toBeGreaterThanOrEqual(0);
    expect(slack.messages.at(-1)?.text).toMatch(/Code Security/);

    const archived = slack.addWebhook(undefined, "archived");
    expect((await test("slack", { webhookUrl: archived })).json).toMatchObject({
      ok: false,
      status: 410,
      message: "channel_is_archived",
    });
    const gone = `${slack.url}/services/T000/B000/unknown`;
    expect((await test("slack", { webhookUrl: gone })).json).toMatchObject({
      ok: false,
      status: 404,
      message: "no_service",
    });
    const revoked = slack.addWebhook(undefined, "invalid_token");
    expect((await test("slack", { webhookUrl: revoked })).json).toMatchObject({
      ok: false,
      status: 403,
      message: "invalid_token",
    });

    // Testing unsaved edits left the saved status alone; testing the saved settings set it.
    const saved = await call(globalOne.GET, { provider: "slack" }, { token: admin() });
    expect(saved.json.status.state).toBe("connected");
  });

  it("Jira: GET /rest/api/3/myself with Basic auth, and Jira's 401 text for a wrong token", async () => {
    jira.addUser({ email: "ann@example.com", apiToken: "jira-token-1", displayName: "Ann" });
    expect(
      (await put("jira", { domainUrl: `${jira.url}/`, email: "ann@example.com", apiToken: "jira-token-1" })).json
        .domainUrl,
    ).toBe(jira.url);
    expect((await test("jira")).json).toMatchObject({ ok: true, status: 200, message: "Connected as Ann" });
    expect(jira.requests.at(-1)?.path).toBe("/rest/api/3/myself");

    const wrong = await test("jira", { domainUrl: jira.url, email: "ann@example.com", apiToken: "wrong" });
    expect(wrong.json).toMatchObject({ ok: false, status: 401 });
    expect(wrong.json.message).toMatch(/must be authenticated/);
    // The masked token means "the stored one": an edit of the email alone is tested with it.
    const masked = (await call(globalOne.GET, { provider: "jira" }, { token: admin() })).json.apiToken;
    expect((await test("jira", { domainUrl: jira.url, email: "ann@example.com", apiToken: masked })).json.ok).toBe(
      true,
    );
  });

  it("Confluence: its current-user endpoint", async () => {
    confluence.addUser({ email: "cat@example.com", apiToken: "conf-token", displayName: "Cat" });
    await put("confluence", { domainUrl: confluence.url, email: "cat@example.com", apiToken: "conf-token" });
    expect((await test("confluence")).json).toMatchObject({ ok: true, status: 200, message: "Connected as Cat" });
    expect(
      (await test("confluence", { domainUrl: confluence.url, email: "cat@example.com", apiToken: "nope" })).json,
    ).toMatchObject({ ok: false, status: 401 });
  });

  it("Monday: me { account { slug } } stores the account domain, and monday's errors inside HTTP 200 are surfaced", async () => {
    monday.addToken("monday-token-1");
    const saved = await put("monday", { apiToken: "monday-token-1" });
    expect(saved.json.settings.accountDomain).toBe("acme.monday.com");
    expect(monday.requests.at(-1)?.headers["api-version"]).toMatch(/^\d{4}-\d{2}$/);
    expect(monday.requests.at(-1)?.headers.authorization).toBe("monday-token-1");
    expect((await test("monday")).json).toMatchObject({ ok: true, status: 200, accountDomain: "acme.monday.com" });

    monday.errorNext("User unauthorized to perform action", "UserUnauthorizedException");
    expect((await test("monday")).json).toMatchObject({
      ok: false,
      status: 200,
      message: "User unauthorized to perform action",
    });
    expect((await test("monday", { apiToken: "unknown" })).json).toMatchObject({
      ok: false,
      status: 401,
      message: "Not Authenticated",
    });
  });

  it("Monday at team level: a live workspace list and the team's default workspace", async () => {
    const ws = monday.addWorkspace({ name: "Platform space" });
    monday.addWorkspace({ name: "Another space" });
    const token = world.tokens.lead;
    const params = { provider: "monday", teamId: world.teamId };
    const list = await call(workspaces.GET, params, { token });
    expect(list.json.items.map((w: { name: string }) => w.name)).toEqual(["Another space", "Platform space"]);
    expect((await call(workspaces.GET, { provider: "monday", teamId: world.otherTeamId }, { token })).status).toBe(403);

    const saved = await call(teamOne.PUT, params, { token, body: { defaultWorkspaceId: ws.id } });
    expect(saved.json).toMatchObject({ defaultWorkspaceId: ws.id, teamId: world.teamId });
    expect(saved.text).not.toContain("monday-token-1");
    expect((await call(teamTest.POST, params, { token, method: "POST" })).json).toMatchObject({
      ok: true,
      status: 200,
    });
    expect(
      (await call(teamTest.POST, params, { token, method: "POST", body: { defaultWorkspaceId: "999" } })).json,
    ).toMatchObject({ ok: false, status: 200 });
  });

  it("PagerDuty: a trigger then a resolve with the same dedup key", async () => {
    const key = pagerduty.newRoutingKey();
    await put("pagerduty", { routingKey: key });
    const result = await test("pagerduty");
    expect(result.json).toMatchObject({ ok: true, status: 202 });
    const [trigger, resolve] = pagerduty.events.slice(-2);
    expect(trigger).toMatchObject({ event_action: "trigger", routing_key: key });
    expect(resolve).toMatchObject({ event_action: "resolve", dedup_key: trigger.dedup_key });
    expect(pagerduty.alerts.get(trigger.dedup_key)).toBe("resolved");

    pagerduty.markRoutingKeyInvalid(key);
    expect((await test("pagerduty")).json).toMatchObject({ ok: false, status: 400, message: "Invalid routing key" });
    const saved = await call(globalOne.GET, { provider: "pagerduty" }, { token: admin() });
    expect(saved.json.status).toMatchObject({ state: "failing", lastError: "HTTP 400: Invalid routing key" });
  });

  it("a receiver that does not answer in time is reported as a timeout", { timeout: 20_000 }, async () => {
    const url = slack.addWebhook();
    slack.delayMs = 10_500;
    const result = await test("slack", { webhookUrl: url });
    slack.delayMs = 0;
    expect(result.json).toMatchObject({ ok: false, status: null });
    expect(result.json.message).toMatch(/10 s/);
  });
});
