import { chatForm } from "../chat";
import { outboundUrl, privateTargetsAllowed } from "../form-spec";

// A Teams Workflows webhook ("When a Teams webhook request is received") is a signed Power
// Automate or Logic Apps trigger URL: …/workflows/<id>/triggers/manual/paths/invoke?…&sig=…. The
// retired Office 365 connectors (…webhook.office.com) are not accepted. The host rule is relaxed
// only when private targets are allowed (fakes); the path and signature rules hold everywhere.
const HOSTS = [/\.logic\.azure\.com$/, /\.api\.powerplatform\.com$/];

export function isTeamsWorkflowUrl(value: string): boolean {
  const url = outboundUrl(value);
  if (!url || url.hash || !/\/workflows\/[^/]+\/triggers\/[^/]+\/(paths\/)?(invoke|run)$/i.test(url.pathname))
    return false;
  if (!url.searchParams.get("sig")) return false;
  return (url.protocol === "https:" && HOSTS.some((h) => h.test(url.hostname))) || privateTargetsAllowed();
}

export const teamsForm = chatForm({
  isValid: isTeamsWorkflowUrl,
  invalid:
    "Enter a Teams Workflows webhook URL: https://…logic.azure.com/workflows/…?…&sig=… or …api.powerplatform.com/…",
  placeholder: "https://….logic.azure.com/workflows/…",
  maxLength: 2048,
});
