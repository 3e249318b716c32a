import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as globalList from "@/app/api/v1/integrations/route";
import * as globalOne from "@/app/api/v1/integrations/[provider]/route";
import * as globalTest from "@/app/api/v1/integrations/[provider]/test/route";
import * as teamList from "@/app/api/v1/teams/[teamId]/integrations/route";
import * as teamOne from "@/app/api/v1/teams/[teamId]/integrations/[provider]/route";
import * as teamTest from "@/app/api/v1/teams/[teamId]/integrations/[provider]/test/route";
import { db } from "@/db/client";
import { auditLog, integrations } from "@/db/schema";
import { createSlackFake } from "@/test/fakes";
import { raceIt } from "@/test/support/race";
import { call, seedWorld, type World } from "./integrations-harness";

const slack = createSlackFake();
let world: World;
let hookUrl: string;

beforeAll(async () => {
  await slack.start();
  world = await seedWorld();
});
afterAll(() => slack.stop());
beforeEach(() => {
  slack.reset();
  hookUrl = slack.addWebhook();
});

describe("integrations REST API: who may do what", () => {
  it("answers 401 to a request without a valid token, on every route", async () => {
    const p = { provider: "slack" };
    const t = { provider: "slack", teamId: world.teamId };
    for (const [handler, params, body] of [
      [globalList.GET, {}, undefined],
      [globalOne.PUT, p, { webhookUrl: hookUrl }],
      [globalOne.DELETE, p, undefined],
      [globalTest.POST, p, undefined],
      [teamList.GET, { teamId: world.teamId }, undefined],
      [teamOne.PUT, t, { webhookUrl: hookUrl }],
      [teamOne.DELETE, t, undefined],
      [teamTest.POST, t, undefined],
    ] as const) {
      const res = await call(handler, params, { body, token: undefined });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("unauthorized");
      const bad = await call(handler, params, { body, token: "cs_not-a-real-token" });
      expect(bad.status).toBe(401);
    }
  });

  it("a member cannot read or change any integration settings", async () => {
    const token = world.tokens.member;
    expect((await call(globalList.GET, {}, { token })).status).toBe(403);
    expect((await call(globalOne.PUT, { provider: "slack" }, { token, body: { webhookUrl: hookUrl } })).status).toBe(
      403,
    );
    expect(
      (await call(teamOne.PUT, { provider: "slack", teamId: world.teamId }, { token, body: { webhookUrl: hookUrl } }))
        .status,
    ).toBe(403);
    expect(
      (await call(teamTest.POST, { provider: "slack", teamId: world.teamId }, { token, method: "POST" })).status,
    ).toBe(403);
    expect(await db.select().from(integrations)).toEqual([]);
  });

  it("a team lead manages their own team's Slack, but neither the global one nor another team's", async () => {
    const token = world.tokens.lead;
    expect((await call(globalOne.PUT, { provider: "slack" }, { token, body: { webhookUrl: hookUrl } })).status).toBe(
      403,
    );
    expect(
      (
        await call(
          teamOne.PUT,
          { provider: "slack", teamId: world.otherTeamId },
          { token, body: { webhookUrl: hookUrl } },
        )
      ).status,
    ).toBe(403);
    const own = await call(
      teamOne.PUT,
      { provider: "slack", teamId: world.teamId },
      { token, body: { webhookUrl: hookUrl, minSeverity: "warning" } },
    );
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ provider: "slack", teamId: world.teamId, minSeverity: "warning", enabled: true });
    const list = await call(teamList.GET, { teamId: world.teamId }, { token });
    expect(list.json.map((i: { provider: string }) => i.provider)).toEqual(["slack"]);
    expect((await call(teamOne.DELETE, { provider: "slack", teamId: world.teamId }, { token })).status).toBe(204);
    expect((await call(teamOne.DELETE, { provider: "slack", teamId: world.teamId }, { token })).status).toBe(404);
  });

  it("answers 404 for an unknown provider, an unknown team, and the Custom Webhook at team level", async () => {
    const token = world.tokens.admin;
    expect(
      (await call(globalOne.PUT, { provider: "discord" }, { token, body: { url: "https://x.example" } })).status,
    ).toBe(404);
    expect(
      (
        await call(
          teamOne.PUT,
          { provider: "slack", teamId: "00000000-0000-4000-8000-000000000000" },
          { token, body: { webhookUrl: hookUrl } },
        )
      ).status,
    ).toBe(404);
    expect(
      (await call(teamOne.PUT, { provider: "slack", teamId: "not-a-team" }, { token, body: { webhookUrl: hookUrl } }))
        .status,
    ).toBe(404);
    const custom = await call(
      teamOne.PUT,
      { provider: "custom-webhook", teamId: world.teamId },
      { token, body: { url: "https://example.com/hook" } },
    );
    expect(custom.status).toBe(404);
    expect(
      (await call(teamTest.POST, { provider: "custom-webhook", teamId: world.teamId }, { token, method: "POST" }))
        .status,
    ).toBe(404);
    expect((await call(globalOne.DELETE, { provider: "jira" }, { token })).status).toBe(404);
  });
});

