// @ts-nocheck
import { z } from "zod";
import { outboundUrlProblem } from "@/lib/http/url-policy";
import { commonSettingsSchema, privateTargetsAllowed, type SettingsForm } from "../form-spec";

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

export const eventsWebhookSchema = commonSettingsSchema.extend({
  url: urlField,
  /** Optional sends per second the administrator allows this receiver; none by default. */
  rateLimitPerSecond: z.coerce.number().int("Whole sends per second").min(1, "At least 1 per second").max(1000, "At most 1000 per second").optional(),
});

export const eventsWebhookForm: SettingsForm = {
  provider: "events-webhook",
  name: "Events Webhook",
  severityHint: "Issue events carry only the ids of issues at or above it. Asset and ingest events always go.",
  schema: eventsWebhookSchema,
  fields: [{ name: "url", label: "URL", type: "url", placeholder: "https://example.com/hooks/spectral-events", secret: true }],
};
