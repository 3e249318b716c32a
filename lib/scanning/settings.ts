import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { scanSettings } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { decryptSecrets, encryptSecrets } from "@/lib/crypto/secrets";
import { NotFoundError } from "@/lib/errors";
import { providersWith } from "@/lib/integrations/registry";
import { authorizeProvider, findIntegration } from "@/lib/integrations/scope";

/** A provider whose content is scanned (it has the `scan` capability): Jira, Confluence. */
export type ScanProvider = string;
export const SCAN_PROVIDER_IDS = providersWith("scan").map((p) => p.id) as [ScanProvider, ...ScanProvider[]];

export const DEFAULT_REDACT_MESSAGE = "[secret removed by Code Security: rotate it, then delete this note]";

const key = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9_~.-]+$/, "Use project or space keys such as SEC");
/** Shared by the panel's form and the server. */
export const scanSettingsSchema = z.object({
  allow: z.array(key).max(500),
  deny: z.array(key).max(500),
  redact: z.boolean(),
  redactMessage: z.string().trim().min(1, "Required").max(300, "At most 300 characters"),
});
export type ScanSettingsInput = z.output<typeof scanSettingsSchema>;

export type LoadedScanSettings = ScanSettingsInput & { webhookToken: string };
/** What an administrator sees: the webhook path carries its token, shown so it can be pasted into Jira. */
export type ScanSettingsView = ScanSettingsInput & {
  integrationId: string;
  provider: ScanProvider;
  webhookPath: string;
};

/** The integration's scan settings, created with a fresh webhook token on first use. */
export async function loadScanSettings(integrationId: string): Promise<LoadedScanSettings> {
  const [row] = await db.select().from(scanSettings).where(eq(scanSettings.integrationId, integrationId));
  if (row)
    return {
      allow: row.allow,
      deny: row.deny,
      redact: row.redact,
      redactMessage: row.redactMessage,
      webhookToken: decryptSecrets(row.secrets).webhookToken ?? "",
    };
  const webhookToken = randomBytes(32).toString("base64url");
  await db
    .insert(scanSettings)
    .values({ integrationId, redactMessage: DEFAULT_REDACT_MESSAGE, secrets: encryptSecrets({ webhookToken }) })
    .onConflictDoNothing();
  // A concurrent first use may have won; its token is the one that counts.
  const [stored] = await db.select().from(scanSettings).where(eq(scanSettings.integrationId, integrationId));
  return {
    allow: stored.allow,
    deny: stored.deny,
    redact: stored.redact,
    redactMessage: stored.redactMessage,
    webhookToken: decryptSecrets(stored.secrets).webhookToken ?? "",
  };
}

/** The webhook token if one was ever issued, without issuing one: an unauthenticated hook writes nothing. */
export async function issuedWebhookToken(integrationId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ secrets: scanSettings.secrets })
    .from(scanSettings)
    .where(eq(scanSettings.integrationId, integrationId));
  return row ? decryptSecrets(row.secrets).webhookToken || undefined : undefined;
}

/** The configured Jira or Confluence integration of a scope, after the role check; else 404. */
export async function scanIntegration(principal: Principal, provider: string, teamId: string | null) {
  const p = await authorizeProvider(principal, provider, teamId);
  if (!p.scan) throw new NotFoundError(`Scanning for ${p.name}`);
  const row = await findIntegration(db, p.id, teamId);
  if (!row) throw new NotFoundError(`${p.name} integration`);
  return { id: row.id, provider: p.id, teamId };
}

export async function getScanSettings(
  principal: Principal,
  provider: string,
  teamId: string | null,
): Promise<ScanSettingsView> {
  const integration = await scanIntegration(principal, provider, teamId);
  return view(integration.id, integration.provider, await loadScanSettings(integration.id));
}

export async function saveScanSettings(
  principal: Principal,
  provider: string,
  teamId: string | null,
  input: ScanSettingsInput,
): Promise<ScanSettingsView> {
  const integration = await scanIntegration(principal, provider, teamId);
  const current = await loadScanSettings(integration.id);
  const upper = (keys: string[]) => [...new Set(keys.map((k) => k.toUpperCase()))];
  const next = {
    allow: upper(input.allow),
    deny: upper(input.deny),
    redact: input.redact,
    redactMessage: input.redactMessage,
  };
  await db
    .update(scanSettings)
    .set({ ...next, updatedAt: new Date() })
    .where(eq(scanSettings.integrationId, integration.id));
  return view(integration.id, integration.provider, { ...current, ...next });
}

function view(integrationId: string, provider: ScanProvider, s: LoadedScanSettings): ScanSettingsView {
  const { webhookToken, ...rest } = s;
  return {
    ...rest,
    integrationId,
    provider,
    webhookPath: `/api/v1/hooks/${provider}/${integrationId}?token=${webhookToken}`,
  };
}

/** Allow and deny lists: deny wins; an empty allow list allows every project or space. */
export function unitAllowed(s: Pick<ScanSettingsInput, "allow" | "deny">, unitKey: string): boolean {
  const k = unitKey.toUpperCase();
  if (s.deny.includes(k)) return false;
  return s.allow.length === 0 || s.allow.includes(k);
}
