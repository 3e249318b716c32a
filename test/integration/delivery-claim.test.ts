// What a worker's claim hands out and what its recorded outcome leaves behind, read back from the
// database: the lease, the delivery log, the integration's health on its settings card.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db, handle, rows } from "@/db/client";
import { deliveryAttempts, integrations } from "@/db/schema";
import { claimDueDeliveries, newClaimSql } from "@/lib/delivery/claim";
import { WorkerSql } from "@/lib/delivery/worker-sql";
import { enqueueDeliveries } from "@/lib/delivery/outbox";
import { type Outcome, recordOutcomes, updateIntegrationHealth } from "@/lib/delivery/record";
import { createIntegration, deliveryById, resetDeliveryTables } from "./delivery-fixtures";

beforeEach(resetDeliveryTables);

async function queue(n: number, afterEarlier = false) {
  const target = await createIntegration("custom-webhook", "https://example.com/w");
  const ids = await db.transaction((tx) =>
    enqueueDeliveries(
      tx,
      Array.from({ length: n }, (_, i) => ({ target, kind: "issues_created", payload: { n: i }, afterEarlier })),
    ),
  );
  return { target, ids };
}

const integration = async (id: string) => (await db.select().from(integrations).where(eq(integrations.id, id)))[0];

describe("a worker's claim", () => {
  it("hands out at most the number asked, oldest first, with what the worker needs to send each", async () => {
    const { target, ids } = await queue(3);
    const before = Date.now();
    const claim = await claimDueDeliveries(2, 60_000);
    expect(claim.deliveries).toEqual([
      expect.objectContaining({
        id: ids[0],
        claimId: claim.claimId,
        integrationId: target.id,
        provider: "custom-webhook",
        kind: "issues_created",
        payload: { n: 0 },
        body: null,
        bodySecrets: null,
        attempts: 0,
      }),
      expect.objectContaining({ id: ids[1], payload: { n: 1 } }),
    ]);
    // The lease runs a minute from the database's now. It took all it asked for: no sleep to plan.
    expect(claim.leaseUntil.getTime()).toBeGreaterThanOrEqual(before + 59_000);
    expect(claim.leaseUntil.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
    expect(claim.nextDueAt).toBeNull();
    expect(claim.followersWaiting).toBe(false);
    const rest = await claimDueDeliveries(5, 60_000);
    expect(rest.deliveries.map((d) => d.id)).toEqual([ids[2]]);
    expect(rest.claimId).not.toBe(claim.claimId);
    expect(rest.nextDueAt).toBeNull();
  });

  it("with nothing due, still names a lease of the asked length and says a follower waits", async () => {
    await queue(1, true);
    await claimDueDeliveries(5, 60_000);
    const before = Date.now();
    const empty = await claimDueDeliveries(5, 30_000);
    expect(empty.deliveries).toEqual([]);
    expect(empty.leaseUntil.getTime()).toBeGreaterThanOrEqual(before + 30_000);
    expect(empty.leaseUntil.getTime()).toBeLessThanOrEqual(Date.now() + 30_000);
    expect(empty.nextDueAt).toBeNull();
    expect(empty.followersWaiting).toBe(true);
  });
});

describe("a recorded outcome", () => {
  const attempt = (at: Date, status: number | null, error: string | null = null) => ({
    at,
    requestUrl: "https://example.com/••••",
    requestHeaders: { "content-type": "application/json" },
    requestBody: null,
    status,
    responseBody: status ? `answer ${status}` : null,
    durationMs: 42,
    error,
  });
  const outcome = (deliveryId: string, claimId: string, over: Partial<Outcome>): Outcome => ({
    deliveryId,
    claimId,
    status: "pending",
    nextAttemptAt: null,
    body: null,
    attempt: null,
    lastError: null,
    countsAsAttempt: true,
    ...over,
  });

  it("shows a failed attempt in the delivery log and schedules the retry, keeping the first body sent", async () => {
    const { ids } = await queue(1);
    const [id] = ids;
    const claim = await claimDueDeliveries(1, 60_000);
    const at = new Date("2026-11-28T10:00:00.000Z");
    const retryAt = new Date("2026-11-28T10:05:00.000Z");
    const held = await recordOutcomes([
      outcome(id, claim.claimId, {
        nextAttemptAt: retryAt,
        body: '{"issues":["first"]}',
        bodySecrets: [["token", 1, 6, "j"]],
        attempt: attempt(at, 500),
        lastError: "HTTP 500",
      }),
    ]);
    expect([...held]).toEqual([id]);
    expect(await deliveryById(id)).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: retryAt,
      claimId: null,
      leaseUntil: null,
      body: '{"issues":["first"]}',
      bodySecrets: [["token", 1, 6, "j"]],
      lastError: "HTTP 500",
      lastStatus: 500,
      lastAttemptAt: at,
      deliveredAt: null,
    });
    expect(await db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, id))).toEqual([
      expect.objectContaining({
        at,
        requestUrl: "https://example.com/••••",
        requestHeaders: { "content-type": "application/json" },
        requestBody: null,
        status: 500,
        responseBody: "answer 500",
        durationMs: 42,
        error: null,
      }),
    ]);

    // The retry delivers; the body first sent stays the body, and the delivery says when it arrived.
    await db.execute(sql`update deliveries set next_attempt_at = now() - interval '1 second'`);
    const due = (await deliveryById(id)).nextAttemptAt;
    const again = await claimDueDeliveries(1, 60_000);
    const deliveredAt = new Date("2026-11-28T10:05:01.000Z");
    await recordOutcomes([
      outcome(id, again.claimId, {
        status: "delivered",
        body: '{"issues":["second"]}',
        bodySecrets: null,
        attempt: attempt(deliveredAt, 200),
      }),
    ]);
    expect(await deliveryById(id)).toMatchObject({
      status: "delivered",
      attempts: 2,
      nextAttemptAt: due,
      body: '{"issues":["first"]}',
      bodySecrets: [["token", 1, 6, "j"]],
      lastError: null,
      lastStatus: 200,
      deliveredAt,
    });
  });

  it("shows a connection that failed in the delivery log with its error and the body that was sent", async () => {
    const { ids } = await queue(1);
    // A worker claims through its own path, as the worker does.
    const own = newClaimSql();
    const claim = await claimDueDeliveries(1, 60_000, own).finally(() => own.close());
    expect(claim.deliveries.map((d) => d.id)).toEqual(ids);
    const at = new Date("2026-11-28T10:00:00.000Z");
    await recordOutcomes([
      outcome(ids[0], claim.claimId, {
        nextAttemptAt: new Date("2026-11-28T10:01:00.000Z"),
        attempt: { ...attempt(at, null, "Connection refused"), requestBody: '{"issues":["a"]}' },
        lastError: "Connection refused",
      }),
    ]);
    expect(await db.select().from(deliveryAttempts)).toEqual([
      expect.objectContaining({ at, status: null, requestBody: '{"issues":["a"]}', error: "Connection refused" }),
    ]);
    expect(await deliveryById(ids[0])).toMatchObject({
      lastError: "Connection refused",
      lastStatus: null,
      lastAttemptAt: at,
    });
  });

  it("a throttled delivery does not count as an attempt, and one given back keeps its last error", async () => {
    const { ids } = await queue(2);
    const claim = await claimDueDeliveries(2, 60_000);
    const later = new Date(Date.now() + 60_000);
    await recordOutcomes([
      outcome(ids[0], claim.claimId, { nextAttemptAt: later, countsAsAttempt: false, lastError: "Rate limited" }),
      outcome(ids[1], claim.claimId, { release: true, countsAsAttempt: false, lastError: "ignored" }),
    ]);
    expect(await deliveryById(ids[0])).toMatchObject({ attempts: 0, lastError: "Rate limited", lastStatus: null });
    expect(await deliveryById(ids[1])).toMatchObject({ attempts: 0, lastError: null, claimId: null });
    expect(await db.select().from(deliveryAttempts)).toEqual([]);
    expect(await recordOutcomes([])).toEqual(new Set());
  });
});

