import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as globalOne from "@/app/api/v1/integrations/[provider]/route";
import * as globalTest from "@/app/api/v1/integrations/[provider]/test/route";
import * as teamOne from "@/app/api/v1/teams/[teamId]/integrations/[provider]/route";
import * as teamTest from "@/app/api/v1/teams/[teamId]/integrations/[provider]/test/route";
import { db } from "@/db/client";
import { auditLog, integrations } from "@/db/schema";
import { createConfluenceFake, createJiraFake, createSlackFake } from "@/test/fakes";
import { createRecorder } from "@/test/support/recorder";
import { call, seedWorld, type World } from "./integrations-harness";

const jira = createJiraFake();
const confluence = createConfluenceFake();
const slack = createSlackFake();
const attacker = createRecorder();
let world: World;

const TOKENS = { jira: "admin-typed-jira-token-0001", confluence: "admin-typed-confluence-token-0002" };

beforeAll(async () => {
  await Promise.all([jira.start(), confluence.start(), slack.start(), attacker.start()]);
  world = await seedWorld();
  jira.addUser({ email: "admin@acme.test", apiToken: TOKENS.jira, displayName: "Ada" });
  confluence.addUser({ email: "admin@acme.test", apiToken: TOKENS.confluence, displayName: "Ada" });
});
afterAll(() => Promise.all([jira.stop(), confluence.stop(), slack.stop(), attacker.stop()]));
beforeEach(() => {
  attacker.seen.length = 0;
});

const rowOf = async (provider: "jira" | "confluence", teamId: string | null) =>
  (
    await db
      .select()
      .from(integrations)
      .where(and(eq(integrations.provider, provider), teamId ? eq(integrations.teamId, teamId) : undefined))
  ).find((r) => r.teamId === teamId)!;

// Each scope's manager: the administrator globally, the team's lead at team level.
const scopes = [
  { name: "an administrator, globally", teamId: () => null, token: () => world.tokens.admin },
  { name: "a team lead, on their team", teamId: () => world.teamId, token: () => world.tokens.lead },
];

describe("stored secrets never follow a changed destination", () => {
  for (const provider of ["jira", "confluence"] as const) {
    const site = () => (provider === "jira" ? jira.url : confluence.url);
    for (const scope of scopes) {
      it(`${provider}: ${scope.name} moving domainUrl with the token masked or left out gets 422, and nothing is sent or stored`, async () => {
        const teamId = scope.teamId();
        const one = teamId
          ? (h: typeof teamOne.PUT) => [h, { provider, teamId }] as const
          : (h: typeof globalOne.PUT) => [h, { provider }] as const;
        const [putRoute, params] = teamId ? one(teamOne.PUT) : one(globalOne.PUT);
        const testRoute = teamId ? teamTest.POST : globalTest.POST;
        // The administrator sets it up with the token, as they would.
        const created = await call(putRoute, params, {
          token: world.tokens.admin,
          body: { domainUrl: site(), email: "admin@acme.test", apiToken: TOKENS[provider] },
        });
        expect(created.status).toBe(200);
        const masked = created.json.apiToken as string;
        expect(masked).toMatch(/^••••/);
        const before = await rowOf(provider, teamId);

        for (const apiToken of [masked, undefined, null, ""]) {
          const moved = {
            domainUrl: attacker.url,
            email: "admin@acme.test",
            ...(apiToken === undefined ? {} : { apiToken }),
          };
          const save = await call(putRoute, params, { token: scope.token(), body: moved });
          expect(save.status, `save with apiToken ${String(apiToken)}`).toBe(422);
          expect(Object.keys(save.json.error.fields)).toEqual(["apiToken"]);
          const tested = await call(testRoute, params, { token: scope.token(), body: moved, method: "POST" });
          expect(tested.status, `test with apiToken ${String(apiToken)}`).toBe(422);
          expect(tested.json.error.fields.apiToken).toMatch(/^Enter the API token/i);
          if (apiToken !== "") expect(save.json.error.fields.apiToken).toMatch(/again: the Domain URL changed/);
        }
        expect(attacker.seen).toEqual([]);
        expect(await rowOf(provider, teamId)).toEqual(before);

        // Typed again, it may go there: its owner typed it in.
        const typed = await call(testRoute, params, {
          token: scope.token(),
          body: { domainUrl: attacker.url, email: "admin@acme.test", apiToken: "a-token-typed-for-there" },
        });
        expect(typed.status).toBe(200);
        expect(attacker.seen).toHaveLength(1);
        expect(attacker.seen[0].authorization).toBe(
          `Basic ${Buffer.from("admin@acme.test:a-token-typed-for-there").toString("base64")}`,
        );

        // The same site with the token masked (a trailing slash is the same site) keeps it.
        const same = await call(putRoute, params, {
          token: scope.token(),
          body: { domainUrl: `${site()}/`, email: "admin@acme.test", apiToken: masked, minSeverity: "warning" },
        });
        expect(same.status).toBe(200);
        expect((await call(testRoute, params, { token: scope.token(), method: "POST" })).json).toMatchObject({
          ok: true,
          status: 200,
        });
        await call(teamId ? teamOne.DELETE : globalOne.DELETE, params, { token: world.tokens.admin, method: "DELETE" });
      });
    }
  }

  it("Slack and the webhooks: the URL is the secret, so a masked one keeps the stored destination and a new one is typed", async () => {
    const hook = slack.addWebhook();
    const saved = await call(
      globalOne.PUT,
      { provider: "slack" },
      { token: world.tokens.admin, body: { webhookUrl: hook } },
    );
    expect(
      (
        await call(
          globalOne.PUT,
          { provider: "slack" },
          { token: world.tokens.admin, body: { webhookUrl: saved.json.webhookUrl, minSeverity: "error" } },
        )
      ).status,
    ).toBe(200);
    const events = await call(
      globalOne.PUT,
      { provider: "events-webhook" },
      { token: world.tokens.admin, body: { url: `${attacker.url}/first` } },
    );
    expect(events.status).toBe(200);
    const moved = await call(
      globalOne.PUT,
      { provider: "events-webhook" },
      { token: world.tokens.admin, body: { url: `${attacker.url}/second`, token: events.json.token } },
    );
    expect(moved.status).toBe(200);
    expect(moved.json.token).toBe(events.json.token);
  });
});

