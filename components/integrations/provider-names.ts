import { SETTINGS_FORMS } from "@/lib/integrations/forms";
import type { ProviderId } from "@/lib/integrations/types";

/** Whether a stored provider id (an audit entry's, a delivery's) is one we can name. */
export function isProviderName(id: string): id is ProviderId {
  return Object.hasOwn(SETTINGS_FORMS, id);
}

/** "Custom Webhook" for "custom-webhook"; an unknown id as it is. */
export function providerName(id: string): string {
  return isProviderName(id) ? SETTINGS_FORMS[id].name : id;
}
