import { createHmac } from "node:crypto";

/**
 * The receiver's check, written here from the contract (§4) and not from lib/delivery/sign.ts, so
 * a product that signs wrongly cannot agree with itself: lowercase hex HMAC-SHA256 over the exact
 * body bytes, keyed with `${timestamp}_${token}`.
 */
export function contractSignature(timestamp: string, token: string, body: string | Buffer): string {
  const key = Buffer.from(`${timestamp}_${token}`, "utf8");
  return createHmac("sha256", key)
    .update(typeof body === "string" ? Buffer.from(body, "utf8") : body)
    .digest("hex");
}

/** True when the headers a receiver got carry the contract's signature of `body` with `token`. */
export function signedPerContract(
  headers: Record<string, string | string[] | undefined>,
  token: string,
  body: string | Buffer,
): boolean {
  const timestamp = headers["x-spectral-timestamp"];
  const signature = headers["x-spectral-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string") return false;
  return signature === contractSignature(timestamp, token, body);
}