describe("every Test goes to the audit log", () => {
  it("with who ran it and the destination host, never a secret", async () => {
    const hook = slack.addWebhook("/services/T0AUDIT/B0AUDIT/auditSecretPathZ9");
    await call(
      teamOne.PUT,
      { provider: "slack", teamId: world.teamId },
      { token: world.tokens.lead, body: { webhookUrl: hook } },
    );
    await db.delete(auditLog);
    expect(
      (
        await call(
          teamTest.POST,
          { provider: "slack", teamId: world.teamId },
          { token: world.tokens.lead, method: "POST" },
        )
      ).json.ok,
    ).toBe(true);
    const edited = await call(
      globalTest.POST,
      { provider: "jira" },
      {
        token: world.tokens.admin,
        body: { domainUrl: jira.url, email: "admin@acme.test", apiToken: "not-the-token-123" },
      },
    );
    expect(edited.json).toMatchObject({ ok: false, status: 401 });
    // A refused Test (a member) is not a Test, and is not written.
    expect(
      (
        await call(
          teamTest.POST,
          { provider: "slack", teamId: world.teamId },
          { token: world.tokens.member, method: "POST" },
        )
      ).status,
    ).toBe(403);

    const entries = await db.select().from(auditLog).orderBy(auditLog.at);
    expect(
      entries.map((e) => ({ actor: e.actorEmail, action: e.action, teamId: e.teamId, details: e.details })),
    ).toEqual([
      {
        actor: "lead@example.com",
        action: "integration.tested",
        teamId: world.teamId,
        details: {
          provider: "slack",
          scope: "team",
          host: new URL(slack.url).host,
          unsavedEdits: false,
          ok: true,
          status: 200,
        },
      },
      {
        actor: "root@example.com",
        action: "integration.tested",
        teamId: null,
        details: {
          provider: "jira",
          scope: "global",
          host: new URL(jira.url).host,
          unsavedEdits: true,
          ok: false,
          status: 401,
        },
      },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/auditSecretPathZ9|not-the-token-123/);
  });
});

describe("a Test's answer never carries a stored secret", () => {
  it("even when the receiver quotes back the routing key, token or Basic credential it got", async () => {
    // A receiver that refuses everything, quoting the request: its credentials, path and body.
    const echo = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const text = `refused: ${req.headers.authorization} ${req.url} ${body.slice(0, 200)}`;
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ message: text }));
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", () => resolve()));
    const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    const saved = { pd: process.env.PAGERDUTY_EVENTS_URL, monday: process.env.MONDAY_API_URL };
    process.env.PAGERDUTY_EVENTS_URL = `${url}/v2/enqueue`;
    process.env.MONDAY_API_URL = `${url}/v2`;
    const basic = Buffer.from("admin@acme.test:echoed-jira-token-0003").toString("base64");
    const secrets = ["echoedRoutingKey0123456789abcdef", "echoed-monday-token-0004", "echoed-jira-token-0003", basic];
    try {
      for (const [provider, body] of [
        ["pagerduty", { routingKey: secrets[0] }],
        ["monday", { apiToken: secrets[1] }],
        ["jira", { domainUrl: url, email: "admin@acme.test", apiToken: secrets[2] }],
      ] as const) {
        const put = await call(globalOne.PUT, { provider }, { token: world.tokens.admin, body });
        expect(put.status, provider).toBe(200);
        for (const edits of [undefined, body]) {
          const tested = await call(
            globalTest.POST,
            { provider },
            { token: world.tokens.admin, method: "POST", body: edits },
          );
          expect(tested.json).toMatchObject({ ok: false, status: 400 });
          expect(tested.json.message, provider).toMatch(/refused: /);
          for (const secret of secrets) expect(tested.text, provider).not.toContain(secret);
          // The integration's status keeps the same words, masked too.
          const read = await call(globalOne.GET, { provider }, { token: world.tokens.admin });
          for (const secret of secrets) expect(read.text, provider).not.toContain(secret);
        }
        await call(globalOne.DELETE, { provider }, { token: world.tokens.admin, method: "DELETE" });
      }
    } finally {
      process.env.PAGERDUTY_EVENTS_URL = saved.pd;
      process.env.MONDAY_API_URL = saved.monday;
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });
});
