// `npm run worker` as an operator runs it, beside a database server (it needs DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { Receiver } from "@/bench/delivery-receiver";
import { enqueueDelivery } from "@/lib/delivery/outbox";
import { createIntegration, deliveryById, waitFor } from "@/test/integration/delivery-fixtures";
import {
  alive,
  commandOf,
  descendants,
  freePort,
  npm,
  portIsFree,
  statusOf,
  type Started,
} from "@/test/support/processes";

const receiver = new Receiver();
let integration: Awaited<ReturnType<typeof createIntegration>>;
let worker: Started;
let metricsPort: number;

beforeAll(async () => {
  await receiver.start();
  integration = await createIntegration("custom-webhook", `${receiver.url}/hook`);
  metricsPort = await freePort();
  worker = npm(["run", "worker"], {
    METRICS_PORT: String(metricsPort),
    METRICS_TOKEN: "scrape-secret",
    OUTBOUND_ALLOW_PRIVATE: "true",
  });
  await waitFor(
    async () =>
      worker.output().includes("[worker] delivering") ||
      (worker.child.exitCode !== null && Promise.reject(new Error(worker.output()))),
    60_000,
    "the worker to start",
  );
}, 90_000);

afterAll(async () => {
  if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
  await receiver.stop();
});

const enqueue = () =>
  db.transaction((tx) => enqueueDelivery(tx, { target: integration, kind: "issues_created", payload: { issues: [] } }));

describe("npm run worker", () => {
  it("serves /health, and /metrics behind METRICS_TOKEN with its own delivery counts", async () => {
    expect(await statusOf(`http://127.0.0.1:${metricsPort}/health`)).toBe(200);
    const id = await enqueue();
    await waitFor(async () => (await deliveryById(id)).status === "delivered", 10_000, "the first delivery");

    expect(await statusOf(`http://127.0.0.1:${metricsPort}/metrics`)).toBe(401);
    const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, {
      headers: { authorization: "Bearer scrape-secret" },
    });
    const text = await scrape.text();
    expect(text).toContain('codesecurity_deliveries_total{provider="custom-webhook",outcome="delivered"} 1');
    expect(text).toMatch(/codesecurity_delivery_attempt_duration_seconds_count\{provider="custom-webhook"\} 1/);
    expect(text).toContain("codesecurity_delivery_queue_depth 0");
  });

  it("on SIGTERM finishes the delivery in flight, then exits within 10 s with no process left and its port free", async () => {
    receiver.script.push({ delayMs: 1500 });
    const sentBefore = receiver.received.length;
    const id = await enqueue();
    await waitFor(async () => receiver.received.length > sentBefore, 10_000, "the delivery to be in flight");
    const tree = descendants(worker.child.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(2); // the launcher and the worker

    const signalled = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    // Every process of the tree (tsx's esbuild helper ends when the worker does) gone within 10 s.
    await waitFor(
      async () => tree.every((pid) => !alive(pid)),
      signalled + 10_000 - Date.now(),
      `${tree.filter(alive).map(commandOf).join(", ")} to end`,
    );

    expect(await deliveryById(id)).toMatchObject({ status: "delivered", attempts: 1 });
    expect(worker.output()).toContain("[worker] stopped");
    expect(await portIsFree(metricsPort)).toBe(true);
  }, 30_000);
});
