import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { POST as hookRoute } from "@/app/api/v1/hooks/[provider]/[integrationId]/route";
import { GET as progressRoute, POST as scanRoute } from "@/app/api/v1/integrations/[provider]/scan/route";
import { GET as getSettings, PUT as putSettings } from "@/app/api/v1/integrations/[provider]/scan/settings/route";
import { ScanRunner } from "@/lib/scanning/runner";
import { adfPlainText, adfText, createJiraFake } from "@/test/fakes";
import { call, setupAdmin, type Actor } from "@/test/support/api";
import { expectDocumented } from "@/test/support/openapi";
import {
  createScanIntegration,
  issuesOf,
  resetScanTables,
  runScansToEnd,
  scoreByKind,
  seedJira,
  type Expected,
} from "./scan-harness";

const jira = createJiraFake();
let admin: Actor;
let integrationId: string;
let expected: Expected[];
const ASSET = () => `jira:${new URL(jira.url).host}/`;

async function hook(body: unknown, options: { token?: string | null; signWith?: string } = {}) {
  const raw = JSON.stringify(body);
  const url = new URL(`http://localhost/api/v1/hooks/jira/${integrationId}`);
  if (options.token) url.searchParams.set("token", options.token);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.signWith)
    headers["x-hub-signature"] = `sha256=${createHmac("sha256", options.signWith).update(raw).digest("hex")}`;
  const response = await hookRoute(new Request(url, { method: "POST", headers, body: raw }), {
    params: Promise.resolve({ provider: "jira", integrationId }),
  });
  const answer = await response.json();
  await expectDocumented(hookRoute, response.status, answer);
  return { status: response.status, body: answer };
}

async function webhookToken(): Promise<string> {
  const { body } = await call(getSettings, { token: admin.token, params: { provider: "jira" } });
  return new URL(body.webhookPath, "http://x").searchParams.get("token")!;
}

/** Keep the slower cases to one or two projects: the suite shares two cores with everyone's tests. */
async function denyProjects(deny: string[], extra: { redact?: boolean; redactMessage?: string } = {}) {
  const body = { allow: [], deny, redact: extra.redact ?? false, redactMessage: extra.redactMessage ?? "[removed]" };
  expect(
    (await call(putSettings, { token: admin.token, params: { provider: "jira" }, method: "PUT", body })).status,
  ).toBe(200);
}

async function fullScan(runner?: ScanRunner) {
  expect((await call(scanRoute, { token: admin.token, params: { provider: "jira" }, method: "POST" })).status).toBe(
    200,
  );
  await runScansToEnd(runner);
  return (await call(progressRoute, { token: admin.token, params: { provider: "jira" } })).body;
}

beforeAll(async () => {
  admin = await setupAdmin();
  await jira.start();
  expected = seedJira(jira, ["SEC", "OPS", "WEB"], 100);
  integrationId = await createScanIntegration("jira", jira.url);
});
afterAll(() => jira.stop());
beforeEach(async () => {
  await resetScanTables();
  await denyProjects([]);
  jira.reset();
});

