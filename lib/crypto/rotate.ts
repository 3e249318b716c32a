import { eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { integrations, scanSettings } from "@/db/schema";
import { keys } from "@/lib/config/keys";
import { logger } from "@/lib/log";
import { encryptSecrets, openSecrets } from "./secrets";

/**
 * Finish a SECRETS_KEY rotation: every stored envelope still under a key of SECRETS_KEY_PREVIOUS
 * is encrypted again with SECRETS_KEY, in one transaction. Runs at every start; with no previous
 * keys it reads nothing. One that no key opens is left as it is (and named in the log by its
 * integration's id): it must not stop the product from starting. Answers how many it rewrote.
 */
export async function reencryptStaleSecrets(): Promise<number> {
  if (keys().previousSecretsKeys.length === 0) return 0;
  const rewritten = await db.transaction(async (tx) => {
    let count = 0;
    const integrationRows = await tx
      .select({ id: integrations.id, secrets: integrations.secrets })
      .from(integrations)
      .where(isNotNull(integrations.secrets));
    for (const row of integrationRows) {
      const values = staleValues(row.id, row.secrets!);
      if (!values) continue;
      await tx
        .update(integrations)
        .set({ secrets: encryptSecrets(values) })
        .where(eq(integrations.id, row.id));
      count++;
    }
    for (const row of await tx
      .select({ id: scanSettings.integrationId, secrets: scanSettings.secrets })
      .from(scanSettings)) {
      const values = staleValues(row.id, row.secrets);
      if (!values) continue;
      await tx
        .update(scanSettings)
        .set({ secrets: encryptSecrets(values) })
        .where(eq(scanSettings.integrationId, row.id));
      count++;
    }
    return count;
  });
  if (rewritten) logger().info({ rewritten }, "secrets: re-encrypted with the current SECRETS_KEY");
  return rewritten;
}

/** The values of an envelope under a previous key; undefined when it is current or unreadable. */
function staleValues(integrationId: string, envelope: string): Record<string, string> | undefined {
  try {
    const { values, stale } = openSecrets(envelope);
    return stale ? values : undefined;
  } catch {
    logger().warn({ integrationId }, "secrets: no key opens this integration's secrets; left as they are");
    return undefined;
  }
}
