import { raceIt } from "@/test/support/race";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { deliveries, deliveryAttempts } from "@/db/schema";
import { claimDueDeliveries } from "@/lib/delivery/claim";
import { uuidv7 } from "@/lib/delivery/ids";
import { enqueueDeliveries, enqueueEvent } from "@/lib/delivery/outbox";
import { recordOutcomes } from "@/lib/delivery/record";
import { RateLimiter } from "@/lib/rate-limit/bucket";
import { pruneDeliveryLog } from "@/lib/delivery/retention";
import { notifyChanges } from "@/lib/notifications/fan-out";
import { createIntegration, deliveryById, resetDeliveryTables } from "./delivery-fixtures";

beforeEach(async () => {
  await resetDeliveryTables();
  process.env.EVENTS_COALESCE_MS = "2000";
});
afterEach(() => {
  delete process.env.EVENTS_COALESCE_MS;
});

const pendingEvents = () =>
  rows<{ id: string; kind: string; ids: string[]; wait_ms: number; coalesce_key: string | null }>(
    db,
    sql`select id, kind, payload->'ids' as ids, coalesce_key,
               extract(epoch from (next_attempt_at - first_enqueued_at)) * 1000 as wait_ms
        from deliveries where status = 'pending' order by created_at`,
  );

describe("the events outbox", () => {
  it("combines changes with the same name into one event, and keeps names apart", async () => {
    const target = await createIntegration("events-webhook", "https://example.com/e");
    await db.transaction((tx) => enqueueEvent(tx, target, "issue_created", ["a", "b"]));
    await db.transaction((tx) => enqueueEvent(tx, target, "issue_created", ["b", "c"]));
    await db.transaction((tx) => enqueueEvent(tx, target, "issue_resolved", ["x"]));
    const events = await pendingEvents();
    expect(events).toHaveLength(2);
    expect(events[0].ids.sort()).toEqual(["a", "b", "c"]);
    expect(events[1].ids).toEqual(["x"]);
    expect(Number(events[0].wait_ms)).toBeGreaterThanOrEqual(1900);
  });

  it("never puts more than 1000 ids in one event", async () => {
    const target = await createIntegration("events-webhook", "https://example.com/e");
    const ids = Array.from({ length: 2500 }, (_, i) => `issue-${i}`);
    await db.transaction((tx) => enqueueEvent(tx, target, "issue_updated", ids.slice(0, 700)));
    await db.transaction((tx) => enqueueEvent(tx, target, "issue_updated", ids.slice(700)));
    const events = await pendingEvents();
    expect(events.every((e) => e.ids.length <= 1000)).toBe(true);
    expect(new Set(events.flatMap((e) => e.ids)).size).toBe(2500);
    expect(events.filter((e) => e.coalesce_key !== null)).toHaveLength(1);
  });

  it("never waits more than 30 s after the first change", async () => {
    const target = await createIntegration("events-webhook", "https://example.com/e");
    await db.transaction((tx) => enqueueEvent(tx, target, "asset_updated", ["a"]));
    await db.execute(sql`update deliveries set first_enqueued_at = now() - interval '29 seconds'`);
    await db.transaction((tx) => enqueueEvent(tx, target, "asset_updated", ["b"]));
    const [event] = await pendingEvents();
    expect(Number(event.wait_ms)).toBeLessThanOrEqual(30_000);
  });

  it("a claimed event stops absorbing ids, so later changes start a new one", async () => {
    const target = await createIntegration("events-webhook", "https://example.com/e");
    await db.transaction((tx) => enqueueEvent(tx, target, "issue_created", ["a"]));
    await db.execute(sql`update deliveries set next_attempt_at = now() - interval '1 second'`);
    const claim = await claimDueDeliveries(10, 60_000);
    expect(claim.deliveries).toHaveLength(1);
    await db.transaction((tx) => enqueueEvent(tx, target, "issue_created", ["b"]));
    const events = await pendingEvents();
    expect(events.map((e) => e.ids)).toEqual([["a"], ["b"]]);
  });

  it("issue events carry only the ids at or above the webhook's minimum severity; asset events always go", async () => {
    const target = await createIntegration("events-webhook", "https://example.com/e");
    await db.execute(sql`update integrations set min_severity = 'error' where id = ${target.id}`);
    // Issue ids are UUIDs: the resolved ones are looked up among the open alerts.
    const ids = {
      loud: "00000000-0000-4000-8000-00000000000a",
      quiet: "00000000-0000-4000-8000-00000000000b",
      meh: "00000000-0000-4000-8000-00000000000c",
    };
    const issue = (id: string, severity: "error" | "warning" | "info") => ({
      id,
      assetId: "repo",
      detectorId: "CLD001",
      detectorName: "Visible AWS Key",
      severity,
    });
    await db.transaction((tx) =>
      notifyChanges(tx, {
        asset: { id: "repo", name: "repo", url: null, teamId: null },
        assetEvent: "asset_created",
        created: [issue(ids.loud, "error"), issue(ids.quiet, "info")],
        resolved: [issue(ids.meh, "warning")],
      }),
    );
    const events = await pendingEvents();
    expect(Object.fromEntries(events.map((e) => [e.kind, e.ids]))).toEqual({
      asset_created: ["repo"],
      issue_created: [ids.loud],
    });
  });

  it("an ingest_completed waits until the earlier events of its webhook are settled, then goes", async () => {
    const target = await createIntegration("events-webhook", "https://example.com/e");
    const other = await createIntegration("custom-webhook", "https://example.com/other");
    await db.transaction(async (tx) => {
      await enqueueEvent(tx, target, "issue_created", ["a"]);
      await enqueueDeliveries(tx, [
        { target, kind: "ingest_completed", payload: { name: "ingest_completed", id: "asset" }, afterEarlier: true },
      ]);
      await enqueueDeliveries(tx, [{ target: other, kind: "issues_created", payload: { issues: [] } }]);
    });
    // Everything is due at once, as on a worker that woke late: one claim could take all three.
    await db.execute(sql`update deliveries set next_attempt_at = now() - interval '1 second'`);
    const first = await claimDueDeliveries(10, 60_000);
    expect(first.deliveries.map((d) => [d.kind, d.integrationId]).sort()).toEqual(
      [
        ["issue_created", target.id],
        ["issues_created", other.id],
      ].sort(),
    );
    // The worker learns that a settled delivery may free another, so it looks again after each.
    expect(first.followersWaiting).toBe(true);
    // In flight, the event still holds it back, and nothing else falls due for an idle worker to wait on.
    const held = await claimDueDeliveries(10, 60_000);
    expect(held.deliveries).toHaveLength(0);
    expect(held.nextDueAt).toBeNull();

    const event = first.deliveries.find((d) => d.kind === "issue_created")!;
    const attempt = {
      at: new Date(),
      requestUrl: "",
      requestHeaders: {},
      requestBody: "{}",
      status: 200,
      responseBody: "ok",
      durationMs: 1,
      error: null,
    };
    await recordOutcomes([
      {
        deliveryId: event.id,
        claimId: first.claimId,
        status: "delivered",
        nextAttemptAt: null,
        body: "{}",
        attempt,
        lastError: null,
        countsAsAttempt: true,
      },
    ]);
    const second = await claimDueDeliveries(10, 60_000);
    expect(second.deliveries.map((d) => [d.kind, d.integrationId])).toEqual([["ingest_completed", target.id]]);
  });
});

