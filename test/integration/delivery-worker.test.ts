import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { enqueueDeliveries } from "@/lib/delivery/outbox";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { createIntegration, settled, fileReceiver, waitFor } from "./delivery-fixtures";

// The worker fetches ahead (issue 17): it holds more claimed rows than it sends at once. What it
// holds is leased rows in the database, so stopping gives the unsent ones back at once, untouched.
const receiver = fileReceiver();

it("claims ahead of its sends, sends no more than maxInFlight at once, and gives back what it did not send when it stops", async () => {
  receiver.fallback = { status: 200, body: "ok", delayMs: 300 };
  const target = await createIntegration("events-webhook", `${receiver.url}/events`);
  const ids = await db.transaction((tx) =>
    enqueueDeliveries(
      tx,
      Array.from({ length: 6 }, (_, i) => ({
        target,
        kind: "issue_created",
        payload: { name: "issue_created", ids: [`i${i}`], time: new Date().toISOString() },
      })),
    ),
  );
  const worker = new DeliveryWorker({ batchSize: 1, maxInFlight: 1, log: () => {} });
  await worker.start();
  let stopped: Promise<void> | undefined;
  try {
    // One in flight, and more claimed behind it (the local queue).
    await waitFor(
      async () => receiver.count >= 1 && worker.busy > 1,
      10_000,
      "a send in flight with more claimed behind it",
    );
    expect(receiver.count).toBe(1);
    stopped = worker.stop();
  } finally {
    await (stopped ?? worker.stop());
    receiver.fallback = { status: 200, body: "ok" };
  }
  expect(receiver.count).toBe(1);
  const left = await rows<{ status: string; claim_id: string | null; lease_until: string | null; attempts: number }>(
    db,
    sql`select status, claim_id, lease_until, attempts from deliveries where id = any(${`{${ids.join(",")}}`}::uuid[]) order by id`,
  );
  expect(left.filter((d) => d.status === "delivered")).toHaveLength(1);
  // Given back: pending, no claim, no lease, not counted as an attempt; due again for any worker.
  expect(left.filter((d) => d.status === "pending")).toEqual(
    Array.from({ length: 5 }, () => ({ status: "pending", claim_id: null, lease_until: null, attempts: 0 })),
  );
  const next = new DeliveryWorker({ log: () => {} });
  await next.start();
  try {
    for (const id of ids) expect((await settled(id)).status).toBe("delivered");
  } finally {
    await next.stop();
  }
  expect(receiver.count).toBe(6);
});
