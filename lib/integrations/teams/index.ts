import { type IssuesCreatedPayload, newIssuesMessage } from "../payloads";
import { defineProvider, type IntegrationConfig, type ProviderRuntime, type ResponseVerdict, type TestResult } from "../types";
import { parseJson, vendorText } from "../vendor-text";
import { issuesCreatedMessage, type TeamsMessage, testMessage } from "./card";
import { teamsForm } from "./schema";

const webhookUrl = (config: IntegrationConfig) => config.secrets.webhookUrl ?? "";

/**
 * A Workflows trigger answers 202 Accepted with no body. Errors come as Logic Apps'
 * `{"error": {"code", "message"}}`; a deleted workflow (404 WorkflowNotFound) or a URL whose
 * signature no longer matches will not work again until someone sets a new URL.
 */
export function judgeTeamsResponse(status: number, body: string): ResponseVerdict {
  if (status >= 200 && status < 300) return { ok: true };
  const error = (parseJson(body) as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === "string" ? error.code : "";
  const message = vendorText([code, typeof error?.message === "string" ? error.message : ""].filter(Boolean).join(": ") || body);
  const gone = status === 410 || code === "WorkflowNotFound" || code === "DirectApiInvalidAuthorizationSignature";
  return { ok: false, message: message || undefined, disable: gone };
}

async function post(runtime: ProviderRuntime, url: string, message: TeamsMessage): Promise<TestResult> {
  const answer = await runtime.call({ url, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message) });
  if ("failure" in answer) return answer.failure;
  const { status, body, durationMs } = answer.response;
  const verdict = judgeTeamsResponse(status, body);
  return { ok: verdict.ok, status, durationMs, message: verdict.ok ? "Test card posted" : verdict.message || `HTTP ${status}` };
}

export const teams = defineProvider({
  id: "teams",
  name: "Microsoft Teams",
  category: "messaging",
  scopes: ["global", "team"],
  form: teamsForm,
  // The signature in the URL's query is the credential, so the whole URL is kept secret.
  secretFields: ["webhookUrl"],
  destinationFields: ["webhookUrl"],
  ui: {
    setup: {
      title: "How to get a webhook URL",
      steps: [
        ["In Teams, open the channel's ••• menu and choose Workflows."],
        ["Pick “Post to a channel when a webhook request is received” and finish the template."],
        ["Copy the workflow's URL, paste in the field."],
      ],
      note: [
        "For more information, see the ",
        { text: "Microsoft Teams documentation", href: "https://support.microsoft.com/office/create-incoming-webhooks-with-workflows-for-microsoft-teams-8ae491c7-0394-4861-ba59-055e33f75498" },
        ".",
      ],
    },
  },
  destination: webhookUrl,
  test: (config, runtime) => post(runtime, webhookUrl(config), testMessage()),
  // The same trigger and minimum severity as Slack: one card per ingest that created issues.
  notify: newIssuesMessage,
  buildRequest: (config, payload) => ({
    url: webhookUrl(config),
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(issuesCreatedMessage(payload as IssuesCreatedPayload)),
  }),
  judgeResponse: judgeTeamsResponse,
  // A Workflows trigger is throttled per flow; a card a second with short bursts stays well under it.
  rateLimit: (config) => ({ key: `teams:${config.id}`, ratePerSecond: 1, burst: 3 }),
});