describe("Jira scanning", () => {
  it("a full scan finds every planted secret of every kind and no look-alike, with progress to 100 %", async () => {
    const progress = await fullScan();
    expect(progress).toMatchObject({ state: "done", scanned: 300, total: 300, found: expected.length });
    const found = await issuesOf(ASSET());
    const score = scoreByKind(expected, found);
    console.log("Jira precision/recall by detector:", JSON.stringify(score));
    expect(Object.keys(score).length).toBeGreaterThanOrEqual(15);
    for (const [id, s] of Object.entries(score)) expect(s, id).toMatchObject({ recall: 1, precision: 1 });
    // Each project is an asset of kind productivity; no stored excerpt holds a whole secret.
    const assets = await rows<{ id: string; kind: string; teamId: string | null }>(
      db,
      sql`select id, kind::text, team_id as "teamId" from assets order by id`,
    );
    expect(assets.map((a) => a.id)).toEqual(["OPS", "SEC", "WEB"].map((k) => `${ASSET()}${k}`));
    // The global integration maps its assets to no team.
    expect(assets.map((a) => a.teamId)).toEqual([null, null, null]);
    expect(new Set(assets.map((a) => a.kind))).toEqual(new Set(["productivity"]));
    for (const e of expected) expect(found.find((f) => f.path === e.path)?.content).not.toContain(e.secret);
    expect(jira.violations).toEqual([]);
  });

  it("deny and allow lists keep projects out of the scan", async () => {
    const token = await webhookToken();
    expect(token.length).toBeGreaterThan(30);
    await denyProjects(["ops", "WEB"]);
    const progress = await fullScan();
    expect(progress).toMatchObject({ state: "done", scanned: 100, total: 100 });
    expect(new Set((await issuesOf(ASSET())).map((i) => i.assetId))).toEqual(new Set([`${ASSET()}SEC`]));
  });

  it("a 429 with Retry-After slows the scan down but does not fail it", async () => {
    await denyProjects(["OPS", "WEB"]);
    jira.rateLimitNext(1);
    const started = Date.now();
    const progress = await fullScan();
    expect(progress).toMatchObject({
      state: "done",
      scanned: 100,
      total: 100,
      found: expected.filter((e) => e.unit === "SEC").length,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(jira.requests.filter((r) => r.path.includes("/project/search")).length).toBe(2);
    expect(jira.violations).toEqual([]);
  });

  it("a scan abandoned by a crashed runner resumes in another and ends with the same issues", async () => {
    await denyProjects(["WEB"]);
    const wanted = expected.filter((e) => e.unit !== "WEB");
    await call(scanRoute, { token: admin.token, params: { provider: "jira" }, method: "POST" });
    const first = new ScanRunner({ leaseMs: 300, log: () => {} });
    for (let i = 0; i < 3; i++) expect(await first.runOnce()).toBe(true);
    const mid = (await call(progressRoute, { token: admin.token, params: { provider: "jira" } })).body;
    expect(mid).toMatchObject({ state: "running", scanned: 100, total: 200 });
    // The crash: a step is claimed and never finished. Its lease runs out; the next runner redoes it.
    const [{ n }] = await rows<{ n: number }>(
      db,
      sql`update scan_jobs set claim_id = gen_random_uuid(), lease_until = now() + interval '300 milliseconds' returning 1 as n`,
    );
    expect(n).toBe(1);
    const second = new ScanRunner({ leaseMs: 300, log: () => {} });
    expect(await second.runOnce()).toBe(false);
    await runScansToEnd(second);
    const done = (await call(progressRoute, { token: admin.token, params: { provider: "jira" } })).body;
    expect(done).toMatchObject({ state: "done", scanned: 200, total: 200, found: wanted.length });
    const score = scoreByKind(wanted, await issuesOf(ASSET()));
    for (const [id, s] of Object.entries(score)) expect(s, id).toMatchObject({ recall: 1, precision: 1 });
  });
});

describe("Jira webhook", () => {
  it("refuses an unauthenticated post with 401 and queues nothing", async () => {
    const event = { webhookEvent: "jira:issue_updated", issue: { key: "SEC-1" } };
    expect((await hook(event)).status).toBe(401);
    expect((await hook(event, { token: "wrong" })).status).toBe(401);
    expect((await hook(event, { signWith: "wrong" })).status).toBe(401);
    const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from scan_jobs`);
    expect(n).toBe(0);
  });

  it("accepts Jira's X-Hub-Signature, scans the ticket, and resolves its issue once the secret is removed", async () => {
    const token = await webhookToken();
    const target = expected.find((e) => e.unit === "SEC" && !e.path.includes("#"))!;
    const other = expected.find((e) => e.unit === "SEC" && e.path !== target.path && !e.path.includes("#"))!;
    await denyProjects(["OPS", "WEB"]);
    await fullScan();
    const started = performance.now();
    const answer = await hook({ webhookEvent: "jira:issue_updated", issue: { key: target.path } }, { signWith: token });
    expect(answer).toEqual({ status: 202, body: { queued: true, synced: false } });
    // Queued, not scanned inline: well under the vendors' 10 s webhook timeout, even on a busy machine.
    expect(performance.now() - started).toBeLessThan(5_000);

    jira.issue(target.path)!.fields.description = adfText("Rotated, thanks.");
    expect((await hook({ webhookEvent: "jira:issue_updated", issue: { key: target.path } }, { token })).status).toBe(
      202,
    );
    await runScansToEnd();
    const after = await issuesOf(ASSET());
    expect(after.find((i) => i.path === target.path)).toMatchObject({ status: "resolved", deleted: false });
    // The one-ticket scan leaves every other ticket's issue as it was.
    expect(after.find((i) => i.path === other.path)).toMatchObject({ status: "open" });
    expect(after.filter((i) => i.status === "open")).toHaveLength(expected.filter((e) => e.unit === "SEC").length - 1);
    expect(jira.violations).toEqual([]);
  });

  it("with Redact finding on, replaces the secret in the ticket and its comment with the message", async () => {
    const token = await webhookToken();
    const message = "[secret removed: rotate it]";
    await denyProjects([], { redact: true, redactMessage: message });
    // A ticket of another project than the one the previous case edited: the fake is shared.
    const withComment = expected.find((e) => e.unit === "OPS" && e.path.includes("#comment-"))!;
    const key = withComment.path.split("#")[0];
    const secrets = expected.filter((e) => e.path.split("#")[0] === key);
    await hook({ webhookEvent: "comment_created", issue: { key } }, { token });
    await runScansToEnd();
    const ticket = jira.issue(key)!;
    const text = adfPlainText(ticket.fields.description) + ticket.comments.map((c) => adfPlainText(c.body)).join("\n");
    for (const s of secrets) expect(text).not.toContain(s.secret);
    expect(text).toContain(message);
    expect(
      (await issuesOf(ASSET()))
        .filter((i) => i.status === "open")
        .map((i) => i.path)
        .sort(),
    ).toEqual(secrets.map((s) => s.path).sort());
    // The next scan of the ticket finds nothing left: its issues resolve.
    await hook({ webhookEvent: "jira:issue_updated", issue: { key } }, { token });
    await runScansToEnd();
    expect((await issuesOf(ASSET())).filter((i) => i.status === "open")).toEqual([]);
    expect(jira.requests.filter((r) => r.method === "PUT").length).toBeGreaterThan(0);
    expect(jira.violations).toEqual([]);
  });
});
