/**
 * Checksums and structure checks that token formats carry. A random string that happens to look
 * like a token fails them, which is what keeps these rules quiet without any context.
 */
// @ts-nocheck


const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (IEEE, as zlib) of an ASCII string. */
export function crc32(text: string): number {
  let crc = -1;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function base62(value: number, width: number): string {
  let out = "";
  let n = value;
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, "0");
}

/**
 * GitHub's token format (ghp_, gho_, ghu_, ghs_, ghr_) and npm's (npm_): 30 random base62
 * characters, then the CRC-32 of those 30 as 6 base62 digits.
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 * https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
 */
export function hasBase62Crc(token: string): boolean {
  const body = token.slice(token.indexOf("_") + 1);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/** Bech32 (BIP-173) checksum, as age secret keys (`AGE-SECRET-KEY-1…`) carry it. */
export function hasBech32Checksum(text: string): boolean {
  const lower = text.toLowerCase();
  const sep = lower.lastIndexOf("1");
  if (sep < 1 || lower.length - sep < 7) return false;
  const values: number[] = [];
  for (const ch of lower.slice(sep + 1)) {
    const v = BECH32.indexOf(ch);
    if (v < 0) return false;
    values.push(v);
  }
  const hrp = lower.slice(0, sep);
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  return bech32Polymod([...expanded, ...values]) === 1;
}

function bech32Polymod(values: number[]): number {
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ GEN[i]) >>> 0;
  }
  return chk;
}

/** The bech32 checksum over `hrp` + data, for generating test keys the way age does. */
export function bech32Checksum(hrp: string, data: number[]): number[] {
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = bech32Polymod([...expanded, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  return Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
}

export const BECH32_CHARSET = BECH32;

/** Base64 or base64url text decoded as a JSON object, or undefined. */
export function base64Json(text: string): Record<string, unknown> | undefined {
  const json = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  // Most random text fails here, before JSON.parse throws (throwing is what costs).
  if (json[0] !== "{" || json.at(-1) !== "}") return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const counts = new Uint32Array(65536);

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  if (!text) return 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i)]++;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const n = counts[c];
    if (n === 0) continue;
    const p = n / text.length;
    bits -= p * Math.log2(p);
    counts[c] = 0;
  }
  return bits;
}
