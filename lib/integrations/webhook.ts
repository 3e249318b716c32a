import { z } from "zod";
import { outboundUrlProblem } from "@/lib/http/url-policy";
import { generateSigningToken } from "@/lib/signing/token";
import { commonSettingsSchema, privateTargetsAllowed, type SettingsForm } from "./form-spec";
import type { IntegrationConfig, Provider, RateLimit } from "./types";
import { vendorText } from "./vendor-text";

// What the Custom Webhook and the Events Webhook share: a receiver's URL, an optional rate the
// administrator allows, a signing token we make, and a Test through the real delivery path.

/** https to a public host; http and private hosts only with OUTBOUND_ALLOW_PRIVATE. */
const urlField = z
  .string({ message: "Enter the URL" })
  .trim()
  .min(1, "Enter the URL")
  .max(2048, "At most 2048 characters")
  .superRefine((value, ctx) => {
    const problem = outboundUrlProblem(value, privateTargetsAllowed());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const webhookSchema = commonSettingsSchema.extend({
  url: urlField,
  /** Optional sends per second the administrator allows this receiver; none by default. */
  rateLimitPerSecond: z.coerce
    .number()
    .int("Whole sends per second")
    .min(1, "At least 1 per second")
    .max(1000, "At most 1000 per second")
    .optional(),
});

export function webhookForm(placeholder: string, severityHint: string): SettingsForm {
  return {
    severityHint,
    schema: webhookSchema,
    fields: [{ name: "url", label: "URL", type: "url", placeholder, secret: true }],
  };
}

/** A webhook's limit as its administrator set it (`rateLimitPerSecond`); none by default. */
export function adminRateLimit(config: IntegrationConfig): RateLimit | undefined {
  const perSecond = Number(config.settings.rateLimitPerSecond);
  if (!Number.isFinite(perSecond) || perSecond <= 0) return undefined;
  return { key: `${config.provider}:${config.id}`, ratePerSecond: perSecond, burst: Math.max(1, Math.ceil(perSecond)) };
}

type WebhookParts = {
  /** Statuses that count as delivered. */
  accepts(status: number): boolean;
  render(payload: unknown): string;
  /** What a Test sends, in the production format. */
  sample(): unknown;
};

/** The provider fields both webhooks have, and how they send; each declares only what differs. */
export function signedWebhook({ accepts, render, sample }: WebhookParts) {
  const provider = {
    // The URL is a secret at rest too: receivers often put their own key in it.
    secretFields: ["url", "token"],
    destinationFields: ["url"],
    revealedSecrets: ["token"],
    ui: { extras: ["webhook-signing", "webhook-comparison"] },
    destination: (config) => config.secrets.url ?? "",
    // Each webhook gets its own token.
    generateSecrets: () => ({ token: generateSigningToken() }),
    test: (config, runtime) => runtime.deliverNow(config, sample()),
  } satisfies Partial<Provider>;
  const send = {
    buildRequest: (config, payload) => ({
      url: config.secrets.url ?? "",
      method: "POST",
      headers: { "content-type": "application/json" },
      body: render(payload),
      signingToken: config.secrets.token,
    }),
    judgeResponse: (status, body) => {
      const ok = accepts(status);
      return { ok, disable: status === 410, message: ok ? undefined : vendorText(body) || undefined };
    },
    rateLimit: adminRateLimit,
  } satisfies Partial<Provider>;
  return { provider, send };
}
