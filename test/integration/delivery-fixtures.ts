// Shared setup for the delivery suites: an integration pointing at a loopback receiver, a worker
// with test-sized timings, and polling for a condition with a deadline (never a bare sleep).
import { eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { deliveries, deliveryAttempts, integrations } from "@/db/schema";
import { encryptSecrets } from "@/lib/crypto/secrets";
import { DeliveryWorker } from "@/lib/delivery/worker";
import type { ProviderId } from "@/lib/integrations/types";
import { waitFor } from "@/test/support/wait";
import { afterAll, beforeAll } from "vitest";
import { Receiver } from "@/bench/delivery-receiver";

export { waitFor };

/** A loopback receiver for the whole file: started before its tests, stopped after them. */
export function fileReceiver(): Receiver {
  const receiver = new Receiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  return receiver;
}

export const TOKEN = "test-signing-token-0123456789abcdef0123456789";

export async function createIntegration(
  provider: ProviderId,
  url: string,
  options: { teamId?: string | null; settings?: Record<string, unknown> } = {},
) {
  const [row] = await db
    .insert(integrations)
    .values({
      provider,
      teamId: options.teamId ?? null,
      settings: options.settings ?? {},
      secrets: encryptSecrets({ url, token: TOKEN }),
    })
    .returning();
  return { id: row.id, provider, teamId: row.teamId };
}

export async function resetDeliveryTables() {
  await db.execute(sql`delete from delivery_attempts`);
  await db.execute(sql`delete from deliveries`);
  await db.execute(sql`delete from integrations`);
}

/** A worker that retries fast; stop it in afterEach. */
export async function startTestWorker(env: Record<string, string> = {}) {
  Object.assign(process.env, { DELIVERY_RETRY_BASE_MS: "50", DELIVERY_MAX_ATTEMPTS: "4", ...env });
  const worker = new DeliveryWorker({ batchSize: 20, log: () => {} });
  await worker.start();
  return worker;
}

export async function deliveryById(id: string) {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
  return row;
}

export async function attemptsOf(id: string) {
  return db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, id)).orderBy(deliveryAttempts.at);
}

/** Wait until the delivery is no longer pending, and return it. */
export function settled(id: string, timeoutMs = 10_000) {
  return waitFor(
    async () => {
      const row = await deliveryById(id);
      return row && row.status !== "pending" ? row : undefined;
    },
    timeoutMs,
    `delivery ${id} to settle`,
  );
}

export async function integrationRow(id: string) {
  const [row] = await rows<{
    enabled: boolean;
    disabled_reason: string | null;
    last_error: string | null;
    failing_since: string | null;
    last_success_at: string | null;
  }>(
    db,
    sql`select enabled, disabled_reason, last_error, failing_since, last_success_at from integrations where id = ${id}`,
  );
  return row;
}
