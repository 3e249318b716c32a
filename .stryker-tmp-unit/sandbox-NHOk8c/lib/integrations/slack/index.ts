// @ts-nocheck
import type { IntegrationConfig, Provider } from "../types";
import type { IssuesCreatedPayload } from "../payloads";
import { judgeSlackResponse, postSlackMessage } from "./client";
import { issuesCreatedMessage, testMessage } from "./notify";
import { slackForm, slackSchema } from "./schema";

const webhookUrl = (config: IntegrationConfig) => config.secrets.webhookUrl ?? "";

export const slack: Provider = {
  id: "slack",
  name: slackForm.name,
  teamLevel: true,
  // The URL's last path segment is the credential, so the whole URL is kept secret.
  secretFields: ["webhookUrl"],
  destinationFields: ["webhookUrl"],
  destination: webhookUrl,
  schema: slackSchema,
  test: (config) => postSlackMessage(webhookUrl(config), testMessage()),
  buildRequest: (config, payload) => ({
    url: webhookUrl(config),
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(issuesCreatedMessage(payload as IssuesCreatedPayload)),
  }),
  judgeResponse: judgeSlackResponse,
  // Incoming webhooks allow about one message per second, with short bursts.
  rateLimit: (config) => ({ key: `slack:${config.id}`, ratePerSecond: 1, burst: 3 }),
};
