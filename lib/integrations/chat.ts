import { z } from "zod";
import type { SettingsForm } from "./form-spec";
import { type IssuesCreatedPayload, newIssuesMessage } from "./payloads";
import type { IntegrationConfig, Provider, ProviderRuntime, ResponseVerdict, TestResult } from "./types";

// What the chat providers (Slack, Microsoft Teams) share: an incoming-webhook URL that is itself
// the credential, one message per ingest that created issues, posted as JSON, about one a second.

type ChatParts<M> = {
  render(payload: IssuesCreatedPayload): M;
  testMessage(): M;
  judge(status: number, body: string): ResponseVerdict;
  /** What a passing Test says ("Test message posted"). */
  posted: string;
};

const webhookUrl = (config: IntegrationConfig) => config.secrets.webhookUrl ?? "";

async function post(
  runtime: ProviderRuntime,
  url: string,
  message: unknown,
  parts: Pick<ChatParts<unknown>, "judge" | "posted">,
): Promise<TestResult> {
  const answer = await runtime.call({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message),
  });
  if ("failure" in answer) return answer.failure;
  const { status, body, durationMs } = answer.response;
  const verdict = parts.judge(status, body);
  return {
    ok: verdict.ok,
    status,
    durationMs,
    message: verdict.ok ? parts.posted : verdict.message || `HTTP ${status}`,
  };
}

export function chatWebhook<M>(parts: ChatParts<M>) {
  return {
    // A secret in the URL (a path segment, a signature) is the credential, so the whole URL is kept secret.
    secretFields: ["webhookUrl"],
    destinationFields: ["webhookUrl"],
    destination: webhookUrl,
    test: (config, runtime) => post(runtime, webhookUrl(config), parts.testMessage(), parts),
    notify: newIssuesMessage,
    buildRequest: (config, payload) => ({
      url: webhookUrl(config),
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(parts.render(payload as IssuesCreatedPayload)),
    }),
    judgeResponse: parts.judge,
    // Incoming webhooks allow about one message per second, with short bursts.
    rateLimit: (config) => ({ key: `${config.provider}:${config.id}`, ratePerSecond: 1, burst: 3 }),
  } satisfies Partial<Provider>;
}

type ChatFormParts = { isValid(url: string): boolean; invalid: string; placeholder: string; maxLength?: number };

/** The one field a chat provider asks for: its webhook URL, checked by the vendor's own URL rule. */
export function chatForm({ isValid, invalid, placeholder, maxLength }: ChatFormParts): SettingsForm {
  let field = z.string({ message: "Enter the webhook URL" }).trim().min(1, "Enter the webhook URL");
  if (maxLength) field = field.max(maxLength, `At most ${maxLength} characters`);
  return {
    severityHint: "Only ingests that created issues at or above it post a message, listing those issues.",
    schema: z.object({ webhookUrl: field.refine(isValid, invalid) }),
    fields: [{ name: "webhookUrl", label: "Webhook URL", type: "url", placeholder, secret: true }],
  };
}
