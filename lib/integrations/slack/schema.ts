import { chatForm } from "../chat";
import { outboundUrl, privateTargetsAllowed } from "../form-spec";

// An incoming-webhook URL is https://hooks.slack.com/services/T<team>/B<bot>/<secret>. The path
// rule holds everywhere; the host rule is relaxed only when private targets are allowed (fakes).
const WEBHOOK_PATH = /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9_-]+$/;
const SLACK_HOST = "hooks.slack.com";

export function isSlackWebhookUrl(value: string): boolean {
  const url = outboundUrl(value);
  if (!url || !WEBHOOK_PATH.test(url.pathname) || url.search || url.hash) return false;
  return url.hostname === SLACK_HOST || privateTargetsAllowed();
}

export const slackForm = chatForm({
  isValid: isSlackWebhookUrl,
  invalid: "Enter a Slack incoming-webhook URL: https://hooks.slack.com/services/T…/B…/…",
  placeholder: "https://hooks.slack.com/services/T…/B…/…",
});
