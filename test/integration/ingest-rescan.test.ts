import { raceIt } from "@/test/support/race";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as ingestRoute } from "@/app/api/v1/ingest/route";
import { db, rows } from "@/db/client";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { saveIntegration } from "@/lib/integrations/service";
import { Receiver } from "@/bench/delivery-receiver";
import { call, makeUser, setupAdmin, type Actor } from "@/test/support/api";
import { waitFor } from "./delivery-fixtures";

process.env.EVENTS_COALESCE_MS = "20";

const receiver = new Receiver();
let admin: Actor;
let otherAdmin: Actor;
let worker: DeliveryWorker;

beforeAll(async () => {
  await receiver.start();
  admin = await setupAdmin();
  otherAdmin = await makeUser(admin, "second-admin@example.com", true);
  await saveIntegration(admin.principal, "events-webhook", null, { url: `${receiver.url}/events` });
  worker = new DeliveryWorker({ log: () => {} });
  await worker.start();
});

afterAll(async () => {
  await worker?.stop();
  await receiver.stop();
});

const asset = (id: string) => ({ id, name: id.split("/").pop(), kind: "code" as const });
const finding = (n: number) => ({
  detectorId: "CLD001",
  detectorName: "Visible AWS Key",
  severity: "error" as const,
  path: `src/f${n}.ts`,
  content: `AKIA${n}`,
  uri: `https://example.com/f${n}`,
});
const ingest = (body: unknown, options: { key?: string; as?: Actor } = {}) =>
  call(ingestRoute, {
    token: (options.as ?? admin).token,
    body,
    headers: options.key === undefined ? {} : { "idempotency-key": options.key },
  });

/** What an ingest can change: counted so a replay can be shown to change none of it. */
async function state(assetId: string) {
  const [row] = await rows<Record<string, string | number>>(
    db,
    sql`select (select count(*)::int from issues where asset_id = ${assetId}) as issues,
               (select count(*)::int from ingests where asset_id = ${assetId}) as ingests,
               (select count(*)::int from deliveries) as deliveries,
               (select max(last_seen)::text from issues where asset_id = ${assetId}) as "lastSeen",
               (select last_ingest_at::text from assets where id = ${assetId}) as "lastIngestAt"`,
  );
  return row;
}

function completedEvents(assetId: string) {
  return receiver.received
    .map((r) => JSON.parse(r.body) as Record<string, unknown>)
    .filter((e) => e.name === "ingest_completed" && e.id === assetId);
}

describe("each ingest is a new scan", () => {
  it("the same body again changes nothing, gets a new ingestId, marks its issues seen and sends its own ingest_completed", async () => {
    const body = { asset: asset("github.com/acme/rescan"), findings: [finding(1), finding(2)] };
    const first = await ingest(body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0, resolved: 0, deleted: 0 });
    await waitFor(
      async () => completedEvents("github.com/acme/rescan").length === 1,
      10_000,
      "the first ingest_completed",
    );
    const before = await state("github.com/acme/rescan");

    const second = await ingest(body);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      ingestId: expect.any(String),
      assetId: "github.com/acme/rescan",
      created: 0,
      updated: 0,
      resolved: 0,
      deleted: 0,
    });
    expect(second.body.ingestId).not.toBe(first.body.ingestId);

    const after = await state("github.com/acme/rescan");
    expect(after.issues).toBe(2);
    expect(after.ingests).toBe(2);
    expect(after.lastSeen > before.lastSeen).toBe(true);
    expect(after.lastIngestAt > before.lastIngestAt).toBe(true);
    const events = await waitFor(
      async () => {
        const found = completedEvents("github.com/acme/rescan");
        return found.length === 2 ? found : undefined;
      },
      10_000,
      "the second ingest_completed",
    );
    expect(events[1]).toMatchObject({
      issues_created_count: 0,
      issues_updated_count: 0,
      issues_resolved_count: 0,
      issues_deleted_count: 0,
    });
  });
});

