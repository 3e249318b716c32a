// @ts-nocheck
import { deliverNow } from "@/lib/delivery/send-now";
import { adminRateLimit } from "@/lib/delivery/rate-limit";
import { generateSigningToken } from "@/lib/delivery/sign";
import { vendorText } from "../vendor-call";
import type { Provider } from "../types";
import { type EventsWebhookPayload, renderBody, sampleEvent } from "./notify";
import { eventsWebhookForm, eventsWebhookSchema } from "./schema";

export const eventsWebhook: Provider = {
  id: "events-webhook",
  name: eventsWebhookForm.name,
  teamLevel: true,
  secretFields: ["url", "token"],
  destinationFields: ["url"],
  destination: (config) => config.secrets.url ?? "",
  schema: eventsWebhookSchema,
  // Its own token, separate from the Custom Webhook's.
  generateSecrets: () => ({ token: generateSigningToken() }),
  revealedSecrets: ["token"],
  test: (config) => deliverNow(eventsWebhook, config, sampleEvent()),
  buildRequest: (config, payload) => ({
    url: config.secrets.url ?? "",
    method: "POST",
    headers: { "content-type": "application/json" },
    body: renderBody(payload as EventsWebhookPayload),
    signingToken: config.secrets.token,
  }),
  judgeResponse: (status, body) => {
    const ok = status >= 200 && status < 300;
    return { ok, disable: status === 410, message: ok ? undefined : vendorText(body) || undefined };
  },
  rateLimit: adminRateLimit,
};
