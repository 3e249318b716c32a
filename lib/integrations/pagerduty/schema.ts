import { z } from "zod";
import type { SettingsForm } from "../form-spec";

// PagerDuty refuses any other length ("Length of 'routing_key' is incorrect (should be 32 characters)").
export const ROUTING_KEY_LENGTH = 32;

export const pagerdutySchema = z.object({
  routingKey: z
    .string({ message: "Enter the routing key" })
    .trim()
    .length(ROUTING_KEY_LENGTH, `A routing key is exactly ${ROUTING_KEY_LENGTH} characters`)
    .regex(/^[A-Za-z0-9]+$/, "A routing key has only letters and digits"),
});

export const pagerdutyForm: SettingsForm = {
  severityHint: "Only issues at or above it trigger an incident, and resolve it later.",
  schema: pagerdutySchema,
  fields: [
    {
      name: "routingKey",
      label: "Routing Key",
      type: "text",
      placeholder: "32-character integration key",
      secret: true,
      help: {
        text: "In PagerDuty, open the service → Integrations → Add an integration → Events API V2, and copy its Integration Key.",
        href: "https://support.pagerduty.com/main/docs/services-and-integrations",
        link: "PagerDuty: services and integrations",
      },
    },
  ],
  // Paging people for every warning would train them to ignore pages.
  defaultMinSeverity: "error",
};
