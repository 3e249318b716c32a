import { loadScanSettings } from "@/lib/scanning/settings";

/** The product's public address (contract §1 APP_URL). */
export function appUrl(): string {
  return (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
}

/**
 * The full address of the integration's receiver, its secret token included (contract §3
 * `hookUrl`). The token is the integration's webhook token, kept encrypted with its scan settings.
 */
export async function hookUrlOf(provider: string, integrationId: string): Promise<string> {
  const { webhookToken } = await loadScanSettings(integrationId);
  return `${appUrl()}/api/v1/hooks/${provider}/${integrationId}?token=${encodeURIComponent(webhookToken)}`;
}
