import { z } from "zod";
import { outboundUrl, privateTargetsAllowed, type SettingsForm } from "../form-spec";

// A Teams Workflows webhook ("When a Teams webhook request is received") is a signed Power
// Automate or Logic Apps trigger URL: …/workflows/<id>/triggers/manual/paths/invoke?…&sig=…. The
// retired Office 365 connectors (…webhook.office.com) are not accepted. The host rule is relaxed
// only when private targets are allowed (fakes); the path and signature rules hold everywhere.
const HOSTS = [/\.logic\.azure\.com$/, /\.api\.powerplatform\.com$/];

export function isTeamsWorkflowUrl(value: string): boolean {
  const url = outboundUrl(value);
  if (!url || url.hash || !/\/workflows\/[^/]+\/triggers\/[^/]+\/(paths\/)?(invoke|run)$/i.test(url.pathname)) return false;
  if (!url.searchParams.get("sig")) return false;
  return (url.protocol === "https:" && HOSTS.some((h) => h.test(url.hostname))) || privateTargetsAllowed();
}

export const teamsSchema = z.object({
  webhookUrl: z
    .string({ message: "Enter the webhook URL" })
    .trim()
    .min(1, "Enter the webhook URL")
    .max(2048, "At most 2048 characters")
    .refine(isTeamsWorkflowUrl, "Enter a Teams Workflows webhook URL: https://…logic.azure.com/workflows/…?…&sig=… or …api.powerplatform.com/…"),
});

export const teamsForm: SettingsForm = {
  severityHint: "Only ingests that created issues at or above it post a card, listing those issues.",
  schema: teamsSchema,
  fields: [{ name: "webhookUrl", label: "Webhook URL", type: "url", placeholder: "https://….logic.azure.com/workflows/…", secret: true }],
};
