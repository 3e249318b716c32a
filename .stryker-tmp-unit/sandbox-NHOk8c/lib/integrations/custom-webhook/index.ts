// @ts-nocheck
import { deliverNow } from "@/lib/delivery/send-now";
import { adminRateLimit } from "@/lib/delivery/rate-limit";
import { generateSigningToken } from "@/lib/delivery/sign";
import { vendorText } from "../vendor-call";
import type { Provider } from "../types";
import { type CustomWebhookPayload, renderBody, samplePayload } from "./notify";
import { customWebhookForm, customWebhookSchema } from "./schema";

export { generateSigningToken };

export const customWebhook: Provider = {
  id: "custom-webhook",
  name: customWebhookForm.name,
  teamLevel: false,
  // The URL is a secret at rest too: receivers often put their own key in it.
  secretFields: ["url", "token"],
  destinationFields: ["url"],
  destination: (config) => config.secrets.url ?? "",
  schema: customWebhookSchema,
  generateSecrets: () => ({ token: generateSigningToken() }),
  revealedSecrets: ["token"],
  test: (config) => deliverNow(customWebhook, config, samplePayload),
  buildRequest: (config, payload) => ({
    url: config.secrets.url ?? "",
    method: "POST",
    headers: { "content-type": "application/json" },
    body: renderBody(payload as CustomWebhookPayload),
    signingToken: config.secrets.token,
  }),
  // The seed: "The request must be 200 OK". Anything else, 2xx included, is retried.
  judgeResponse: (status, body) => ({ ok: status === 200, disable: status === 410, message: status === 200 ? undefined : vendorText(body) || undefined }),
  rateLimit: adminRateLimit,
};