describe("Idempotency-Key", () => {
  it("the same key and body within 24 hours answer the first answer and change nothing", async () => {
    const body = { asset: asset("github.com/acme/retry"), findings: [finding(1)] };
    const first = await ingest(body, { key: "scan-2026-12-01T04:00:00Z" });
    expect(first.body).toMatchObject({ created: 1 });
    const before = await state("github.com/acme/retry");

    const retry = await ingest(body, { key: "scan-2026-12-01T04:00:00Z" });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await state("github.com/acme/retry")).toEqual(before);
  });

  it("the same key with another body answers 422 naming the header, and changes nothing", async () => {
    const body = { asset: asset("github.com/acme/reuse"), findings: [finding(1)] };
    await ingest(body, { key: "reused-key" });
    const before = await state("github.com/acme/reuse");
    const other = await ingest({ ...body, findings: [finding(1), finding(2)] }, { key: "reused-key" });
    expect(other.status).toBe(422);
    expect(other.body.error.fields).toEqual({ "Idempotency-Key": expect.stringContaining("different request") });
    expect(await state("github.com/acme/reuse")).toEqual(before);
  });

  it("keys belong to their caller: another caller's same key is a new request", async () => {
    const body = { asset: asset("github.com/acme/callers"), findings: [finding(1)] };
    const mine = await ingest(body, { key: "shared-name" });
    const theirs = await ingest(body, { key: "shared-name", as: otherAdmin });
    expect(theirs.status).toBe(200);
    expect(theirs.body.ingestId).not.toBe(mine.body.ingestId);
    expect(theirs.body).toMatchObject({ created: 0, updated: 0 });
  });

  it("a key older than 24 hours has expired: the same request is a new scan, and expired keys are pruned", async () => {
    const body = { asset: asset("github.com/acme/expired"), findings: [finding(1)] };
    const first = await ingest(body, { key: "yesterday" });
    await ingest({ asset: asset("github.com/acme/stale"), findings: [] }, { key: "stale-one" });
    await db.execute(
      sql`update idempotency_keys set created_at = now() - interval '25 hours' where key in ('yesterday', 'stale-one')`,
    );

    const again = await ingest(body, { key: "yesterday" });
    expect(again.status).toBe(200);
    expect(again.body.ingestId).not.toBe(first.body.ingestId);
    const left = await rows<{ key: string }>(
      db,
      sql`select key from idempotency_keys where key in ('yesterday', 'stale-one')`,
    );
    expect(left.map((k) => k.key)).toEqual(["yesterday"]);
  });

  raceIt("two requests with one key at the same moment make one scan, and both get its answer", async () => {
    const body = { asset: asset("github.com/acme/race"), findings: [finding(1), finding(2)] };
    const [a, b] = await Promise.all([ingest(body, { key: "racing" }), ingest(body, { key: "racing" })]);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect((await state("github.com/acme/race")).ingests).toBe(1);
  });

  it("a request that fails stores no key: its corrected retry with the same key goes through", async () => {
    const bad = await ingest(
      { asset: asset("github.com/acme/fixed"), findings: [{ ...finding(1), severity: "critical" }] },
      { key: "fix-me" },
    );
    expect(bad.status).toBe(422);
    const good = await ingest({ asset: asset("github.com/acme/fixed"), findings: [finding(1)] }, { key: "fix-me" });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ created: 1 });
  });

  it("a malformed key answers 400 naming the header, and changes nothing", async () => {
    const body = { asset: asset("github.com/acme/malformed"), findings: [finding(1)] };
    for (const key of ["", "x".repeat(256), "has space", "naïve"]) {
      const answer = await ingest(body, { key });
      expect(answer.status, JSON.stringify(key)).toBe(400);
      expect(Object.keys(answer.body.error.fields)).toEqual(["Idempotency-Key"]);
    }
    expect((await state("github.com/acme/malformed")).ingests).toBe(0);
  });
});
