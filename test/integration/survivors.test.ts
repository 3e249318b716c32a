// The seven planted bugs that once passed every test (issue 18), each caught here by what a person
// would see: a member who could delete or read their team's integration, a PagerDuty alert left
// ringing, a guard that trusted DNS, a secret in an API answer, findings deleted instead of resolved.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as globalOne from "@/app/api/v1/integrations/[provider]/route";
import * as globalList from "@/app/api/v1/integrations/route";
import * as teamOne from "@/app/api/v1/teams/[teamId]/integrations/[provider]/route";
import * as teamList from "@/app/api/v1/teams/[teamId]/integrations/route";
import { PATCH as patchIssue } from "@/app/api/v1/issues/[id]/route";
import { db, rows } from "@/db/client";
import { decryptSecrets } from "@/lib/crypto/secrets";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { sendRequest } from "@/lib/http/client";
import { setResolverForTests } from "@/lib/http/resolver";
import { saveIntegration } from "@/lib/integrations/service";
import { ingestScan } from "@/lib/issues/ingest";
import {
  createConfluenceFake,
  createJiraFake,
  createMondayFake,
  createPagerDutyFake,
  createSlackFake,
} from "@/test/fakes";
import { waitFor } from "@/test/support/wait";
import { call, seedWorld, type World } from "./integrations-harness";

process.env.DELIVERY_RETRY_BASE_MS = "50";

const pagerduty = createPagerDutyFake();
const slack = createSlackFake();
const jira = createJiraFake();
const confluence = createConfluenceFake();
const monday = createMondayFake();
const fakes = [pagerduty, slack, jira, confluence, monday];
let world: World;
let worker: DeliveryWorker;

beforeAll(async () => {
  await Promise.all(fakes.map((f) => f.start()));
  process.env.PAGERDUTY_EVENTS_URL = pagerduty.enqueueUrl;
  process.env.MONDAY_API_URL = monday.apiUrl;
  world = await seedWorld();
  await saveIntegration(world.admin, "pagerduty", null, { routingKey: pagerduty.newRoutingKey() });
  await saveIntegration(world.admin, "slack", world.teamId, { webhookUrl: slack.addWebhook() });
  worker = new DeliveryWorker({ log: () => {} });
  await worker.start();
});
afterAll(async () => {
  await worker?.stop();
  await Promise.all(fakes.map((f) => f.stop()));
});

const issueIdOf = async (assetId: string, fingerprint: string) =>
  (
    await rows<{ id: string }>(
      db,
      sql`select id from issues where asset_id = ${assetId} and (identity = ${`fp:${fingerprint}`} or deleted_at is not null) order by deleted_at nulls first limit 1`,
    )
  )[0].id;