describe("what a claim tells an idle worker", () => {
  it("when the next unclaimed delivery falls due, and that nothing waits on earlier ones", async () => {
    const target = await createIntegration("events-webhook", "https://example.com/e");
    await db.transaction((tx) => enqueueEvent(tx, target, "issue_created", ["a"]));
    const [event] = await rows<{ at: Date | string }>(db, sql`select next_attempt_at as at from deliveries`);
    const claim = await claimDueDeliveries(10, 60_000);
    // The event waits out its coalescing window: nothing to take now, so sleep until it is due.
    expect(claim.deliveries).toHaveLength(0);
    expect(claim.nextDueAt?.getTime()).toBe(new Date(event.at).getTime());
    expect(claim.followersWaiting).toBe(false);

    await db.execute(sql`update deliveries set next_attempt_at = now() - interval '1 second'`);
    await db.transaction((tx) => enqueueEvent(tx, target, "issue_resolved", ["b"]));
    const [later] = await rows<{ at: Date | string }>(
      db,
      sql`select next_attempt_at as at from deliveries where kind = 'issue_resolved'`,
    );
    const next = await claimDueDeliveries(10, 60_000);
    // The due one is taken; the one it hands back is the next still waiting, not the one it took.
    expect(next.deliveries.map((d) => d.kind)).toEqual(["issue_created"]);
    expect(next.nextDueAt?.getTime()).toBe(new Date(later.at).getTime());
  });
});

