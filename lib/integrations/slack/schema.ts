import { z } from "zod";
import { outboundUrl, privateTargetsAllowed, type SettingsForm } from "../form-spec";

// An incoming-webhook URL is https://hooks.slack.com/services/T<team>/B<bot>/<secret>. The path
// rule holds everywhere; the host rule is relaxed only when private targets are allowed (fakes).
const WEBHOOK_PATH = /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9_-]+$/;
const SLACK_HOST = "hooks.slack.com";

export function isSlackWebhookUrl(value: string): boolean {
  const url = outboundUrl(value);
  if (!url || !WEBHOOK_PATH.test(url.pathname) || url.search || url.hash) return false;
  return url.hostname === SLACK_HOST || privateTargetsAllowed();
}

export const slackSchema = z.object({
  webhookUrl: z
    .string({ message: "Enter the webhook URL" })
    .trim()
    .min(1, "Enter the webhook URL")
    .refine(isSlackWebhookUrl, "Enter a Slack incoming-webhook URL: https://hooks.slack.com/services/T…/B…/…"),
});

export const slackForm: SettingsForm = {
  severityHint: "Only ingests that created issues at or above it post a message, listing those issues.",
  schema: slackSchema,
  fields: [{ name: "webhookUrl", label: "Webhook URL", type: "url", placeholder: "https://hooks.slack.com/services/T…/B…/…", secret: true }],
};
