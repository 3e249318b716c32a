import { z } from "zod";
import { emailField, siteUrlField, tokenField, type SettingsForm } from "../form-spec";

export const confluenceSchema = z.object({
  domainUrl: siteUrlField,
  email: emailField,
  apiToken: tokenField("API token"),
});

export const confluenceForm: SettingsForm = {
  provider: "confluence",
  name: "Confluence",
  schema: confluenceSchema,
  fields: [
    { name: "domainUrl", label: "Domain URL", type: "url", placeholder: "https://your-domain.atlassian.net" },
    { name: "email", label: "Email", type: "email", placeholder: "confluence-admin@example.com" },
    { name: "apiToken", label: "API Token", type: "text", secret: true },
  ],
};
