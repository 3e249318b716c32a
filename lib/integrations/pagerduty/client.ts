import type { ProviderRuntime, ResponseVerdict, TestResult } from "../types";
import { parseJson, vendorText } from "../vendor-text";
import { resolveEvent, testTrigger, type PagerDutyEvent } from "./notify";

export function pagerdutyEventsUrl(): string {
  return process.env.PAGERDUTY_EVENTS_URL || "https://events.pagerduty.com/v2/enqueue";
}

/** PagerDuty answers `{status, message, errors: [...]}`; the errors are the useful part. */
export function judgePagerDutyResponse(status: number, body: string): ResponseVerdict {
  if (status === 202) return { ok: true };
  const json = parseJson(body) as { message?: string; errors?: unknown[] } | undefined;
  const errors = Array.isArray(json?.errors) ? json.errors.map(String).join("; ") : "";
  return { ok: false, message: vendorText(errors || json?.message || body) || undefined };
}

async function sendEvent(runtime: ProviderRuntime, event: PagerDutyEvent): Promise<TestResult> {
  const answer = await runtime.call({
    url: pagerdutyEventsUrl(),
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(event),
  });
  if ("failure" in answer) return answer.failure;
  const { status, body, durationMs } = answer.response;
  const verdict = judgePagerDutyResponse(status, body);
  return {
    ok: verdict.ok,
    status,
    durationMs,
    message: verdict.ok ? "Event processed" : verdict.message || `HTTP ${status}`,
  };
}

/** A trigger then a resolve with the same dedup key: proves the key without leaving an alert open. */
export async function testPagerDuty(runtime: ProviderRuntime, routingKey: string): Promise<TestResult> {
  const dedupKey = `code-security-test-${crypto.randomUUID()}`;
  const trigger = await sendEvent(runtime, testTrigger(routingKey, dedupKey));
  if (!trigger.ok) return trigger;
  const resolve = await sendEvent(runtime, resolveEvent(routingKey, dedupKey));
  const durationMs = trigger.durationMs + resolve.durationMs;
  if (!resolve.ok) return { ...resolve, durationMs, message: `Triggered, but the resolve failed: ${resolve.message}` };
  return { ok: true, status: resolve.status, durationMs, message: "Test alert triggered and resolved" };
}
