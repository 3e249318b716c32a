import { createHmac } from "node:crypto";

/** Lowercase hex HMAC-SHA256 over the exact body bytes, keyed with `${timestamp}_${token}` (contract §4). */
export function computeSignature(timestamp: string, token: string, body: string | Buffer): string {
  return createHmac("sha256", `${timestamp}_${token}`).update(body).digest("hex");
}

/**
 * The three headers a receiver verifies. The timestamp is this attempt's time, so every retry
 * and every redelivery carries a fresh signature over the same body and the same delivery id.
 */
export function signingHeaders(
  deliveryId: string,
  token: string,
  body: string,
  at: Date = new Date(),
): Record<string, string> {
  const timestamp = at.toISOString();
  return {
    "x-spectral-timestamp": timestamp,
    "x-spectral-signature": computeSignature(timestamp, token, body),
    "x-spectral-delivery": deliveryId,
  };
}

/** The receiver's side, as a receiver checks a signature; used by tests and the benchmark's receiver. */
export function verifySignature(signature: string, token: string, timestamp: string, body: string | Buffer): boolean {
  return signature === computeSignature(timestamp, token, body);
}
