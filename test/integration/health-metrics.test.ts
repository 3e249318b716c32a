import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as metricsRoute } from "@/app/metrics/route";
import { db, rows } from "@/db/client";
import { Receiver } from "@/bench/delivery-receiver";
import { enqueueDelivery } from "@/lib/delivery/outbox";
import { ingestScan } from "@/lib/issues/ingest";
import { setupAdmin, type Actor } from "@/test/support/api";
import { createIntegration, resetDeliveryTables, settled, startTestWorker } from "./delivery-fixtures";

const receiver = new Receiver();
let admin: Actor;

beforeAll(async () => {
  await receiver.start();
  admin = await setupAdmin();
});
afterAll(() => receiver.stop());
afterEach(() => {
  delete process.env.METRICS_TOKEN;
});

async function health(query = "") {
  const response = await healthRoute(new Request(`http://localhost/api/health${query}`));
  return { status: response.status, body: await response.json() };
}

async function scrape(authorization?: string) {
  const response = await metricsRoute(
    new Request("http://localhost/metrics", { headers: authorization ? { authorization } : {} }),
  );
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

/** One sample's value in a scrape, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const enqueue = (target: Awaited<ReturnType<typeof createIntegration>>) =>
  db.transaction((tx) => enqueueDelivery(tx, { target, kind: "issues_created", payload: { issues: [] } }));

describe("GET /api/health", () => {
  it("is ready when the database answers and every migration is applied; reports the workers' lag", async () => {
    await resetDeliveryTables();
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", live: true, ready: true });
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.migrations).toMatchObject({ ok: true });
    expect(body.checks.migrations.applied).toBe(body.checks.migrations.expected);
    expect(body.checks.worker).toMatchObject({ ok: true, queueDepth: 0, oldestDueAgeSeconds: 0 });
  });

  it("says degraded, still ready, when a due delivery has waited over a minute", async () => {
    const target = await createIntegration("custom-webhook", `${receiver.url}/late`);
    await enqueue(target);
    await db.execute(sql`update deliveries set next_attempt_at = now() - interval '90 seconds'`);
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.checks.worker).toMatchObject({ ok: false, queueDepth: 1 });
    expect(body.checks.worker.oldestDueAgeSeconds).toBeGreaterThanOrEqual(90);
    await resetDeliveryTables();
  });

  it("is not ready (503) while a migration is missing; the liveness probe does not ask the database", async () => {
    const [last] = await rows<{ hash: string; createdAt: string }>(
      db,
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning hash, created_at::text as "createdAt"`,
    );
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: "down", ready: false, checks: { migrations: { ok: false } } });
      expect(await health("?probe=live")).toEqual({ status: 200, body: { status: "ok", live: true, ready: true } });
    } finally {
      await db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${last.hash}, ${last.createdAt}::bigint)`,
      );
    }
    expect((await health()).status).toBe(200);
  });
});

describe("GET /metrics", () => {
  it("answers Prometheus text; with METRICS_TOKEN set, only to that bearer", async () => {
    const open = await scrape();
    expect(open.status).toBe(200);
    expect(open.type).toContain("text/plain");
    expect(open.text).toContain("# TYPE codesecurity_deliveries_total counter");
    expect(open.text).toContain("process_resident_memory_bytes");

    process.env.METRICS_TOKEN = "scrape-secret-0123";
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer scrape-secret-012")).status).toBe(401);
    expect((await scrape("Bearer scrape-secret-01234")).status).toBe(401);
    expect((await scrape("Bearer scrape-secret-0123")).status).toBe(200);
  });

  it("counts ingests and the issues they changed; an Idempotency-Key replay counts nothing", async () => {
    const before = (await scrape()).text;
    const body = {
      asset: { id: "github.com/acme/metered", kind: "code" },
      findings: [1, 2, 3].map((n) => ({ detectorId: "CLD001", severity: "error", path: `f${n}`, content: `AKIA${n}` })),
    };
    await ingestScan(admin.principal, body, { idempotencyKey: "metered-1" });
    await ingestScan(admin.principal, body, { idempotencyKey: "metered-1" });
    await ingestScan(admin.principal, { ...body, findings: body.findings.slice(1) });
    const after = (await scrape()).text;
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta("codesecurity_ingests_total")).toBe(2);
    expect(delta('codesecurity_issues_changed_total{change="created"}')).toBe(3);
    expect(delta('codesecurity_issues_changed_total{change="resolved"}')).toBe(1);
  });

  it("counts delivery attempts by provider and outcome with their latency, and reads queue depth and age from the database", async () => {
    await resetDeliveryTables();
    const target = await createIntegration("custom-webhook", `${receiver.url}/metered`);
    const before = (await scrape()).text;

    receiver.script.push({ status: 500, body: "down" });
    const worker = await startTestWorker();
    try {
      await settled(await enqueue(target));
    } finally {
      await worker.stop();
    }
    const after = (await scrape()).text;
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta('codesecurity_deliveries_total{provider="custom-webhook",outcome="retrying"}')).toBe(1);
    expect(delta('codesecurity_deliveries_total{provider="custom-webhook",outcome="delivered"}')).toBe(1);
    expect(delta('codesecurity_delivery_attempt_duration_seconds_count{provider="custom-webhook"}')).toBe(2);

    await enqueue(target);
    await enqueue(target);
    await db.execute(
      sql`update deliveries set next_attempt_at = now() - interval '2 minutes' where status = 'pending'`,
    );
    const queued = (await scrape()).text;
    expect(sample(queued, "codesecurity_delivery_queue_depth")).toBe(2);
    expect(sample(queued, "codesecurity_delivery_oldest_due_age_seconds")).toBeGreaterThanOrEqual(120);
    expect(sample(queued, "codesecurity_database_up")).toBe(1);
    await resetDeliveryTables();
  });

  it("reports the progress of scans under way", async () => {
    const jira = await createIntegration("jira", "https://acme.atlassian.net");
    await db.execute(
      sql`insert into scan_jobs (integration_id, provider, kind, state, scanned, total, found) values (${jira.id}, 'jira', 'full', 'running', 40, 100, 3)`,
    );
    const text = (await scrape()).text;
    expect(sample(text, 'codesecurity_scan_jobs{provider="jira",state="running"}')).toBe(1);
    expect(sample(text, 'codesecurity_scan_items{provider="jira",count="scanned"}')).toBe(40);
    expect(sample(text, 'codesecurity_scan_items{provider="jira",count="total"}')).toBe(100);
    await db.execute(sql`delete from scan_jobs`);
  });
});
