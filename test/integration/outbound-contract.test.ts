// What goes out (contract §4), driven as a scanner and an administrator would: through the REST
// routes, with a real worker, to receivers that keep the raw bytes they got.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as ingest } from "@/app/api/v1/ingest/route";
import { DELETE as deleteAsset, PATCH as patchAsset } from "@/app/api/v1/assets/[id]/route";
import { PATCH as patchIssue } from "@/app/api/v1/issues/[id]/route";
import { GET as listDeliveries } from "@/app/api/v1/deliveries/route";
import { DELETE as deleteIntegration, PUT as putIntegration } from "@/app/api/v1/integrations/[provider]/route";
import { POST as testIntegration } from "@/app/api/v1/integrations/[provider]/test/route";
import { PUT as putTeamIntegration } from "@/app/api/v1/teams/[teamId]/integrations/[provider]/route";
import { POST as createTeam } from "@/app/api/v1/teams/route";
import { db, rows } from "@/db/client";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { createPagerDutyFake, createSlackFake } from "@/test/fakes";
import { call, setupAdmin, type Actor } from "@/test/support/api";
import { waitFor } from "@/test/support/wait";

type Got = { path: string; headers: http.IncomingHttpHeaders; raw: Buffer };

/** A receiver that keeps each request's raw bytes and answers each path's scripted statuses in turn, then 200. */
class RawReceiver {
  readonly got: Got[] = [];
  readonly script = new Map<string, number[]>();
  private server?: http.Server;
  url = "";
  async start() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const path = req.url ?? "";
        this.got.push({ path, headers: req.headers, raw: Buffer.concat(chunks) });
        const status = this.script.get(path)?.shift() ?? 200;
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(status === 200 ? "ok" : `refused with ${status}`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  at(path: string) {
    return this.got.filter((g) => g.path === path);
  }
  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** A receiver's own check, from the contract alone: HMAC-SHA256 keyed `${timestamp}_${token}` over the raw bytes. */
function verifies(got: Got, token: string): boolean {
  const timestamp = String(got.headers["x-spectral-timestamp"]);
  const expected = createHmac("sha256", `${timestamp}_${token}`).update(got.raw).digest("hex");
  return got.headers["x-spectral-signature"] === expected;
}

const receiver = new RawReceiver();
const slack = createSlackFake();
const pagerduty = createPagerDutyFake();
let admin: Actor;
let worker: DeliveryWorker;

beforeAll(async () => {
  Object.assign(process.env, { DELIVERY_RETRY_BASE_MS: "50", DELIVERY_MAX_ATTEMPTS: "4", EVENTS_COALESCE_MS: "300" });
  await receiver.start();
  await slack.start();
  await pagerduty.start();
  process.env.PAGERDUTY_EVENTS_URL = pagerduty.enqueueUrl;
  admin = await setupAdmin();
  worker = new DeliveryWorker({ log: () => {} });
  await worker.start();
});

afterAll(async () => {
  await worker?.stop();
  await receiver.stop();
  await slack.stop();
  await pagerduty.stop();
});

beforeEach(async () => {
  for (const provider of ["custom-webhook", "events-webhook", "slack", "pagerduty"])
    await call(deleteIntegration, { token: admin.token, method: "DELETE", params: { provider } });
  receiver.got.length = 0;
  receiver.script.clear();
  slack.reset();
  pagerduty.reset();
});

const put = async (provider: string, body: Record<string, unknown>) => {
  const answer = await call(putIntegration, { token: admin.token, method: "PUT", params: { provider }, body });
  expect(answer.status).toBe(200);
  return answer.body as Record<string, unknown>;
};

let assetCounter = 0;
function finding(n: number, severity = "error") {
  return {
    detectorId: `DET${n % 7}`,
    detectorName: `Détecteur « ${n % 7} » ✓`,
    severity,
    path: `src/file-${n}.ts`,
    content: `value-${n}`,
    uri: `https://github.com/acme/app/blob/main/src/file-${n}.ts#L${n}`,
  };
}
async function scan(findings: unknown[], assetId = `github.com/acme/app-${++assetCounter}`) {
  const answer = await call(ingest, {
    token: admin.token,
    body: { asset: { id: assetId, name: assetId.split("/").pop(), kind: "code" }, findings },
  });
  expect(answer.status).toBe(200);
  return answer.body as { assetId: string; created: number };
}
const settledAll = () =>
  waitFor(
    async () => {
      const [{ n }] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from deliveries where status = 'pending'`,
      );
      return n === 0;
    },
    15_000,
    "every delivery to settle",
  );

describe("the Custom Webhook", () => {
  it("gets one signed POST per 500 new issues: 501 make two, in the exact body shape", async () => {
    const { token } = await put("custom-webhook", { url: `${receiver.url}/custom` });
    expect(String(token)).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    const many = Array.from({ length: 501 }, (_, n) => finding(n, n % 2 ? "warning" : "error"));
    await scan(many);
    await settledAll();
    const posts = receiver.at("/custom");
    expect(posts).toHaveLength(2);
    const bodies = posts.map((p) => JSON.parse(p.raw.toString("utf8")) as { issues: Record<string, unknown>[] });
    expect(bodies.map((b) => b.issues.length).sort((a, b) => a - b)).toEqual([1, 500]);
    for (const [i, p] of posts.entries()) {
      expect(Object.keys(bodies[i])).toEqual(["issues"]);
      for (const issue of bodies[i].issues)
        expect(Object.keys(issue)).toEqual(["assetId", "detectorId", "detectorName", "severity", "uri"]);
      expect(p.headers["content-type"]).toBe("application/json");
      expect(p.headers["x-spectral-timestamp"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(p.headers["x-spectral-signature"]).toMatch(/^[0-9a-f]{64}$/);
      expect(verifies(p, String(token))).toBe(true);
    }
    expect(posts[0].headers["x-spectral-delivery"]).not.toBe(posts[1].headers["x-spectral-delivery"]);
    const sent = bodies.flatMap((b) => b.issues.map((i) => i.uri)).sort();
    expect(new Set(sent).size).toBe(501);
  });

  it("exactly 500 new issues make one POST; an ingest that creates nothing sends nothing", async () => {
    await put("custom-webhook", { url: `${receiver.url}/custom` });
    const findings = Array.from({ length: 500 }, (_, n) => finding(n));
    const { assetId } = await scan(findings);
    await settledAll();
    expect(receiver.at("/custom")).toHaveLength(1);
    await scan(findings, assetId);
    await settledAll();
    expect(receiver.at("/custom")).toHaveLength(1);
  });

  it("a receiver answering 201 or 204 has not got it: the retry carries the same delivery id and a fresh signature", async () => {
    const { token } = await put("custom-webhook", { url: `${receiver.url}/picky` });
    receiver.script.set("/picky", [201, 204]);
    await scan([finding(1)]);
    await settledAll();
    const posts = receiver.at("/picky");
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((p) => p.headers["x-spectral-delivery"])).size).toBe(1);
    expect(posts.every((p) => verifies(p, String(token)))).toBe(true);
    const list = await call(listDeliveries, {
      token: admin.token,
      url: "http://localhost/api/v1/deliveries?provider=custom-webhook",
    });
    const [delivery] = list.body.items;
    expect(delivery).toMatchObject({ id: posts[0].headers["x-spectral-delivery"], status: "delivered" });
    expect(delivery.attempts.map((a: { status: number }) => a.status)).toEqual([201, 204, 200]);
  });

  it("its token cannot be set, survives saves, and a delete and create makes a new one", async () => {
    const first = await put("custom-webhook", { url: `${receiver.url}/custom` });
    const refused = await call(putIntegration, {
      token: admin.token,
      method: "PUT",
      params: { provider: "custom-webhook" },
      body: { url: `${receiver.url}/custom`, token: "x".repeat(50) },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toHaveProperty("token");
    const again = await put("custom-webhook", { url: `${receiver.url}/custom`, minSeverity: "warning" });
    expect(again.token).toBe(first.token);
    await call(deleteIntegration, { token: admin.token, method: "DELETE", params: { provider: "custom-webhook" } });
    const renewed = await put("custom-webhook", { url: `${receiver.url}/custom` });
    expect(renewed.token).not.toBe(first.token);
  });

  it("a Test answers the receiver's status and its own words", async () => {
    await put("custom-webhook", { url: `${receiver.url}/broken` });
    receiver.script.set("/broken", [500]);
    const answer = await call(testIntegration, {
      token: admin.token,
      method: "POST",
      params: { provider: "custom-webhook" },
    });
    expect(answer.body).toMatchObject({ ok: false, status: 500, message: "refused with 500" });
    expect(typeof answer.body.durationMs).toBe("number");
  });
});

describe("the Events Webhook", () => {
  it("1001 new issues come as events of at most 1000 ids, then ingest_completed with the counts", async () => {
    const { token } = await put("events-webhook", { url: `${receiver.url}/events` });
    const { assetId } = await scan(Array.from({ length: 1001 }, (_, n) => finding(n)));
    await settledAll();
    const got = receiver.at("/events");
    expect(got.every((g) => verifies(g, String(token)))).toBe(true);
    const events = got.map((g) => JSON.parse(g.raw.toString("utf8")) as Record<string, unknown>);
    const created = events.filter((e) => e.name === "issue_created");
    expect(created.map((e) => (e.ids as string[]).length).sort((a, b) => a - b)).toEqual([1, 1000]);
    expect(new Set(created.flatMap((e) => e.ids as string[])).size).toBe(1001);
    for (const e of created) {
      expect(Object.keys(e)).toEqual(["name", "ids", "time"]);
      expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    expect(events.filter((e) => e.name === "asset_created")).toEqual([
      { name: "asset_created", ids: [assetId], time: expect.any(String) },
    ]);
    expect(events.at(-1)).toEqual({
      name: "ingest_completed",
      id: assetId,
      issues_deleted_count: 0,
      issues_created_count: 1001,
      issues_updated_count: 0,
      issues_resolved_count: 0,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });

  it("changes with the same name within the window are one event", async () => {
    await put("events-webhook", { url: `${receiver.url}/events` });
    const { assetId } = await scan([finding(1), finding(2)]);
    await settledAll();
    receiver.got.length = 0;
    const ids = await rows<{ id: string }>(db, sql`select id from issues where asset_id = ${assetId}`);
    for (const { id } of ids)
      await call(patchIssue, { token: admin.token, method: "PATCH", params: { id }, body: { status: "ignored" } });
    await settledAll();
    const events = receiver.at("/events").map((g) => JSON.parse(g.raw.toString("utf8")));
    expect(events).toEqual([{ name: "issue_ignored", ids: expect.any(Array), time: expect.any(String) }]);
    expect([...events[0].ids].sort()).toEqual(ids.map((r) => r.id).sort());
  });

  it("a team's Events Webhook hears only its team's assets", async () => {
    const team = await call(createTeam, { token: admin.token, body: { name: `Team ${++assetCounter}` } });
    const teamId = team.body.id as string;
    const saved = await call(putTeamIntegration, {
      token: admin.token,
      method: "PUT",
      params: { teamId, provider: "events-webhook" },
      body: { url: `${receiver.url}/team-events` },
    });
    expect(saved.status).toBe(200);
    const theirs = await scan([finding(1)]);
    await call(patchAsset, {
      token: admin.token,
      method: "PATCH",
      params: { id: theirs.assetId },
      body: { teamId },
    });
    await settledAll();
    receiver.got.length = 0;
    await scan([finding(2)]); // an asset of no team
    await scan([finding(1), finding(3)], theirs.assetId);
    await settledAll();
    const events = receiver.at("/team-events").map((g) => JSON.parse(g.raw.toString("utf8")));
    expect(events.map((e) => e.name)).toEqual(["issue_created", "ingest_completed"]);
    expect(events[1]).toMatchObject({ id: theirs.assetId, issues_created_count: 1 });
  });
});

describe("Slack", () => {
  it("one message per ingest with new issues at or above its minimum: the asset, the count, ten issues, then how many more", async () => {
    await put("slack", { webhookUrl: slack.addWebhook(), minSeverity: "warning" });
    const findings = [
      ...Array.from({ length: 12 }, (_, n) => finding(n, "warning")),
      ...Array.from({ length: 3 }, (_, n) => finding(100 + n, "info")),
    ];
    await scan(findings, "github.com/acme/slacked");
    await scan([finding(200, "info")]);
    await settledAll();
    expect(slack.messages).toHaveLength(1);
    const [message] = slack.messages;
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("slacked");
    expect(text).toContain("12 new issues");
    expect(text).toContain("and 2 more");
    expect(message.blocks!.length).toBeLessThanOrEqual(50);
    expect(message.text).toMatch(/12 new issues/);
    expect(text).toContain("https://github.com/acme/app/blob/main/src/file-0.ts#L0");
    expect(text).toContain("/code-security/issues?issue=");
  });
});

describe("PagerDuty", () => {
  it("triggers for new issues at or above error by default, and resolves on ignore and on asset deletion", async () => {
    await put("pagerduty", { routingKey: pagerduty.newRoutingKey() });
    const { assetId } = await scan([finding(1, "error"), finding(2, "warning"), finding(3, "error")]);
    await settledAll();
    expect(pagerduty.events.map((e) => e.event_action)).toEqual(["trigger", "trigger"]);
    const [first, second] = pagerduty.events.map((e) => e.dedup_key);
    await call(patchIssue, { token: admin.token, method: "PATCH", params: { id: first }, body: { status: "ignored" } });
    await settledAll();
    expect(pagerduty.alerts.get(first)).toBe("resolved");
    const deleted = await call(deleteAsset, {
      token: admin.token,
      method: "DELETE",
      params: { id: assetId },
    });
    expect(deleted.status).toBeLessThan(300);
    await settledAll();
    expect(pagerduty.alerts.get(second)).toBe("resolved");
    expect(
      pagerduty.events
        .filter((e) => e.event_action === "resolve")
        .map((e) => e.dedup_key)
        .sort(),
    ).toEqual([first, second].sort());

    const list = await call(listDeliveries, {
      token: admin.token,
      url: "http://localhost/api/v1/deliveries?provider=pagerduty",
    });
    for (const d of list.body.items) {
      const body = JSON.parse(d.requestBody);
      expect(body.routing_key).toMatch(/^••••/);
    }
  });
});
