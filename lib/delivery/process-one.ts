import type { ClaimedDelivery } from "./claim";
import type { DeliverySettings } from "./config";
import type { LoadedIntegration } from "./integration-configs";
import type { Provider } from "@/lib/integrations/types";
import { performAttempt } from "./attempt";
import type { RateLimiter } from "@/lib/rate-limit/bucket";
import type { HealthSignal, Outcome } from "./record";
import { nextStep } from "./retry";
import { observeAttempt } from "@/lib/metrics/observe";

export type Processed = { outcome: Outcome; health: HealthSignal | null };

/**
 * One claimed delivery, start to finish except the write: skip it when its integration is gone
 * or off, wait when its endpoint is throttled, else attempt it and decide what comes next.
 */
export async function processDelivery(
  delivery: ClaimedDelivery,
  integration: LoadedIntegration | undefined,
  provider: Provider | undefined,
  limiter: RateLimiter,
  settings: DeliverySettings,
): Promise<Processed> {
  const skip = (lastError: string): Processed => ({
    outcome: {
      deliveryId: delivery.id,
      claimId: delivery.claimId,
      status: "failed",
      nextAttemptAt: null,
      body: delivery.body,
      attempt: null,
      lastError,
      countsAsAttempt: false,
    },
    health: null,
  });
  if (!integration) return skip("The integration was removed");
  if (!integration.enabled)
    return skip(
      `Not sent: the integration is disabled${integration.disabledReason ? ` (${integration.disabledReason})` : ""}`,
    );
  if (!provider?.buildRequest) return skip(`No delivery path for provider ${delivery.provider}`);
  if (integration.secretsError) {
    // The settings page says so too: the integration fails until its secrets are saved again.
    return {
      ...skip(integration.secretsError),
      health: { integrationId: integration.id, at: new Date(), ok: false, error: integration.secretsError },
    };
  }

  const limit = provider.rateLimit?.(integration);
  const wait = limit ? await limiter.reserve(limit) : 0;
  if (wait > 0) {
    return {
      outcome: {
        deliveryId: delivery.id,
        claimId: delivery.claimId,
        status: "pending",
        nextAttemptAt: new Date(Date.now() + wait),
        body: delivery.body,
        attempt: null,
        lastError: null,
        countsAsAttempt: false,
      },
      health: null,
    };
  }

  const result = await performAttempt(provider, integration, delivery);
  const attemptNumber = delivery.attempts + 1;
  const step = nextStep(result, attemptNumber, settings);
  observeAttempt(delivery.provider, step.status, result.record.durationMs);
  const disableReason = result.disable
    ? `The receiver answered ${result.status ?? "410"} Gone; re-enable the integration after fixing its URL`
    : undefined;
  return {
    outcome: {
      deliveryId: delivery.id,
      claimId: delivery.claimId,
      status: step.status,
      nextAttemptAt: step.nextAttemptAt,
      // The body is stored once, on the delivery, at its first attempt; every attempt sends it.
      body: delivery.body === null ? result.body : null,
      bodySecrets: delivery.body === null ? result.bodySecrets : null,
      attempt: { ...result.record, requestBody: null },
      lastError: result.ok ? null : result.message,
      countsAsAttempt: true,
    },
    health: {
      integrationId: integration.id,
      at: result.record.at,
      ok: result.ok,
      error: result.ok ? undefined : result.message,
      disableReason,
    },
  };
}
