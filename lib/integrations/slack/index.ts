import { type IssuesCreatedPayload, newIssuesMessage } from "../payloads";
import { defineProvider, type IntegrationConfig } from "../types";
import { judgeSlackResponse, postSlackMessage } from "./client";
import { issuesCreatedMessage, testMessage } from "./notify";
import { slackForm } from "./schema";

const webhookUrl = (config: IntegrationConfig) => config.secrets.webhookUrl ?? "";

export const slack = defineProvider({
  id: "slack",
  name: "Slack",
  category: "messaging",
  scopes: ["global", "team"],
  form: slackForm,
  // The URL's last path segment is the credential, so the whole URL is kept secret.
  secretFields: ["webhookUrl"],
  destinationFields: ["webhookUrl"],
  ui: {
    setup: {
      title: "How to get a webhook URL",
      steps: [["Create a Slack app."], ["Enable incoming webhooks."], ["Copy your webhook URL, paste in the field."]],
      note: ["For more information, see the ", { text: "Slack documentation", href: "https://api.slack.com/messaging/webhooks" }, "."],
    },
  },
  destination: webhookUrl,
  test: (config, runtime) => postSlackMessage(runtime, webhookUrl(config), testMessage()),
  notify: newIssuesMessage,
  buildRequest: (config, payload) => ({
    url: webhookUrl(config),
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(issuesCreatedMessage(payload as IssuesCreatedPayload)),
  }),
  judgeResponse: judgeSlackResponse,
  // Incoming webhooks allow about one message per second, with short bursts.
  rateLimit: (config) => ({ key: `slack:${config.id}`, ratePerSecond: 1, burst: 3 }),
});
