import { expect, it } from "vitest";
import { db } from "@/db/client";
import { enqueueDelivery } from "@/lib/delivery/outbox";
import { wakeWorker } from "@/lib/delivery/wake";
import { attemptsOf, createIntegration, settled, startTestWorker, fileReceiver } from "./delivery-fixtures";

// Its own file so its 10 real seconds run beside the other suites, not after them.
const receiver = fileReceiver();

it("a receiver that sleeps 12 s is cut at 10 s and the delivery is retried", { timeout: 25_000 }, async () => {
  receiver.script.push({ delayMs: 12_000, status: 200 });
  const worker = await startTestWorker();
  try {
    const target = await createIntegration("events-webhook", `${receiver.url}/events`);
    const id = await db.transaction((tx) =>
      enqueueDelivery(tx, {
        target,
        kind: "issue_created",
        payload: { name: "issue_created", ids: ["a"], time: new Date().toISOString() },
      }),
    );
    wakeWorker();
    const done = await settled(id, 20_000);
    expect(done.status).toBe("delivered");
    const attempts = await attemptsOf(id);
    expect(attempts).toHaveLength(2);
    expect(attempts[0].status).toBeNull();
    expect(attempts[0].error).toBe("No complete answer within 10 s");
    expect(attempts[0].durationMs).toBeGreaterThanOrEqual(9_900);
    // The timeout cut the attempt off (it did not wait for the receiver); a loose bound, as 2 shared cores are slow.
    expect(attempts[0].durationMs).toBeLessThan(25_000);
    expect(attempts[1].status).toBe(200);
  } finally {
    await worker.stop();
  }
});
