import { getProvider } from "@/lib/integrations/registry";

/** "Custom Webhook" for "custom-webhook"; an unknown id (an old audit entry's) as it is. */
export function providerName(id: string): string {
  return getProvider(id)?.name ?? id;
}
