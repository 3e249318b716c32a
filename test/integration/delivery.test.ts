import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { eq } from "drizzle-orm";
import { integrations } from "@/db/schema";
import { enqueueDeliveries, enqueueDelivery } from "@/lib/delivery/outbox";
import { signedPerContract } from "@/test/support/signature";
import { wakeWorker } from "@/lib/delivery/wake";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import { waitFor } from "../support/wait";

/** The integration's row once its health is written, just after the delivery's own record, as disabled. */
const disabledIntegration = (id: string) =>
  waitFor(
    async () => {
      const row = await integrationRow(id);
      return row.enabled === false && row;
    },
    10_000,
    "the integration to be disabled",
  );
import {
  attemptsOf,
  createIntegration,
  deliveryById,
  integrationRow,
  resetDeliveryTables,
  settled,
  startTestWorker,
  TOKEN,
  fileReceiver,
} from "./delivery-fixtures";

const receiver = fileReceiver();
let worker: DeliveryWorker;
beforeEach(async () => {
  await resetDeliveryTables();
  receiver.received.length = 0;
  receiver.script.length = 0;
  worker = await startTestWorker();
});
afterEach(async () => {
  await worker.stop();
});

const issue = {
  assetId: "github.com/maggie/jelly-sandwich",
  detectorId: "SENF026",
  detectorName: "Rails secret",
  severity: "error",
  uri: "https://example.com/x#L7",
};

async function send(path = "/hook", settings: Record<string, unknown> = {}) {
  const target = await createIntegration("custom-webhook", receiver.url + path, { settings });
  const id = await db.transaction((tx) =>
    enqueueDelivery(tx, { target, kind: "issues_created", payload: { issues: [issue] } }),
  );
  wakeWorker();
  return { target, id };
}

describe("delivering to a webhook receiver", () => {
  it("a receiver that answers 500 then 200 gets the delivery after 2 attempts, each signed afresh", async () => {
    receiver.script.push({ status: 500, body: "boom" });
    const { id } = await send();
    const done = await settled(id);
    expect(done.status).toBe("delivered");
    expect(done.attempts).toBe(2);
    const attempts = await attemptsOf(id);
    expect(attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(attempts[0].responseBody).toBe("boom");
    expect(attempts[0].error).toBe("HTTP 500: boom");

    expect(receiver.received).toHaveLength(2);
    for (const r of receiver.received) {
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["x-spectral-delivery"]).toBe(id);
      expect(r.headers["x-spectral-timestamp"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(signedPerContract(r.headers, TOKEN, r.body)).toBe(true);
      expect(JSON.parse(r.body)).toEqual({ issues: [issue] });
    }
    expect(receiver.received[0].body).toBe(receiver.received[1].body);
    expect(receiver.received[0].headers["x-spectral-timestamp"]).not.toBe(
      receiver.received[1].headers["x-spectral-timestamp"],
    );
  });

  it("a connection reset is retried", async () => {
    receiver.script.push({ reset: true });
    const { id } = await send();
    const done = await settled(id);
    expect(done.status).toBe("delivered");
    const attempts = await attemptsOf(id);
    expect(attempts[0].status).toBeNull();
    expect(attempts[0].error).toMatch(/Connection (reset|closed)/);
    expect(attempts[1].status).toBe(200);
  });

  it("a 429 with Retry-After: 2 waits at least 2 s", async () => {
    receiver.script.push({ status: 429, headers: { "retry-after": "2" }, body: "slow down" });
    const { id } = await send();
    const done = await settled(id, 8_000);
    expect(done.status).toBe("delivered");
    const [first, second] = receiver.received;
    expect(second.at - first.at).toBeGreaterThanOrEqual(2000);
  });

  it("a 410 disables the integration and stops retrying", async () => {
    receiver.fallback = { status: 410, body: "gone" };
    try {
      const { id, target } = await send();
      const done = await settled(id);
      expect(done.status).toBe("failed");
      expect(done.attempts).toBe(1);
      // The integration's health is written right after the delivery's own record.
      const integration = await disabledIntegration(target.id);
      expect(integration.disabled_reason).toMatch(/410/);
      expect(integration.last_error).toMatch(/HTTP 410/);
    } finally {
      receiver.fallback = { status: 200, body: "ok" };
    }
  });

  it("redirects are not followed", async () => {
    receiver.fallback = { status: 302, headers: { location: "/elsewhere" } };
    try {
      const { id } = await send();
      const done = await settled(id);
      expect(done.status).toBe("failed");
      const attempts = await attemptsOf(id);
      expect(attempts).toHaveLength(4);
      expect(attempts[0]).toMatchObject({ status: 302, error: "Redirect (HTTP 302) was not followed" });
      expect(receiver.received.every((r) => r.path === "/hook")).toBe(true);
    } finally {
      receiver.fallback = { status: 200, body: "ok" };
    }
  });

  it("only 200 counts for the Custom Webhook, and the log masks the URL", async () => {
    receiver.script.push({ status: 204 });
    const { id } = await send("/secret-path-key");
    await settled(id);
    const attempts = await attemptsOf(id);
    expect(attempts.map((a) => a.status)).toEqual([204, 200]);
    expect(attempts[0].requestUrl).toBe(`${receiver.url}/••••`);
    expect(JSON.stringify(attempts)).not.toContain("secret-path-key");
    expect(JSON.stringify(attempts)).not.toContain(TOKEN);
  });

  it("a throttled webhook waits for its slot: nothing is dropped", async () => {
    const target = await createIntegration("events-webhook", `${receiver.url}/limited`, {
      settings: { rateLimitPerSecond: 10 },
    });
    const ids = await db.transaction((tx) =>
      enqueueDeliveries(
        tx,
        Array.from({ length: 15 }, (_, i) => ({
          target,
          kind: "issue_created",
          payload: { name: "issue_created", ids: [`i${i}`], time: new Date().toISOString() },
        })),
      ),
    );
    await Promise.all(ids.map((id) => settled(id)));
    const times = receiver.received.map((r) => r.at).sort((a, b) => a - b);
    expect(times).toHaveLength(15);
    // A burst of 10, then one every 100 ms: the last token is taken 500 ms after the first. The
    // receiver's clock sees the first request late when a busy machine delays its connection, so
    // allow 200 ms of that skew; unthrottled, all 15 arrive within a few milliseconds of each other.
    expect(times[14] - times[0]).toBeGreaterThanOrEqual(300);
    const rows = await Promise.all(ids.map((id) => deliveryById(id)));
    expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
  });

  it("an integration failing continuously for 3 days is disabled, with the last error", async () => {
    receiver.fallback = { status: 503, body: "maintenance" };
    try {
      const { id, target } = await send();
      await settled(id);
      await db
        .update(integrations)
        .set({ failingSince: new Date(Date.now() - 3 * 86400_000 - 1000) })
        .where(eq(integrations.id, target.id));
      const second = await db.transaction((tx) =>
        enqueueDelivery(tx, { target, kind: "issues_created", payload: { issues: [issue] } }),
      );
      await settled(second);
      const integration = await disabledIntegration(target.id);
      expect(integration.disabled_reason).toBe("Failed continuously for 3 days; last error: HTTP 503: maintenance");
    } finally {
      receiver.fallback = { status: 200, body: "ok" };
    }
  });
});
