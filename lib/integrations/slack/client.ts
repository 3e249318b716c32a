import type { ResponseVerdict } from "../types";
import { vendorText } from "../vendor-text";

// Slack answers webhooks in text/plain: `ok`, or an error code. These codes mean the webhook will
// never work again until someone reconfigures it, so retrying is pointless.
const PERMANENT = new Set([
  "no_service",
  "channel_is_archived",
  "invalid_token",
  "team_disabled",
  "no_active_hooks",
  "action_prohibited",
]);

export function judgeSlackResponse(status: number, body: string): ResponseVerdict {
  const text = vendorText(body);
  if (status === 200 && (text === "ok" || text === "")) return { ok: true };
  return { ok: false, message: text || undefined, disable: PERMANENT.has(text) || status === 410 };
}
