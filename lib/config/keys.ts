import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** `previousSecretsKeys`: keys secrets may still be encrypted with while a rotation is under way. */
export type Keys = { authSecret: string; secretsKey: Buffer; previousSecretsKeys: Buffer[] };

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data");
}

/**
 * AUTH_SECRET and SECRETS_KEY come from the environment. For the embedded default they are
 * generated once and kept in DATA_DIR; with DATABASE_URL several processes share one database,
 * so each must be given the same keys explicitly.
 */
export function loadKeys(): Keys {
  let authSecret = process.env.AUTH_SECRET;
  let secretsKey = process.env.SECRETS_KEY;
  if (!authSecret || !secretsKey) {
    if (process.env.DATABASE_URL) {
      const missing = [!authSecret && "AUTH_SECRET", !secretsKey && "SECRETS_KEY"].filter(Boolean).join(" and ");
      throw new Error(`${missing} must be set when DATABASE_URL is set (see README: Configuration)`);
    }
    const file = path.join(dataDir(), "keys.json");
    let stored: { authSecret?: string; secretsKey?: string } = {};
    if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8"));
    if (!stored.authSecret || !stored.secretsKey) {
      stored = {
        authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
        secretsKey: stored.secretsKey ?? randomBytes(32).toString("base64"),
      };
      mkdirSync(dataDir(), { recursive: true });
      writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
    authSecret ||= stored.authSecret;
    secretsKey ||= stored.secretsKey;
  }
  const key = Buffer.from(secretsKey!, "base64");
  if (key.length !== 32) throw new Error("SECRETS_KEY must be 32 bytes, base64-encoded");
  const previous = (process.env.SECRETS_KEY_PREVIOUS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => Buffer.from(k, "base64"));
  if (previous.some((k) => k.length !== 32))
    throw new Error("SECRETS_KEY_PREVIOUS must list 32-byte keys, base64-encoded, separated by commas");
  return { authSecret: authSecret!, secretsKey: key, previousSecretsKeys: previous };
}

let cached: Keys | undefined;
export function keys(): Keys {
  cached ??= loadKeys();
  return cached;
}

/** Read the keys from the environment again (tests that rotate them). */
export function reloadKeys(): Keys {
  cached = undefined;
  return keys();
}
