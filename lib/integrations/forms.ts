import type { z } from "zod";
import { confluenceForm } from "./confluence/schema";
import { customWebhookForm } from "./custom-webhook/schema";
import { eventsWebhookForm } from "./events-webhook/schema";
import type { SettingsForm } from "./form-spec";
import { jiraForm } from "./jira/schema";
import { mondayForm } from "./monday/schema";
import { pagerdutyForm } from "./pagerduty/schema";
import { slackForm } from "./slack/schema";
import type { ProviderId } from "./types";

// The browser's view of every provider: labels, fields and the zod schema the server also uses.
// Client-safe (no node: imports), unlike the Provider objects in the registry.

export const SETTINGS_FORMS: Record<ProviderId, SettingsForm> = {
  slack: slackForm,
  jira: jiraForm,
  confluence: confluenceForm,
  monday: mondayForm,
  pagerduty: pagerdutyForm,
  "custom-webhook": customWebhookForm,
  "events-webhook": eventsWebhookForm,
};

/** The schema and fields a scope uses (monday's team level differs from its global one). */
export function formFor(provider: ProviderId, teamScope: boolean): { schema: z.ZodObject; fields: SettingsForm["fields"]; severityHint?: string } {
  const { schema, fields, teamSchema, teamFields, severityHint } = SETTINGS_FORMS[provider];
  if (teamScope && teamSchema) return { schema: teamSchema, fields: teamFields ?? [], severityHint };
  return { schema, fields, severityHint };
}
