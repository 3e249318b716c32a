import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { keys } from "@/lib/config/keys";

const VERSION = "v1";

/** AES-256-GCM under SECRETS_KEY. Output: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecrets(values: Record<string, string>, key: Buffer = keys().secretsKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    data.toString("base64url"),
  ].join(".");
}

function open(envelope: string, key: Buffer): Record<string, string> {
  const [version, iv, tag, data] = envelope.split(".");
  if (version !== VERSION || !iv || !tag || !data) throw new Error("Unreadable secrets envelope");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
  return JSON.parse(plain.toString("utf8"));
}

/**
 * The secrets of an envelope, and whether they were encrypted with a previous key (so they should
 * be encrypted again with the current one). GCM's tag tells a wrong key from the right one.
 */
export function openSecrets(envelope: string): { values: Record<string, string>; stale: boolean } {
  const { secretsKey, previousSecretsKeys } = keys();
  for (const [i, key] of [secretsKey, ...previousSecretsKeys].entries()) {
    try {
      return { values: open(envelope, key), stale: i > 0 };
    } catch (error) {
      if (error instanceof Error && error.message === "Unreadable secrets envelope") throw error;
    }
  }
  throw new Error("The secrets cannot be decrypted with SECRETS_KEY or SECRETS_KEY_PREVIOUS");
}

/** With the current SECRETS_KEY, or during a rotation any key of SECRETS_KEY_PREVIOUS. */
export function decryptSecrets(envelope: string | null | undefined, key?: Buffer): Record<string, string> {
  if (!envelope) return {};
  return key ? open(envelope, key) : openSecrets(envelope).values;
}

export { MASK, isMasked, maskSecret } from "./mask";
