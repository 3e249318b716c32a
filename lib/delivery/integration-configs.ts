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

export type LoadedIntegration = IntegrationConfig & { disabledReason: string | null };

/** The integrations of a batch, with secrets decrypted, in one query. Missing ids were deleted. */
export async function loadIntegrations(ids: string[], executor: Executor = db): Promise<Map<string, LoadedIntegration>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, LoadedIntegration>();
  if (unique.length === 0) return found;
  const rowsFound = await executor.select().from(integrations).where(inArray(integrations.id, unique));
  for (const row of rowsFound) {
    found.set(row.id, {
      id: row.id,
      provider: row.provider as ProviderId,
      teamId: row.teamId,
      enabled: row.enabled,
      minSeverity: row.minSeverity as Severity,
      settings: row.settings,
      secrets: secretsOf(row.secrets),
      disabledReason: row.disabledReason,
    });
  }
  return found;
}
