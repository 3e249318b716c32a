// @ts-nocheck
import { base64Json } from "./checksums";

/**
 * Structure checks for formats without a checksum: what a random string shaped like the token
 * fails. Each takes the secret as the rule matched it.
 */

/** A JWT with a JSON header naming a real algorithm and a JSON payload: `alg: none` tokens carry no secret. */
export function isSignedJwt(token: string): boolean {
  const [header, payload] = token.split(".");
  const alg = base64Json(header)?.alg;
  return typeof alg === "string" && alg.toLowerCase() !== "none" && base64Json(payload) !== undefined;
}

/** The JSON object that follows a token's prefix (`ops_eyJ…`, `glc_eyJ…`, `sntrys_eyJ…_…`). */
export function jsonAfter(prefix: string, until?: string): (token: string) => boolean {
  return (token) => {
    const body = token.slice(prefix.length);
    const end = until ? body.lastIndexOf(until) : -1;
    return base64Json(end > 0 ? body.slice(0, end) : body) !== undefined;
  };
}

/** A Discord bot token's first part is the bot's user id (a snowflake: 17–20 digits) in base64. */
export function isDiscordToken(token: string): boolean {
  const id = Buffer.from(token.split(".")[0], "base64").toString("latin1");
  return /^[0-9]{17,20}$/.test(id);
}

/**
 * A PyPI token is `pypi-` + a base64url macaroon (v2 binary format): version 2, a location field,
 * an identifier field, an end of section, caveats, and a 32-byte signature that ends it.
 * https://docs.pypi.org/api/upload/ (tokens) and libmacaroons' v2 format.
 */
export function isPypiMacaroon(token: string): boolean {
  const bytes = Buffer.from(token.slice("pypi-".length), "base64url");
  let at = 1;
  if (bytes[0] !== 2) return false;
  const field = (): { type: number; length: number } | null => {
    if (at >= bytes.length) return null;
    const type = bytes[at++];
    if (type === 0) return { type: 0, length: 0 };
    let length = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (at >= bytes.length) return null;
      const b = bytes[at++];
      length |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    at += length;
    return at <= bytes.length ? { type, length } : null;
  };
  let sawIdentifier = false;
  for (let section = 0; section < 64; section++) {
    for (let f = field(); ; f = field()) {
      if (!f) return false;
      if (f.type === 0) break;
      if (f.type === 2) sawIdentifier = true;
      if (f.type === 6) return sawIdentifier && f.length === 32 && at === bytes.length;
    }
  }
  return false;
}

const DER_SEQUENCE = 0x30;

/**
 * A PEM body that decodes to what its header says: DER (a SEQUENCE) for RSA, EC, DSA, PKCS#8 and
 * encrypted keys, `openssh-key-v1` for OpenSSH, an OpenPGP packet for PGP blocks.
 */
export function isPemBody(kind: string, body: string): boolean {
  const clean = body.replace(/\\[rn]|\s/g, "");
  if (clean.length < 60) return false;
  const head = Buffer.from(clean.slice(0, 64), "base64");
  if (kind.startsWith("OPENSSH")) return head.subarray(0, 15).toString("latin1") === "openssh-key-v1\0";
  if (kind.startsWith("PGP")) return (head[0] & 0x80) !== 0;
  return head[0] === DER_SEQUENCE;
}

/** At least one letter and one digit: what keeps identifiers (`user_password_field`) out of generic rules. */
export function hasLetterAndDigit(value: string): boolean {
  return /[A-Za-z]/.test(value) && /[0-9]/.test(value);
}
