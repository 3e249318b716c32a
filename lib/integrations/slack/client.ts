import type { ProviderRuntime, ResponseVerdict, TestResult } from "../types";
import { vendorText } from "../vendor-text";
import type { SlackMessage } from "./notify";

// Slack answers webhooks in text/plain: `ok`, or an error code. These codes mean the webhook will
// never work again until someone reconfigures it, so retrying is pointless.
const PERMANENT = new Set(["no_service", "channel_is_archived", "invalid_token", "team_disabled", "no_active_hooks", "action_prohibited"]);

export function judgeSlackResponse(status: number, body: string): ResponseVerdict {
  const text = vendorText(body);
  if (status === 200 && (text === "ok" || text === "")) return { ok: true };
  return { ok: false, message: text || undefined, disable: PERMANENT.has(text) || status === 410 };
}

export async function postSlackMessage(runtime: ProviderRuntime, webhookUrl: string, message: SlackMessage): Promise<TestResult> {
  const answer = await runtime.call({ url: webhookUrl, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message) });
  if ("failure" in answer) return answer.failure;
  const { status, body, durationMs } = answer.response;
  const verdict = judgeSlackResponse(status, body);
  return { ok: verdict.ok, status, durationMs, message: verdict.ok ? "Test message posted" : verdict.message || `HTTP ${status}` };
}
