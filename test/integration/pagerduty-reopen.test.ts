import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchIssue } from "@/app/api/v1/issues/[id]/route";
import { db, rows } from "@/db/client";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { saveIntegration } from "@/lib/integrations/service";
import { ingestScan } from "@/lib/issues/ingest";
import { createPagerDutyFake } from "@/test/fakes";
import { call, setupAdmin, type Actor } from "@/test/support/api";
import { waitFor } from "./delivery-fixtures";

process.env.DELIVERY_RETRY_BASE_MS = "50";

const pagerduty = createPagerDutyFake();
let admin: Actor;
let worker: DeliveryWorker;

beforeAll(async () => {
  await pagerduty.start();
  process.env.PAGERDUTY_EVENTS_URL = pagerduty.enqueueUrl;
  admin = await setupAdmin();
  // Default minimum severity: error.
  await saveIntegration(admin.principal, "pagerduty", null, { routingKey: pagerduty.newRoutingKey() });
  worker = new DeliveryWorker({ log: () => {} });
  await worker.start();
});

afterAll(async () => {
  await worker?.stop();
  await pagerduty.stop();
});

const asset = { id: "github.com/acme/paging", kind: "code" as const };
const key = {
  detectorId: "CLD001",
  detectorName: "Visible AWS Key",
  severity: "error" as const,
  path: "src/aws.ts",
  content: "AKIAPAGE",
  fingerprint: "aws-key",
};
const env = {
  detectorId: "SENF012",
  detectorName: "Environment file",
  severity: "warning" as const,
  path: ".env",
  content: "DB_PASSWORD=x",
  fingerprint: "env-file",
};

async function idOf(fingerprint: string) {
  const [row] = await rows<{ id: string }>(
    db,
    sql`select id from issues where asset_id = ${asset.id} and identity = ${`fp:${fingerprint}`}`,
  );
  return row.id;
}

/** Run `change`, then answer the PagerDuty events it caused once every queued delivery has gone out. */
async function eventsOf(change: () => Promise<unknown>, expected: number) {
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
    10_000,
    `${expected} PagerDuty events`,
  );
  return pagerduty.events.slice(from).map((e) => [e.event_action, e.dedup_key]);
}

describe("PagerDuty pages again when an issue reopens", () => {
  it("a resolved issue that a scan reports again sends a new trigger with the same dedup key", async () => {
    expect(await eventsOf(() => ingestScan(admin.principal, { asset, findings: [key, env] }), 1)).toEqual([
      ["trigger", await idOf("aws-key")],
    ]);
    const id = await idOf("aws-key");
    expect(await eventsOf(() => ingestScan(admin.principal, { asset, findings: [] }), 1)).toEqual([["resolve", id]]);
    expect(pagerduty.alerts.get(id)).toBe("resolved");

    let back: unknown;
    // The warning comes back too, but it is below the minimum severity: one trigger, for the error.
    const events = await eventsOf(
      async () => (back = await ingestScan(admin.principal, { asset, findings: [key, env] })),
      1,
    );
    expect(back).toMatchObject({ created: 0, updated: 2 });
    expect(events).toEqual([["trigger", id]]);
    expect(pagerduty.alerts.get(id)).toBe("triggered");
    expect(pagerduty.violations).toEqual([]);
  });

  it("an issue someone reopens (resolved or ignored, then open) triggers again", async () => {
    const id = await idOf("aws-key");
    const setStatus = (status: string) => async () =>
      expect(
        (await call(patchIssue, { token: admin.token, method: "PATCH", params: { id }, body: { status } })).status,
      ).toBe(200);
    for (const closed of ["resolved", "ignored"]) {
      expect(await eventsOf(setStatus(closed), 1)).toEqual([["resolve", id]]);
      expect(await eventsOf(setStatus("open"), 1)).toEqual([["trigger", id]]);
      expect(pagerduty.alerts.get(id)).toBe("triggered");
    }
  });

  it("a scan that reports an open issue again, or changes its content, sends no trigger", async () => {
    const before = pagerduty.events.length;
    const again = await ingestScan(admin.principal, { asset, findings: [{ ...key, content: "AKIAROTATED" }, env] });
    expect(again).toMatchObject({ created: 0, updated: 1 });
    await waitFor(
      async () => {
        const [{ n }] = await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n from deliveries where status = 'pending'`,
        );
        return n === 0;
      },
      10_000,
      "the ingest's deliveries",
    );
    expect(pagerduty.events.length).toBe(before);
  });
});

describe("a PagerDuty alert closes whatever the settings became after it opened", () => {
  it("raising the minimum severity above an open alert's issue still resolves the alert", async () => {
    const cookie = { ...key, fingerprint: "cookie-secret", path: "src/cookie.ts", severity: "warning" as const };
    await saveIntegration(admin.principal, "pagerduty", null, { minSeverity: "warning" });
    // The new warning pages; the open .env warning opened under the old minimum and never paged.
    expect(await eventsOf(() => ingestScan(admin.principal, { asset, findings: [key, env, cookie] }), 1)).toEqual([
      ["trigger", await idOf("cookie-secret")],
    ]);
    await saveIntegration(admin.principal, "pagerduty", null, { minSeverity: "error" });
    // A scan that finds neither resolves the alert that is open, and sends nothing for the other.
    expect(await eventsOf(() => ingestScan(admin.principal, { asset, findings: [key] }), 1)).toEqual([
      ["resolve", await idOf("cookie-secret")],
    ]);
    expect(pagerduty.alerts.get(await idOf("cookie-secret"))).toBe("resolved");
    expect(pagerduty.violations).toEqual([]);
  });
});
