import { raceIt } from "@/test/support/race";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { signedPerContract } from "@/test/support/signature";
import { saveIntegration } from "@/lib/integrations/service";
import { setAssetTeam } from "@/lib/assets/service";
import { ingestScan } from "@/lib/issues/ingest";
import { createTeam } from "@/lib/people/teams";
import { createPagerDutyFake, createSlackFake } from "@/test/fakes";

process.env.EVENTS_COALESCE_MS = "30";
process.env.DELIVERY_RETRY_BASE_MS = "50";

/** A loopback receiver for the two webhooks: records each body, checks each signature. */
function receiver() {
  const got: { path: string; body: Record<string, unknown>; signed: boolean }[] = [];
  const tokens = new Map<string, string>();
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const token = tokens.get(req.url ?? "") ?? "";
      const signed = signedPerContract(req.headers, token, raw);
      got.push({ path: req.url ?? "", body: JSON.parse(raw), signed });
      res.writeHead(200).end("ok");
    });
  });
  return {
    got,
    tokens,
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((r) => server.close(() => r())),
    bodies: (path: string) => got.filter((g) => g.path === path).map((g) => g.body),
    reset: () => (got.length = 0),
  };
}

const hooks = receiver();
const slack = createSlackFake();
const pagerduty = createPagerDutyFake();
let admin: Principal;
let teamId: string;
let worker: DeliveryWorker;