/** The PagerDuty events a change caused, once every queued delivery has gone out. */
async function pagerDutyEventsOf(change: () => Promise<unknown>, expected: number) {
  const from = pagerduty.events.length;
  await change();
  await waitFor(
    async () => {
      const [{ n }] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from deliveries where status = 'pending'`,
      );
      return n === 0 && pagerduty.events.length >= from + expected;
    },
    20_000,
    `${expected} PagerDuty events`,
  );
  return pagerduty.events.slice(from).map((e) => [e.event_action, e.dedup_key]);
}

const finding = (fingerprint: string, path = "src/keys.ts") => ({
  detectorId: "CLD001",
  detectorName: "Visible AWS Key",
  severity: "error" as const,
  path,
  content: `key ${fingerprint}`,
  fingerprint,
});

describe("a team's integration is its leads' business", () => {
  it("a member who tries to delete the team's Slack integration is refused, and the team still gets its messages", async () => {
    const before = await call(teamOne.GET, { teamId: world.teamId, provider: "slack" }, { token: world.tokens.lead });
    expect(before.status).toBe(200);
    const refused = await call(
      teamOne.DELETE,
      { teamId: world.teamId, provider: "slack" },
      { token: world.tokens.member, method: "DELETE" },
    );
    expect(refused.status).toBe(403);
    const after = await call(teamOne.GET, { teamId: world.teamId, provider: "slack" }, { token: world.tokens.lead });
    expect(after.json).toMatchObject({ id: before.json.id, configured: true });
  });

  it("a member who opens the team's Slack settings is refused, and sees nothing of them", async () => {
    const refused = await call(
      teamOne.GET,
      { teamId: world.teamId, provider: "slack" },
      { token: world.tokens.member },
    );
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain("webhookUrl");
    expect(refused.text).not.toContain(slack.url);
  });
});

describe("PagerDuty stops paging when nobody needs to act", () => {
  it("ignoring an issue resolves its PagerDuty alert", async () => {
    const asset = { id: "github.com/acme/pd-ignore", kind: "code" as const };
    expect(
      await pagerDutyEventsOf(() => ingestScan(world.admin, { asset, findings: [finding("ignore-me")] }), 1),
    ).toEqual([["trigger", await issueIdOf(asset.id, "ignore-me")]]);
    const id = await issueIdOf(asset.id, "ignore-me");
    const events = await pagerDutyEventsOf(
      () => call(patchIssue, { id }, { token: world.tokens.member, method: "PATCH", body: { status: "ignored" } }),
      1,
    );
    expect(events).toEqual([["resolve", id]]);
    expect(pagerduty.alerts.get(id)).toBe("resolved");
  });

  it("a finding whose file was deleted resolves its PagerDuty alert", async () => {
    const asset = { id: "github.com/acme/pd-delete", kind: "code" as const };
    await pagerDutyEventsOf(
      () => ingestScan(world.admin, { asset, findings: [finding("gone-file", "src/old.ts")] }),
      1,
    );
    const id = await issueIdOf(asset.id, "gone-file");
    // The next scan lists its files, and src/old.ts is not among them: the issue is deleted.
    const events = await pagerDutyEventsOf(
      () => ingestScan(world.admin, { asset, findings: [], files: ["src/new.ts"] }),
      1,
    );
    expect(events).toEqual([["resolve", id]]);
    expect(pagerduty.alerts.get(id)).toBe("resolved");
  });
});

describe("a scan without a file list", () => {
  it("resolves the findings it no longer reports (they stay in the list as resolved), never deletes them", async () => {
    const asset = { id: "github.com/acme/no-files", kind: "code" as const };
    await ingestScan(world.admin, { asset, findings: [finding("kept", "src/a.ts")] });
    const result = await ingestScan(world.admin, { asset, findings: [] });
    expect(result).toMatchObject({ resolved: 1, deleted: 0 });
    const [issue] = await rows<{ status: string; deleted_at: unknown; identity: string }>(
      db,
      sql`select status, deleted_at, identity from issues where asset_id = ${asset.id}`,
    );
    expect(issue).toMatchObject({ status: "resolved", deleted_at: null, identity: "fp:kept" });
  });
});

describe("the SSRF guard judges the address it actually connected to", () => {
  it("refuses a connection that reached a loopback address though the name's address was judged public a moment earlier", async () => {
    const server = http.createServer((_req, res) => res.end("internal secrets"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    let requests = 0;
    server.on("request", () => requests++);
    const previous = process.env.OUTBOUND_ALLOW_PRIVATE;
    // DNS rebinding as the guard sees it: while the name is looked up, loopback passes the policy;
    // by the time the socket has connected, the policy refuses it. Only the check of the connected
    // address can stop this request.
    setResolverForTests(async () => {
      process.env.OUTBOUND_ALLOW_PRIVATE = "true";
      setImmediate(() => (process.env.OUTBOUND_ALLOW_PRIVATE = "false"));
      return [{ address: "127.0.0.1", family: 4 }];
    });
    try {
      const outcome = await sendRequest({
        url: `http://rebound.example.test:${port}/`,
        body: "{}",
        timeoutMs: 5_000,
      }).then(
        (answer) => ({ kind: "answered", answer }),
        (error: { kind?: string; message?: string }) => error,
      );
      expect(outcome).toMatchObject({ kind: "blocked" });
      expect(String((outcome as { message?: string }).message)).toContain("127.0.0.1 is a loopback address");
      expect(requests).toBe(0);
    } finally {
      setResolverForTests(null);
      process.env.OUTBOUND_ALLOW_PRIVATE = previous;
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe("stored secrets never come back from the REST API", () => {
  it("every provider's secrets, global and team, are masked in every answer to administrators and leads", async () => {
    jira.addUser({ email: "ann@example.com", apiToken: "jira-token-secret-0001", displayName: "Ann" });
    confluence.addUser({ email: "ann@example.com", apiToken: "wiki-token-secret-0002", displayName: "Ann" });
    const mondayToken = "monday-token-secret-0003";
    monday.addToken(mondayToken);
    const global = {
      slack: { webhookUrl: slack.addWebhook() },
      pagerduty: { routingKey: pagerduty.newRoutingKey() },
      jira: { domainUrl: jira.url, email: "ann@example.com", apiToken: "jira-token-secret-0001" },
      confluence: { domainUrl: confluence.url, email: "ann@example.com", apiToken: "wiki-token-secret-0002" },
      monday: { apiToken: mondayToken },
    };
    for (const [provider, values] of Object.entries(global)) {
      const saved = await call(globalOne.PUT, { provider }, { token: world.tokens.admin, body: values });
      expect(saved.status, `${provider}: ${saved.text}`).toBe(200);
    }
    const team = {
      slack: { webhookUrl: slack.addWebhook() },
      pagerduty: { routingKey: pagerduty.newRoutingKey() },
      jira: { domainUrl: jira.url, email: "ann@example.com", apiToken: "jira-token-secret-0001" },
    };
    for (const [provider, values] of Object.entries(team)) {
      const saved = await call(
        teamOne.PUT,
        { teamId: world.teamId, provider },
        { token: world.tokens.lead, body: values },
      );
      expect(saved.status, `${provider}: ${saved.text}`).toBe(200);
    }

    // Every secret the database holds for an integration (the signing tokens of the two webhooks
    // are shown to their managers on purpose, so they are not searched for).
    const stored = await rows<{ provider: string; secrets: string | null }>(
      db,
      sql`select provider, secrets from integrations`,
    );
    const secrets = stored.flatMap((r) =>
      (r.secrets ? Object.values(decryptSecrets(r.secrets)) : []).map((value) => ({ provider: r.provider, value })),
    );
    const searched = secrets.filter((s) => !["custom-webhook", "events-webhook"].includes(s.provider));
    expect(new Set(searched.map((s) => s.provider))).toEqual(
      new Set(["slack", "pagerduty", "jira", "confluence", "monday"]),
    );

    const answers = [
      ...(await Promise.all(
        Object.keys(global).map((provider) => call(globalOne.GET, { provider }, { token: world.tokens.admin })),
      )),
      await call(globalList.GET, {}, { token: world.tokens.admin }),
      ...(await Promise.all(
        Object.keys(team).flatMap((provider) =>
          [world.tokens.admin, world.tokens.lead].map((token) =>
            call(teamOne.GET, { teamId: world.teamId, provider }, { token }),
          ),
        ),
      )),
      await call(teamList.GET, { teamId: world.teamId }, { token: world.tokens.lead }),
    ];
    for (const answer of answers) expect(answer.status).toBe(200);
    const leaks = searched.filter((s) => answers.some((a) => a.text.includes(s.value))).map((s) => s.provider);
    expect(leaks).toEqual([]);
    // And the masked form is there, so the answer did carry the field.
    expect(answers[0].text).toContain("••••");
  });
});
