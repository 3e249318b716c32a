import { inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { integrations } from "@/db/schema";
import { decryptSecrets } from "@/lib/crypto/secrets";
import type { IntegrationConfig, ProviderId, Severity } from "@/lib/integrations/types";

// Decrypting is the costly part and the envelope changes whenever the secrets do, so the
// envelope itself is the cache key: a stale entry can never be used.
const decrypted = new Map<string, Record<string, string>>();

function secretsOf(envelope: string | null): Record<string, string> {
  if (!envelope) return {};
  let found = decrypted.get(envelope);
  if (!found) {
    found = decryptSecrets(envelope);
    if (decrypted.size > 1000) decrypted.clear();
    decrypted.set(envelope, found);
  }
  return found;
}

/**
 * `secretsError`: its secrets could not be decrypted (SECRETS_KEY changed without
 * SECRETS_KEY_PREVIOUS, a damaged row). Its deliveries fail with that reason; the rest of the
 * batch goes on, so one damaged row never holds up the other integrations.
 */
export type LoadedIntegration = IntegrationConfig & { disabledReason: string | null; secretsError?: string };

export const UNREADABLE_SECRETS =
  "Not sent: the integration's secrets cannot be decrypted with SECRETS_KEY (or SECRETS_KEY_PREVIOUS); save its secrets again";

/**
 * How long a worker trusts an integration it read: a change of settings, or a disable, reaches
 * deliveries within this long. Saves a query per delivery when they come one at a time.
 */
const FRESH_MS = 1000;
const recent = new Map<string, { at: number; integration: LoadedIntegration | undefined }>();

/** The integrations of a batch, with secrets decrypted, in at most one query. Missing ids were deleted. */
export async function loadIntegrations(
  ids: string[],
  executor: Executor = db,
): Promise<Map<string, LoadedIntegration | undefined>> {
  const now = Date.now();
  const found = new Map<string, LoadedIntegration | undefined>();
  const wanted: string[] = [];
  for (const id of new Set(ids)) {
    const hit = recent.get(id);
    if (hit && now - hit.at < FRESH_MS) found.set(id, hit.integration);
    else wanted.push(id);
  }
  if (wanted.length === 0) return found;
  for (const id of wanted) found.set(id, undefined);
  const rowsFound = await executor.select().from(integrations).where(inArray(integrations.id, wanted));
  for (const row of rowsFound) {
    let secrets: Record<string, string> = {};
    let secretsError: string | undefined;
    try {
      secrets = secretsOf(row.secrets);
    } catch {
      secretsError = UNREADABLE_SECRETS;
    }
    found.set(row.id, {
      id: row.id,
      provider: row.provider as ProviderId,
      teamId: row.teamId,
      enabled: row.enabled,
      minSeverity: row.minSeverity as Severity,
      settings: row.settings,
      secrets,
      disabledReason: row.disabledReason,
      ...(secretsError ? { secretsError } : {}),
    });
  }
  if (recent.size > 1000) recent.clear();
  for (const id of wanted) recent.set(id, { at: now, integration: found.get(id) });
  return found;
}

/** Forget what this process read, so the next batch reads afresh (after a change made here). */
export function forgetIntegration(id: string): void {
  recent.delete(id);
}