describe("an integration's health on its settings card", () => {
  const HOUR = 3600_000;

  it("a success clears the failure streak; a failure starts one and says what failed", async () => {
    const { target } = await queue(0);
    const t0 = new Date(Date.now() - 10 * 60_000);
    await updateIntegrationHealth([{ integrationId: target.id, at: t0, ok: false, error: "HTTP 503" }], HOUR);
    expect(await integration(target.id)).toMatchObject({
      enabled: true,
      lastError: "HTTP 503",
      lastErrorAt: t0,
      failingSince: t0,
      disabledReason: null,
    });
    const t1 = new Date(t0.getTime() + 60_000);
    await updateIntegrationHealth(
      [
        { integrationId: target.id, at: t1, ok: true },
        { integrationId: target.id, at: t0, ok: false, error: "older news" },
      ],
      HOUR,
    );
    expect(await integration(target.id)).toMatchObject({
      enabled: true,
      lastSuccessAt: t1,
      failingSince: null,
      lastError: "HTTP 503",
    });
    await updateIntegrationHealth([{ integrationId: target.id, at: t1, ok: false }], HOUR);
    expect((await integration(target.id)).lastError).toBe("Delivery failed");
  });

  it("is switched off at once when the receiver says it is gone, with the reason shown", async () => {
    const { target } = await queue(0);
    const at = new Date();
    await updateIntegrationHealth(
      [{ integrationId: target.id, at, ok: false, error: "HTTP 410", disableReason: "The receiver answered 410 Gone" }],
      HOUR,
    );
    expect(await integration(target.id)).toMatchObject({
      enabled: false,
      disabledReason: "The receiver answered 410 Gone",
    });
  });

  it("is switched off after failing continuously for the configured time, saying for how long", async () => {
    for (const [disableAfterMs, words] of [
      [3 * 24 * HOUR, "3 days"],
      [24 * HOUR, "1 day"],
      [25 * HOUR, "25 hours"],
      [90 * 60_000, "2 hours"],
      [30 * 60_000, "30 minutes"],
      [60_000, "1 minute"],
    ] as const) {
      await resetDeliveryTables();
      const { target } = await queue(0);
      const start = new Date(Date.now() - disableAfterMs - 60_000);
      await updateIntegrationHealth(
        [{ integrationId: target.id, at: start, ok: false, error: "HTTP 500" }],
        disableAfterMs,
      );
      const almost = new Date(start.getTime() + disableAfterMs - 1000);
      await updateIntegrationHealth(
        [{ integrationId: target.id, at: almost, ok: false, error: "HTTP 500" }],
        disableAfterMs,
      );
      expect((await integration(target.id)).enabled, words).toBe(true);
      const now = new Date(start.getTime() + disableAfterMs);
      await updateIntegrationHealth(
        [{ integrationId: target.id, at: now, ok: false, error: "HTTP 502" }],
        disableAfterMs,
      );
      expect(await integration(target.id)).toMatchObject({
        enabled: false,
        disabledReason: `Failed continuously for ${words}; last error: HTTP 502`,
        failingSince: start,
      });
    }
  });

  it("a success right after a failure clears the failure, however soon after the last success", async () => {
    const { target } = await queue(0);
    const t0 = new Date(Date.now() - 5000);
    await updateIntegrationHealth([{ integrationId: target.id, at: t0, ok: true }], HOUR);
    const failed = new Date(t0.getTime() + 200);
    await updateIntegrationHealth([{ integrationId: target.id, at: failed, ok: false, error: "HTTP 502" }], HOUR);
    expect((await integration(target.id)).failingSince).toEqual(failed);
    const recovered = new Date(t0.getTime() + 400);
    await updateIntegrationHealth([{ integrationId: target.id, at: recovered, ok: true }], HOUR);
    expect(await integration(target.id)).toMatchObject({ failingSince: null, lastSuccessAt: recovered });
  });

  it("of two outcomes at the same moment in one batch, the later one is the news", async () => {
    const { target } = await queue(0);
    const at = new Date(Date.now() - 5000);
    await updateIntegrationHealth(
      [
        { integrationId: target.id, at, ok: true },
        { integrationId: target.id, at, ok: false, error: "HTTP 500" },
      ],
      HOUR,
    );
    expect(await integration(target.id)).toMatchObject({
      failingSince: at,
      lastError: "HTTP 500",
      lastSuccessAt: null,
    });
  });

  it("switched off for failing too long without an error to name, says the last error is unknown", async () => {
    const { target } = await queue(0);
    const start = new Date(Date.now() - 2 * HOUR);
    await updateIntegrationHealth([{ integrationId: target.id, at: start, ok: false }], HOUR);
    await updateIntegrationHealth(
      [{ integrationId: target.id, at: new Date(start.getTime() + HOUR), ok: false }],
      HOUR,
    );
    expect(await integration(target.id)).toMatchObject({
      enabled: false,
      lastError: "Delivery failed",
      disabledReason: "Failed continuously for 1 hour; last error: unknown",
    });
  });

  it("a success right after another from the same worker is not written again", async () => {
    const { target } = await queue(0);
    const t0 = new Date(Date.now() - 5000);
    await updateIntegrationHealth([{ integrationId: target.id, at: t0, ok: true }], HOUR);
    await db.execute(sql`update integrations set failing_since = now() where id = ${target.id}`);
    await updateIntegrationHealth([{ integrationId: target.id, at: new Date(t0.getTime() + 500), ok: true }], HOUR);
    // The second success was half a second later: nothing written, so the row still says failing.
    expect((await integration(target.id)).failingSince).not.toBeNull();
    await updateIntegrationHealth([{ integrationId: target.id, at: new Date(t0.getTime() + 1000), ok: true }], HOUR);
    expect(await integration(target.id)).toMatchObject({
      failingSince: null,
      lastSuccessAt: new Date(t0.getTime() + 1000),
    });
    const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from integrations`);
    expect(n).toBe(1);
  });
});

describe("the claim's prepared statement", () => {
  it("is prepared once on the embedded database, and claims the same rows executed again and again", async () => {
    const { ids } = await queue(3);
    const via = newClaimSql();
    const first = await claimDueDeliveries(2, 60_000, via);
    const second = await claimDueDeliveries(2, 60_000, via);
    expect([...first.deliveries, ...second.deliveries].map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(second.deliveries).toHaveLength(1);
    if (handle().kind === "pglite") {
      const prepared = await rows<{ name: string }>(
        db,
        sql`select name from pg_prepared_statements where name = 'cs_claim_due'`,
      );
      expect(prepared).toHaveLength(1);
    }
    await via.close();
  });

  it("takes only numbers and UUIDs as literals on the embedded database; Postgres binds any value", async () => {
    const hostile = "x'); delete from deliveries; --";
    const via = new WorkerSql();
    const ask = () => via.query<{ v: string }>("cs_test_echo", "select $1::text as v", [hostile], true);
    if (handle().kind === "pglite") await expect(ask()).rejects.toThrow("only numbers and UUIDs");
    else expect(await ask()).toEqual([{ v: hostile }]);
    expect(await via.query<{ n: number }>("cs_test_sum", "select $1::int + 1 as n", [41], true)).toEqual([{ n: 42 }]);
    await via.close();
  });
});
