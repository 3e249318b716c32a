import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { integrations, scanSettings } from "@/db/schema";
import { reloadKeys } from "@/lib/config/keys";
import { reencryptStaleSecrets } from "@/lib/crypto/rotate";
import { decryptSecrets, encryptSecrets } from "@/lib/crypto/secrets";
import { getIntegration, saveIntegration } from "@/lib/integrations/service";
import { loadScanSettings } from "@/lib/scanning/settings";
import { setupAdmin, type Actor } from "@/test/support/api";
import { capturedLogs } from "@/test/support/logs";

const original = { key: process.env.SECRETS_KEY, previous: process.env.SECRETS_KEY_PREVIOUS };
const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
let admin: Actor;

function useKeys(current: string, previous?: string[]) {
  process.env.SECRETS_KEY = current;
  if (previous) process.env.SECRETS_KEY_PREVIOUS = previous.join(",");
  else delete process.env.SECRETS_KEY_PREVIOUS;
  reloadKeys();
}

beforeAll(async () => {
  admin = await setupAdmin();
  useKeys(oldKey);
});
afterAll(() => {
  process.env.SECRETS_KEY = original.key;
  if (original.previous === undefined) delete process.env.SECRETS_KEY_PREVIOUS;
  else process.env.SECRETS_KEY_PREVIOUS = original.previous;
  reloadKeys();
});

describe("rotating SECRETS_KEY", () => {
  it("reads secrets under the previous key, re-encrypts them all at start, then needs only the new key", async () => {
    const saved = await saveIntegration(admin.principal, "jira", null, {
      domainUrl: "https://acme.atlassian.net",
      email: "a@acme.test",
      apiToken: "jira-token-under-old-key",
    });
    const { webhookToken } = await loadScanSettings(saved.id!);
    // A row no key opens (a key that was lost) must not stop the rotation or the start.
    const [lost] = await db
      .insert(integrations)
      .values({ provider: "pagerduty", secrets: encryptSecrets({ routingKey: "x".repeat(32) }, randomBytes(32)) })
      .returning();

    useKeys(newKey, [oldKey]);
    expect((await getIntegration(admin.principal, "jira", null)).settings.apiToken).toBe("••••-key");
    const { result, text } = await capturedLogs(() => reencryptStaleSecrets());
    expect(result).toBe(2);
    expect(text).toContain(lost.id);
    expect(text).not.toContain("jira-token-under-old-key");

    const [row] = await db.select().from(integrations).where(eq(integrations.id, saved.id!));
    expect(decryptSecrets(row.secrets, Buffer.from(newKey, "base64"))).toEqual({
      apiToken: "jira-token-under-old-key",
    });
    const [scan] = await db.select().from(scanSettings).where(eq(scanSettings.integrationId, saved.id!));
    expect(decryptSecrets(scan.secrets, Buffer.from(newKey, "base64"))).toEqual({ webhookToken });
    expect(await reencryptStaleSecrets()).toBe(0);

    // The old key can go.
    useKeys(newKey);
    expect((await loadScanSettings(saved.id!)).webhookToken).toBe(webhookToken);
    expect(() => decryptSecrets(row.secrets, Buffer.from(oldKey, "base64"))).toThrow();
  });
});
