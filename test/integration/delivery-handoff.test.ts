import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { claimDueDeliveries } from "@/lib/delivery/claim";
import { setHandOffTaker } from "@/lib/delivery/handoff";
import { enqueueDeliveries, enqueueDelivery } from "@/lib/delivery/outbox";
import { DeliveryWorker } from "@/lib/delivery/worker";
import {
  attemptsOf,
  createIntegration,
  deliveryById,
  resetDeliveryTables,
  settled,
  waitFor,
  fileReceiver,
} from "./delivery-fixtures";

// Sending at commit (lib/delivery/handoff.ts): what a process queues while its own worker runs is
// inserted already claimed by that worker, which sends it once the commit is known, without a
// claim statement. A rollback sends nothing; a process gone before sending loses nothing.
const receiver = fileReceiver();
let worker: DeliveryWorker | null = null;
beforeEach(async () => {
  await resetDeliveryTables();
  receiver.received.length = 0;
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
  setHandOffTaker(null);
  delete process.env.DELIVERY_LEASE_MS;
});

const event = (i: number) => ({ name: "issue_created", ids: [`i${i}`], time: new Date().toISOString() });

async function running(options: ConstructorParameters<typeof DeliveryWorker>[0] = {}) {
  worker = new DeliveryWorker({ log: () => {}, ...options });
  await worker.start();
  return worker;
}

it("sends what is queued while this process's worker runs at commit, without claiming it, and records the attempt", async () => {
  const target = await createIntegration("events-webhook", `${receiver.url}/events`);
  const w = await running();
  const id = await db.transaction((tx) => enqueueDelivery(tx, { target, kind: "issue_created", payload: event(1) }));
  const row = await settled(id);
  expect(row.status).toBe("delivered");
  expect(row.attempts).toBe(1);
  expect(row.claimId).toBeNull();
  expect(row.leaseUntil).toBeNull();
  expect(JSON.parse(row.body!)).toEqual(row.payload);
  expect((await attemptsOf(id)).map((a) => a.status)).toEqual([200]);
  expect(w.counts.handedOff).toBe(1);
  // Claims ran (the worker's start, its poll), and none of them took this row.
  expect(w.counts.claimed).toBe(0);
  expect(receiver.received.map((r) => r.headers["x-spectral-delivery"])).toEqual([id]);
});

it("sends nothing for a transaction that rolls back, and goes on sending what commits", async () => {
  const target = await createIntegration("events-webhook", `${receiver.url}/events`);
  const w = await running();
  let rolledBack = "";
  await expect(
    db.transaction(async (tx) => {
      rolledBack = await enqueueDelivery(tx, { target, kind: "issue_created", payload: event(1) });
      throw new Error("the change failed");
    }),
  ).rejects.toThrow("the change failed");
  const kept = await db.transaction((tx) => enqueueDelivery(tx, { target, kind: "issue_created", payload: event(2) }));
  expect((await settled(kept)).status).toBe("delivered");
  expect(await deliveryById(rolledBack)).toBeUndefined();
  expect(receiver.received.map((r) => r.headers["x-spectral-delivery"])).toEqual([kept]);
  expect(w.counts.handedOff).toBe(1);
  expect(w.busy).toBe(0);
});

it("leases a hand-off like a claim: while the lease holds no other worker takes it; when it ends, one does", async () => {
  process.env.DELIVERY_LEASE_MS = "1500";
  const target = await createIntegration("events-webhook", `${receiver.url}/events`);
  // A process that takes the hand-off and dies before sending (killed after its commit).
  setHandOffTaker({ take: () => ({ leaseSeconds: 1.5 }) });
  const id = await db.transaction((tx) => enqueueDelivery(tx, { target, kind: "issue_created", payload: event(1) }));
  setHandOffTaker(null);
  const [held] = await rows<{ claim_id: string | null; leased: boolean }>(
    db,
    sql`select claim_id, lease_until > now() as leased from deliveries where id = ${id}`,
  );
  expect(held.claim_id).not.toBeNull();
  expect(held.leased).toBe(true);
  expect((await claimDueDeliveries(10, 1500)).deliveries).toEqual([]);
  await running();
  const row = await settled(id, 15_000);
  expect(row.status).toBe("delivered");
  expect(row.attempts).toBe(1);
  expect(receiver.received).toHaveLength(1);
});

it("hands off no more than the worker has room for, and never a delivery that waits for earlier ones", async () => {
  const target = await createIntegration("events-webhook", `${receiver.url}/events`);
  // Room for 3: twice maxInFlight, plus a batch.
  const w = await running({ batchSize: 1, maxInFlight: 1 });
  const many = await db.transaction((tx) =>
    enqueueDeliveries(
      tx,
      [1, 2, 3, 4].map((i) => ({ target, kind: "issue_created", payload: event(i) })),
    ),
  );
  const follower = await db.transaction((tx) =>
    enqueueDelivery(tx, { target, kind: "issue_created", payload: event(5), afterEarlier: true }),
  );
  for (const id of [...many, follower]) expect((await settled(id)).status).toBe("delivered");
  expect(w.counts.handedOff).toBe(0);
  expect(w.counts.claimed).toBe(5);
  // The follower went last: after every earlier delivery of its integration had settled.
  expect(receiver.received.at(-1)?.headers["x-spectral-delivery"]).toBe(follower);
});

it("a stopped worker takes no hand-offs: what is queued after it stops waits, unclaimed, for the next", async () => {
  const target = await createIntegration("events-webhook", `${receiver.url}/events`);
  const w = await running();
  await w.stop();
  worker = null;
  const id = await db.transaction((tx) => enqueueDelivery(tx, { target, kind: "issue_created", payload: event(1) }));
  const [row] = await rows<{ claim_id: string | null }>(db, sql`select claim_id from deliveries where id = ${id}`);
  expect(row.claim_id).toBeNull();
  await running();
  expect((await settled(id)).status).toBe("delivered");
  await waitFor(async () => receiver.received.length === 1, 5_000, "the one send");
});

it("hand-offs of rolled-back transactions never hold up the claims: the next delivery is claimed and sent", async () => {
  const target = await createIntegration("events-webhook", `${receiver.url}/events`);
  // Room for 3, all taken by hand-offs whose transactions roll back (they linger until they expire).
  const w = await running({ batchSize: 1, maxInFlight: 1 });
  for (const i of [1, 2, 3])
    await expect(
      db.transaction(async (tx) => {
        await enqueueDelivery(tx, { target, kind: "issue_created", payload: event(i) });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
  const id = await db.transaction((tx) => enqueueDelivery(tx, { target, kind: "issue_created", payload: event(4) }));
  expect((await settled(id)).status).toBe("delivered");
  expect(w.counts.handedOff).toBe(0);
  expect(w.counts.claimed).toBe(1);
});
