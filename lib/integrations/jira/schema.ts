import { z } from "zod";
import { syncSettingsSchema } from "@/lib/sync/schema";
import { emailField, siteUrlField, tokenField, type SettingsForm } from "../form-spec";

export const jiraSchema = z.object({
  domainUrl: siteUrlField,
  email: emailField,
  apiToken: tokenField("API token"),
  sync: syncSettingsSchema.optional(),
});

export const jiraForm: SettingsForm = {
  provider: "jira",
  name: "Jira",
  schema: jiraSchema,
  fields: [
    { name: "domainUrl", label: "Domain URL", type: "url", placeholder: "https://your-domain.atlassian.net" },
    { name: "email", label: "Email", type: "email", placeholder: "jira-admin@example.com" },
    { name: "apiToken", label: "API Token", type: "text", secret: true },
  ],
};