describe("integrations REST API: field errors", () => {
  it("names each bad field with 422, and malformed JSON with 400", async () => {
    const token = world.tokens.admin;
    const slackBad = await call(
      globalOne.PUT,
      { provider: "slack" },
      { token, body: { webhookUrl: "https://example.com/not-slack", minSeverity: "critical" } },
    );
    expect(slackBad.status).toBe(422);
    expect(Object.keys(slackBad.json.error.fields).sort()).toEqual(["minSeverity", "webhookUrl"]);
    const pd = await call(globalOne.PUT, { provider: "pagerduty" }, { token, body: { routingKey: "x".repeat(31) } });
    expect(pd.status).toBe(422);
    expect(pd.json.error.fields.routingKey).toMatch(/32/);
    const jira = await call(
      globalOne.PUT,
      { provider: "jira" },
      { token, body: { domainUrl: "acme", email: "nope", apiToken: "" } },
    );
    expect(Object.keys(jira.json.error.fields).sort()).toEqual(["apiToken", "domainUrl", "email"]);
    const mondayTeam = await call(teamOne.PUT, { provider: "monday", teamId: world.teamId }, { token, body: {} });
    expect(mondayTeam.json.error.fields).toHaveProperty("defaultWorkspaceId");
    const malformed = await call(globalOne.PUT, { provider: "slack" }, { token, body: "{not json" });
    expect(malformed.status).toBe(400);
    const notObject = await call(globalOne.PUT, { provider: "slack" }, { token, body: "[1,2]" });
    expect(notObject.status).toBe(422);
    expect(await db.select().from(integrations)).toEqual([]);
  });

  it("refuses a masked secret when nothing is stored yet", async () => {
    const res = await call(
      globalOne.PUT,
      { provider: "slack" },
      { token: world.tokens.admin, body: { webhookUrl: "••••1234" } },
    );
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toHaveProperty("webhookUrl");
  });
});

describe("integrations REST API: secrets", () => {
  it("stores a saved secret encrypted and never answers it, and a masked value sent back keeps it", async () => {
    const token = world.tokens.admin;
    const put = await call(
      globalOne.PUT,
      { provider: "slack" },
      { token, body: { webhookUrl: hookUrl, minSeverity: "warning" } },
    );
    expect(put.status).toBe(200);
    const [row] = await db.select().from(integrations);
    expect(row.secrets).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(hookUrl);
    const key = hookUrl.split("/").pop()!;
    expect(JSON.stringify(row)).not.toContain(key);
    expect(put.text).not.toContain(key);
    expect(put.json.webhookUrl).toMatch(/^••••/);
    expect(put.json.settings.webhookUrl).toBe(put.json.webhookUrl);

    const list = await call(globalList.GET, {}, { token });
    expect(list.text).not.toContain(hookUrl);
    const one = await call(globalOne.GET, { provider: "slack" }, { token });
    expect(one.text).not.toContain(hookUrl);

    // Send the masked value back with another change: the stored URL stays and still works.
    const again = await call(
      globalOne.PUT,
      { provider: "slack" },
      { token, body: { webhookUrl: put.json.webhookUrl, minSeverity: "error" } },
    );
    expect(again.status).toBe(200);
    const test = await call(globalTest.POST, { provider: "slack" }, { token, method: "POST" });
    expect(test.json).toMatchObject({ ok: true, status: 200 });
    expect(slack.messages).toHaveLength(1);

    const audit = await db.select().from(auditLog);
    expect(JSON.stringify(audit)).not.toContain(hookUrl);
    const updates = audit
      .filter((a) => a.action.startsWith("integration.") && a.action !== "integration.tested" && a.teamId === null)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    expect(updates.map((a) => a.details)).toEqual([
      { provider: "slack", scope: "global", fields: { webhookUrl: "changed", minSeverity: "warning", enabled: true } },
      { provider: "slack", scope: "global", fields: { minSeverity: "error" } },
    ]);
    expect(slack.violations).toEqual([]);
  });
});

describe("integrations REST API: simultaneous saves", () => {
  raceIt("three PUTs creating the same integration at once all succeed, leaving one row", async () => {
    const hooks = [slack.addWebhook(), slack.addWebhook(), slack.addWebhook()];
    const answers = await Promise.all(
      hooks.map((webhookUrl) =>
        call(
          teamOne.PUT,
          { provider: "slack", teamId: world.otherTeamId },
          { token: world.tokens.admin, body: { webhookUrl } },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const made = (await db.select().from(integrations)).filter(
      (r) => r.provider === "slack" && r.teamId === world.otherTeamId,
    );
    expect(made).toHaveLength(1);
    expect(new Set(answers.map((a) => a.json.id))).toEqual(new Set([made[0].id]));
  });
});

describe("integrations REST API: the list", () => {
  it("shows each integration as GET of its provider does, hookUrl included for the scope's managers", async () => {
    const jira = { domainUrl: "http://127.0.0.1:9", email: "ann@example.com", apiToken: "list-jira-token-0007" };
    expect((await call(globalOne.PUT, { provider: "jira" }, { token: world.tokens.admin, body: jira })).status).toBe(
      200,
    );
    const team = { provider: "jira", teamId: world.teamId };
    expect((await call(teamOne.PUT, team, { token: world.tokens.lead, body: jira })).status).toBe(200);

    const one = await call(globalOne.GET, { provider: "jira" }, { token: world.tokens.admin });
    expect(one.json.hookUrl).toMatch(new RegExp(`/api/v1/hooks/jira/${one.json.id}\\?token=`));
    const listed = await call(globalList.GET, {}, { token: world.tokens.admin });
    expect(listed.json.find((i: { provider: string }) => i.provider === "jira")).toEqual(one.json);

    const teamOneAnswer = await call(teamOne.GET, team, { token: world.tokens.lead });
    expect(teamOneAnswer.json.hookUrl).toMatch(new RegExp(`/api/v1/hooks/jira/${teamOneAnswer.json.id}\\?token=`));
    const teamListed = await call(teamList.GET, { teamId: world.teamId }, { token: world.tokens.lead });
    expect(teamListed.json.find((i: { provider: string }) => i.provider === "jira")).toEqual(teamOneAnswer.json);
    expect(teamListed.text).not.toContain(one.json.hookUrl);
    for (const answer of [listed, teamListed]) expect(answer.text).not.toContain(jira.apiToken);
  });
});
