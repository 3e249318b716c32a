import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { deliveries, deliveryAttempts, integrations } from "@/db/schema";
import type { IntegrationConfig, Provider, TestResult } from "@/lib/integrations/types";
import { errorFacts, logger } from "@/lib/log";
import { performAttempt } from "./attempt";
import { uuidv7 } from "./ids";
import { isUuid } from "@/lib/ids";

/**
 * Send one payload now, through the same build → sign → lib/http → judge path as the worker,
 * and wait for the answer (Test buttons). It is recorded as a `test` delivery with its attempt
 * when the integration is saved; it is never retried.
 */
export async function deliverNow(
  provider: Provider,
  config: IntegrationConfig,
  payload: unknown,
  kind = "test",
): Promise<TestResult> {
  const id = uuidv7();
  const result = await performAttempt(provider, config, { id, payload, body: null });
  const status = result.ok ? "delivered" : "failed";
  // A Test of settings not saved yet has no integration to log it under.
  if (!isUuid(config.id))
    return { ok: result.ok, status: result.status, message: result.message, durationMs: result.record.durationMs };
  try {
    await db.transaction(async (tx) => {
      const [saved] = await tx.select({ id: integrations.id }).from(integrations).where(eq(integrations.id, config.id));
      if (!saved) return;
      await tx.insert(deliveries).values({
        id,
        integrationId: config.id,
        provider: config.provider,
        teamId: config.teamId,
        kind,
        payload,
        body: result.body,
        bodySecrets: result.bodySecrets,
        status,
        attempts: 1,
        nextAttemptAt: result.record.at,
        lastAttemptAt: result.record.at,
        deliveredAt: result.ok ? result.record.at : null,
        lastStatus: result.status,
        lastError: result.ok ? null : result.message,
      });
      await tx.insert(deliveryAttempts).values({ deliveryId: id, ...result.record, requestBody: null });
    });
  } catch (error) {
    // The answer matters more than the log line; say so and go on.
    logger().error({ err: errorFacts(error) }, "delivery: could not record a test delivery");
  }
  return { ok: result.ok, status: result.status, message: result.message, durationMs: result.record.durationMs };
}
