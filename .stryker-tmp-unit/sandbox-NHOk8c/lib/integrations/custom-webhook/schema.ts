// @ts-nocheck
import { z } from "zod";
import { outboundUrlProblem } from "@/lib/http/url-policy";
import { commonSettingsSchema, privateTargetsAllowed, type SettingsForm } from "../form-spec";

/** The receiver's URL: https, a public host (http and private hosts only with OUTBOUND_ALLOW_PRIVATE). */
const webhookUrlField = z
  .string({ message: "Enter the URL" })
  .trim()
  .min(1, "Enter the URL")
  .max(2048, "At most 2048 characters")
  .superRefine((value, ctx) => {
    const problem = outboundUrlProblem(value, privateTargetsAllowed());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Optional sends per second the administrator allows this receiver; none by default. */
const rateLimitField = z.coerce.number().int("Whole sends per second").min(1, "At least 1 per second").max(1000, "At most 1000 per second").optional();

export const customWebhookSchema = commonSettingsSchema.extend({ url: webhookUrlField, rateLimitPerSecond: rateLimitField });

export const customWebhookForm: SettingsForm = {
  provider: "custom-webhook",
  name: "Custom Webhook",
  severityHint: "Only new issues at or above it are sent.",
  schema: customWebhookSchema,
  fields: [{ name: "url", label: "URL", type: "url", placeholder: "https://example.com/hooks/spectral", secret: true }],
};