describe("claims and leases", () => {
  async function queue(n: number) {
    const target = await createIntegration("custom-webhook", "https://example.com/w");
    return db.transaction((tx) =>
      enqueueDeliveries(
        tx,
        Array.from({ length: n }, () => ({ target, kind: "issues_created", payload: { issues: [] } })),
      ),
    );
  }

  raceIt("two claims never share a row", async () => {
    await queue(30);
    const [a, b] = await Promise.all([claimDueDeliveries(20, 60_000), claimDueDeliveries(20, 60_000)]);
    const ids = [...a.deliveries, ...b.deliveries].map((d) => d.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect((await claimDueDeliveries(20, 60_000)).deliveries).toHaveLength(0);
  });

  it("an expired lease goes back to the queue, and the old claim can no longer finish the row", async () => {
    const [id] = await queue(1);
    const first = await claimDueDeliveries(10, 60_000);
    await db
      .update(deliveries)
      .set({ leaseUntil: new Date(Date.now() - 1000) })
      .where(eq(deliveries.id, id));
    const second = await claimDueDeliveries(10, 60_000);
    expect(second.deliveries.map((d) => d.id)).toEqual([id]);

    const at = new Date();
    const attempt = {
      at,
      requestUrl: "",
      requestHeaders: {},
      requestBody: "{}",
      status: 200,
      responseBody: "ok",
      durationMs: 1,
      error: null,
    };
    const outcome = {
      deliveryId: id,
      status: "delivered" as const,
      nextAttemptAt: null,
      body: "{}",
      attempt,
      lastError: null,
      countsAsAttempt: true,
    };
    expect((await recordOutcomes([{ ...outcome, claimId: first.claimId }])).size).toBe(0);
    expect(await db.select().from(deliveryAttempts)).toHaveLength(0);
    expect((await recordOutcomes([{ ...outcome, claimId: second.claimId }])).has(id)).toBe(true);
    expect((await deliveryById(id)).status).toBe("delivered");
    expect(await db.select().from(deliveryAttempts)).toHaveLength(1);
  });

  it("keeps the delivery log 14 days", async () => {
    const target = await createIntegration("custom-webhook", "https://example.com/w");
    const fifteenDaysAgo = Date.now() - 15 * 86400_000;
    const row = (id: string, status: "pending" | "delivered") => ({
      id,
      integrationId: target.id,
      provider: target.provider,
      kind: "k",
      payload: {},
      status,
    });
    const [oldId, oldPendingId, newId] = [uuidv7(fifteenDaysAgo), uuidv7(fifteenDaysAgo), uuidv7()];
    await db
      .insert(deliveries)
      .values([row(oldId, "delivered"), row(oldPendingId, "pending"), row(newId, "delivered")]);
    await db.insert(deliveryAttempts).values([{ deliveryId: oldId }, { deliveryId: newId }]);
    expect(await pruneDeliveryLog()).toBe(1);
    expect(await deliveryById(oldId)).toBeUndefined();
    expect(await deliveryById(newId)).toBeDefined();
    expect(await deliveryById(oldPendingId)).toBeDefined();
    expect((await db.select().from(deliveryAttempts)).map((a) => a.deliveryId)).toEqual([newId]);
  });
});

describe("rate limits shared through the database", () => {
  raceIt("two workers' limiters draw on one bucket, so the endpoint's limit holds for both together", async () => {
    await db.execute(sql`delete from rate_limit_buckets`);
    const [a, b] = [new RateLimiter(), new RateLimiter()];
    const slack = { key: "slack:shared-test", ratePerSecond: 1, burst: 2 };
    const now = 1_000_000;
    // Side by side, as two processes would: the burst of two goes, the rest get distinct slots.
    const waits = await Promise.all([
      a.reserve(slack, now),
      b.reserve(slack, now),
      a.reserve(slack, now),
      b.reserve(slack, now),
    ]);
    expect(waits.sort((x, y) => x - y)).toEqual([0, 0, 1000, 2000]);
    expect(await b.reserve({ ...slack, key: "slack:other" }, now)).toBe(0);
  });
});
