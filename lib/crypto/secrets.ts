import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { keys } from "@/lib/config/keys";

const VERSION = "v1";

/** AES-256-GCM under SECRETS_KEY. Output: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecrets(values: Record<string, string>, key: Buffer = keys().secretsKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecrets(envelope: string | null | undefined, key: Buffer = keys().secretsKey): Record<string, string> {
  if (!envelope) return {};
  const [version, iv, tag, data] = envelope.split(".");
  if (version !== VERSION || !iv || !tag || !data) throw new Error("Unreadable secrets envelope");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
  return JSON.parse(plain.toString("utf8"));
}

export { MASK, isMasked, maskSecret } from "./mask";