/** Run the worker until nothing is pending, as a receiver waiting for the dust to settle would. */
async function drain() {
  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    const [{ n }] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from deliveries where status = 'pending'`,
    );
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("deliveries still pending");
}

beforeAll(async () => {
  process.env.ADMIN_EMAIL = "root@example.com";
  process.env.ADMIN_PASSWORD = "correct horse battery staple";
  await bootstrap({ seedDemo: false, log: () => {} });
  const [row] = await db.select().from(users).where(eq(users.email, "root@example.com"));
  admin = (await loadPrincipal(row.id))!;
  const base = await hooks.start();
  await slack.start();
  await pagerduty.start();
  process.env.PAGERDUTY_EVENTS_URL = pagerduty.enqueueUrl;
  teamId = (await createTeam(admin, { name: "Payments" })).id;

  const save = async (provider: string, team: string | null, settings: Record<string, unknown>, path?: string) => {
    const view = (await saveIntegration(admin, provider, team, settings)) as unknown as {
      settings?: Record<string, unknown>;
      token?: string;
    };
    const token = view.token ?? (view.settings?.token as string | undefined);
    if (path && token) hooks.tokens.set(path, token);
  };
  await save("custom-webhook", null, { url: `${base}/custom` }, "/custom");
  await save("events-webhook", null, { url: `${base}/events` }, "/events");
  await save("events-webhook", teamId, { url: `${base}/team-events` }, "/team-events");
  await save("slack", null, { webhookUrl: slack.addWebhook("/services/TGLOBAL/BGLOBAL/global") });
  await save("slack", teamId, { webhookUrl: slack.addWebhook("/services/TTEAM/BTEAM/team") });
  await save("pagerduty", null, { routingKey: pagerduty.newRoutingKey() });
  // A disabled integration hears nothing.
  await save("pagerduty", teamId, { routingKey: pagerduty.newRoutingKey(), enabled: false });
  worker = new DeliveryWorker({ log: () => {} });
  await worker.start();
});

afterAll(async () => {
  await worker?.stop();
  await Promise.all([hooks.stop(), slack.stop(), pagerduty.stop()]);
});

const asset = {
  id: "github.com/maggie/jelly-sandwich",
  name: "jelly-sandwich",
  kind: "code" as const,
  url: "https://github.com/maggie/jelly-sandwich",
};
const uri = (path: string, line: number) => `https://github.com/maggie/jelly-sandwich/blob/main/${path}#L${line}`;
const f1 = {
  detectorId: "SENF026",
  detectorName: "Ruby On Rails secret token configuration file",
  severity: "error" as const,
  path: "config/initializers/secret_token.rb",
  content: "secret_token = 'abc'",
  uri: uri("config/initializers/secret_token.rb", 7),
  fingerprint: "fp-1",
};
const f2 = {
  detectorId: "CLD001",
  detectorName: "Visible AWS Key",
  severity: "error" as const,
  path: "db/secret2",
  content: "AKIAXXXX",
  uri: uri("db/secret2", 3),
};
const f3 = {
  detectorId: "SENF012",
  detectorName: "Environment file with credentials (.env)",
  severity: "warning" as const,
  path: ".env",
  content: "DB_PASSWORD=hunter2",
  uri: uri(".env", 1),
};

const customIssue = (f: typeof f1 | typeof f2 | typeof f3) => ({
  assetId: asset.id,
  detectorId: f.detectorId,
  detectorName: f.detectorName,
  severity: f.severity,
  uri: f.uri,
});
const idsOf = (events: Record<string, unknown>[], name: string) =>
  events
    .filter((e) => e.name === name)
    .flatMap((e) => e.ids as string[])
    .sort();

describe("ingest A, B and C reach every receiver exactly once", { timeout: 60_000 }, () => {
  let ids: Record<string, string> = {};

  it("ingest A creates the asset and its issues", async () => {
    const a = await ingestScan(admin, { asset, files: [f1.path, f2.path, f3.path], findings: [f1, f2, f3] });
    expect(a).toMatchObject({ assetId: asset.id, created: 3, updated: 0, resolved: 0, deleted: 0 });
    await drain();
    const issues = await rows<{ id: string; path: string }>(
      db,
      sql`select id, path from issues where asset_id = ${asset.id}`,
    );
    ids = Object.fromEntries(issues.map((i) => [i.path, i.id]));

    const custom = hooks.bodies("/custom");
    expect(custom).toHaveLength(1);
    expect(custom[0]).toEqual({ issues: expect.arrayContaining([customIssue(f1), customIssue(f2), customIssue(f3)]) });
    expect((custom[0].issues as unknown[]).length).toBe(3);
    expect(hooks.got.every((g) => g.signed)).toBe(true);

    const events = hooks.bodies("/events");
    expect(idsOf(events, "asset_created")).toEqual([asset.id]);
    expect(idsOf(events, "issue_created")).toEqual(Object.values(ids).sort());
    const completed = events.filter((e) => e.name === "ingest_completed");
    expect(completed).toEqual([
      {
        name: "ingest_completed",
        id: asset.id,
        issues_created_count: 3,
        issues_updated_count: 0,
        issues_resolved_count: 0,
        issues_deleted_count: 0,
        time: expect.any(String),
      },
    ]);
    expect(events.at(-1)?.name).toBe("ingest_completed");
    // The asset has no team yet: the team's receivers hear nothing.
    expect(hooks.bodies("/team-events")).toEqual([]);
    expect(slack.messages.map((m) => m.path)).toEqual(["/services/TGLOBAL/BGLOBAL/global"]);
    expect(slack.messages[0].text).toContain("3 new issues");
    // PagerDuty's default minimum severity is error: two triggers, keyed by issue id.
    expect(pagerduty.events.map((e) => [e.event_action, e.dedup_key]).sort()).toEqual(
      [
        ["trigger", ids[f1.path]],
        ["trigger", ids[f2.path]],
      ].sort(),
    );
  });

  it("ingest B updates one, resolves one whose file remains, deletes one whose file is gone", async () => {
    hooks.reset();
    slack.reset();
    pagerduty.reset();
    const changed = { ...f1, content: "secret_token = 'rotated'" };
    const b = await ingestScan(admin, { asset, files: [f1.path, f2.path], findings: [changed] });
    expect(b).toMatchObject({ created: 0, updated: 1, resolved: 1, deleted: 1 });
    await drain();
    expect(hooks.bodies("/custom")).toEqual([]);
    const events = hooks.bodies("/events");
    expect(idsOf(events, "issue_updated")).toEqual([ids[f1.path]]);
    expect(idsOf(events, "issue_resolved")).toEqual([ids[f2.path]]);
    expect(idsOf(events, "issue_deleted")).toEqual([ids[f3.path]]);
    expect(events.filter((e) => e.name === "ingest_completed")).toEqual([
      expect.objectContaining({
        issues_created_count: 0,
        issues_updated_count: 1,
        issues_resolved_count: 1,
        issues_deleted_count: 1,
      }),
    ]);
    expect(slack.messages).toEqual([]);
    // Only f2 was ever triggered (f3 is a warning): its alert is resolved.
    expect(pagerduty.events.map((e) => [e.event_action, e.dedup_key])).toEqual([["resolve", ids[f2.path]]]);

    // The same scan again is a new scan that changes nothing: only its own ingest_completed goes out.
    const c = await ingestScan(admin, { asset, files: [f1.path, f2.path], findings: [changed] });
    expect(c).toEqual({
      ingestId: expect.any(String),
      assetId: asset.id,
      created: 0,
      updated: 0,
      resolved: 0,
      deleted: 0,
    });
    expect(c.ingestId).not.toBe(b.ingestId);
    await drain();
    expect(hooks.got.slice(events.length).map((g) => g.body)).toEqual([
      expect.objectContaining({ name: "ingest_completed", issues_created_count: 0, issues_updated_count: 0 }),
    ]);
    expect(pagerduty.events).toHaveLength(1);
    const [{ n }] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from issues where asset_id = ${asset.id}`,
    );
    expect(n).toBe(3);
  });

  it("a team's receivers hear only its own assets", async () => {
    await setAssetTeam(admin, asset.id, teamId);
    const other = { id: "github.com/acme/other", kind: "code" as const };
    await drain();
    hooks.reset();
    slack.reset();
    pagerduty.reset();
    await ingestScan(admin, { asset: other, findings: [{ ...f2, content: "other" }] });
    await ingestScan(admin, {
      asset,
      files: [f1.path, f2.path],
      findings: [{ ...f1, content: "secret_token = 'rotated'" }, f2],
    });
    await drain();
    const team = hooks.bodies("/team-events");
    const global = hooks.bodies("/events");
    expect(team.filter((e) => e.name === "ingest_completed").map((e) => e.id)).toEqual([asset.id]);
    expect(idsOf(team, "issue_updated")).toEqual([ids[f2.path]]);
    expect(idsOf(team, "asset_created")).toEqual([]);
    expect(idsOf(global, "asset_created")).toEqual([other.id]);
    expect(
      global
        .filter((e) => e.name === "ingest_completed")
        .map((e) => e.id)
        .sort(),
    ).toEqual([other.id, asset.id].sort());
    // No new issue for the team's asset: only the global Slack hears of the other asset's.
    expect(slack.messages.map((m) => m.path)).toEqual(["/services/TGLOBAL/BGLOBAL/global"]);
    expect([...slack.violations, ...pagerduty.violations]).toEqual([]);
  });

  raceIt(
    "two first ingests of one new asset at the same moment: one creates it, the other diffs against it",
    async () => {
      await drain();
      hooks.reset();
      const racy = { id: "github.com/acme/racy", kind: "code" as const };
      const key = { ...f2, content: "AKIARACY" };
      const env = { ...f3, content: "DB_PASSWORD=racy" };
      // Identical scans at once: each is a scan of its own, and whichever goes second finds nothing new.
      const [x, y] = await Promise.all([
        ingestScan(admin, { asset: racy, findings: [key] }),
        ingestScan(admin, { asset: racy, findings: [key] }),
      ]);
      expect([x.created, y.created].sort()).toEqual([0, 1]);
      expect(x.ingestId).not.toBe(y.ingestId);
      // Different scans: whichever goes second diffs against the first, so no issue is made twice.
      const [p, q] = await Promise.all([
        ingestScan(admin, { asset: racy, findings: [key, env] }),
        ingestScan(admin, { asset: racy, findings: [key, env] }),
      ]);
      expect(p.created + q.created).toBe(1);
      await drain();

      const issues = await rows<{ id: string }>(db, sql`select id from issues where asset_id = ${racy.id}`);
      expect(issues).toHaveLength(2);
      const [{ n }] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ingests where asset_id = ${racy.id}`,
      );
      expect(n).toBe(4);
      const events = hooks.bodies("/events");
      expect(idsOf(events, "asset_created")).toEqual([racy.id]);
      expect(idsOf(events, "issue_created")).toEqual(issues.map((i) => i.id).sort());
      expect(events.filter((e) => e.name === "ingest_completed" && e.id === racy.id)).toHaveLength(4);
    },
  );
});
