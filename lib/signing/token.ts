/**
 * A webhook's signing token: 32 random bytes, URL-safe (contract §4). Made by us, never typed in.
 * Web Crypto, so the providers that make one stay client-safe.
 */
export function generateSigningToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Buffer.from(bytes).toString("base64url");
}
