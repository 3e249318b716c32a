import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as globalOne from "@/app/api/v1/integrations/[provider]/route";
import * as globalTest from "@/app/api/v1/integrations/[provider]/test/route";
import * as teamOne from "@/app/api/v1/teams/[teamId]/integrations/[provider]/route";
import * as teamTest from "@/app/api/v1/teams/[teamId]/integrations/[provider]/test/route";
import { db, rows } from "@/db/client";
import { integrations } from "@/db/schema";
import { setAssetTeam } from "@/lib/assets/service";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { ingestScan } from "@/lib/issues/ingest";
import { createTeamsFake } from "@/test/fakes/teams";
import { waitFor } from "@/test/support/wait";
import { call, seedWorld, type World } from "./integrations-harness";

process.env.DELIVERY_RETRY_BASE_MS = "50";

const teams = createTeamsFake();
// The worker starts with the message tests; the settings and Test ones call the routes directly.
let worker: DeliveryWorker | undefined;
let world: World;

beforeAll(async () => void ([world] = await Promise.all([seedWorld(), teams.start()])));
afterAll(async () => {
  await worker?.stop();
  await teams.stop();
  // Every card sent in this file, and every other request, matched the schema.
  expect(teams.violations).toEqual([]);
});

const admin = () => world.tokens.admin;
const put = (body: unknown, token = admin()) => call(globalOne.PUT, { provider: "teams" }, { token, body });
const test = (body?: unknown) => call(globalTest.POST, { provider: "teams" }, { token: admin(), body, method: "POST" });

describe("Microsoft Teams settings", () => {
  it("keeps the Workflows URL secret, refuses other URLs naming the field, and only lets managers save", async () => {
    const url = teams.addWorkflow();
    const saved = await put({ webhookUrl: url, minSeverity: "warning" });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      provider: "teams",
      name: "Microsoft Teams",
      minSeverity: "warning",
      webhookUrl: expect.stringMatching(/^••••/),
    });
    expect(JSON.stringify(saved.json)).not.toContain("fakeSig");

    const before = await rows(
      db,
      sql`select updated_at from integrations where provider = 'teams' and team_id is null`,
    );
    const connector = await put({
      webhookUrl: "https://acme.webhook.office.com/webhookb2/abc/IncomingWebhook/def/ghi",
    });
    expect(connector.status).toBe(422);
    expect(connector.json.error.fields.webhookUrl).toMatch(/Teams Workflows webhook URL/);
    expect(
      (await put({ webhookUrl: `${teams.url}/workflows/x/triggers/manual/paths/invoke` })).json.error.fields.webhookUrl,
    ).toBeDefined();
    expect(
      await rows(db, sql`select updated_at from integrations where provider = 'teams' and team_id is null`),
    ).toEqual(before);

    expect((await put({ webhookUrl: teams.addWorkflow() }, world.tokens.lead)).status).toBe(403);
    expect((await put({ webhookUrl: teams.addWorkflow() }, world.tokens.member)).status).toBe(403);
    const team = await call(
      teamOne.PUT,
      { provider: "teams", teamId: world.teamId },
      { token: world.tokens.lead, body: { webhookUrl: teams.addWorkflow() } },
    );
    expect(team.status).toBe(200);
    const other = await call(
      teamOne.PUT,
      { provider: "teams", teamId: world.otherTeamId },
      { token: world.tokens.lead, body: { webhookUrl: teams.addWorkflow() } },
    );
    expect(other.status).toBe(403);
  });
});

describe("the Microsoft Teams Test", () => {
  it("posts a valid Adaptive Card and reports 202, or the workflow's own error with its status", async () => {
    teams.reset();
    const ok = await test();
    expect(ok.json).toMatchObject({ ok: true, status: 202, message: "Test card posted" });
    expect(teams.cards).toHaveLength(1);
    expect(JSON.stringify(teams.cards[0].card)).toContain("Code Security is connected.");

    const deleted = teams.addWorkflow("deleted");
    expect((await test({ webhookUrl: deleted })).json).toMatchObject({
      ok: false,
      status: 404,
      message: expect.stringMatching(/^WorkflowNotFound: /),
    });
    const badSig = teams.addWorkflow().replace(/sig=[^&]+/, "sig=forged");
    expect((await test({ webhookUrl: badSig })).json).toMatchObject({
      ok: false,
      status: 401,
      message: expect.stringContaining("invalid signature"),
    });
    teams.rateLimitNext(3);
    expect((await test()).json).toMatchObject({
      ok: false,
      status: 429,
      message: expect.stringContaining("WorkflowRequestsThrottled"),
    });

    const teamResult = await call(
      teamTest.POST,
      { provider: "teams", teamId: world.teamId },
      { token: world.tokens.member, method: "POST" },
    );
    expect(teamResult.status).toBe(403);
  });
});

describe("Microsoft Teams messages", { timeout: 60_000 }, () => {
  const asset = {
    id: "github.com/acme/teams-demo",
    name: "teams-demo",
    kind: "code" as const,
    url: "https://github.com/acme/teams-demo",
  };
  const finding = (i: number, severity: "error" | "warning" | "info") => ({
    detectorId: "CLD001",
    detectorName: "Visible AWS Key",
    severity,
    path: `src/key${i}.ts`,
    content: `AKIA${String(i).padStart(16, "0")}`,
    uri: `https://github.com/acme/teams-demo/blob/main/src/key${i}.ts#L1`,
  });

  it("posts one card per ingest to the global and the asset's team's workflow: ten issues at or above the minimum, then 'and N more'", async () => {
    teams.reset();
    worker = new DeliveryWorker({ log: () => {} });
    await worker.start();
    // A throttled first answer is retried after its Retry-After, not lost.
    teams.rateLimitNext(1);
    const findings = [
      ...Array.from({ length: 14 }, (_, i) => finding(i, "error")),
      ...Array.from({ length: 3 }, (_, i) => finding(100 + i, "info")),
    ];
    await ingestScan(world.admin, { asset, files: findings.map((f) => f.path), findings });
    await setAssetTeam(world.admin, asset.id, world.teamId);
    await ingestScan(world.admin, {
      asset,
      files: [...findings, finding(200, "warning")].map((f) => f.path),
      findings: [...findings, finding(200, "warning")],
    });
    await waitFor(() => teams.cards.length >= 3, 30_000, "three Teams cards");

    const [globalRow] = await db.select().from(integrations).where(eq(integrations.provider, "teams"));
    expect(globalRow).toBeDefined();
    const texts = teams.cards.map((c) => JSON.stringify(c.card));
    // The global workflow's minimum is warning: 14 errors (ten listed), the infos left out.
    const first = texts.find((t) => t.includes("14 new issues"))!;
    expect(first).toContain("and 4 more");
    expect(first.match(/View in Code Security/g)).toHaveLength(10);
    expect(first).not.toContain("**info**");
    // After the asset joined the team, both the global and the team workflow hear the new warning.
    expect(texts.filter((t) => t.includes("1 new issue in teams-demo"))).toHaveLength(2);
    expect(teams.violations).toEqual([]);
  });
});
