import { atLeast } from "@/lib/severity";
import { defineProvider } from "../types";
import { signedWebhook, webhookForm } from "../webhook";
import { type CustomWebhookPayload, newIssuesPayloads, renderBody, samplePayload } from "./notify";

// The contract asks receivers for 200 OK: anything else, another 2xx included, is retried.
const webhook = signedWebhook({
  accepts: (status) => status === 200,
  render: (p) => renderBody(p as CustomWebhookPayload),
  sample: () => samplePayload,
});

export const customWebhook = defineProvider({
  id: "custom-webhook",
  name: "Custom Webhook",
  category: "webhook",
  scopes: ["global"],
  form: webhookForm("https://example.com/hooks/spectral", "Only new issues at or above it are sent."),
  ...webhook.provider,
  // New issues only, at most 500 a body.
  notify: (change, min) =>
    newIssuesPayloads(atLeast(change.created, min)).map((payload) => ({ kind: "issues_created", payload })),
  ...webhook.send,
});
