// @ts-nocheck
// The "verify the signature" examples shown beside the webhooks' signing tokens. They live here,
// as plain strings, so a test can run the Node.js one against a real signed delivery: what we
// show receivers is what we prove works. Headers and key format: contract §4.

export const NODE_SNIPPET = `import crypto from "node:crypto";

// rawBody: the request body exactly as received (Buffer or string), before JSON.parse.
// headers: lower-case header names, as Node's http and Express give them.
export function verifySpectralSignature(headers, rawBody, token, toleranceMs = 5 * 60 * 1000) {
  const timestamp = headers["x-spectral-timestamp"];
  const signature = headers["x-spectral-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string") return false;
  // Refuse old messages, so a captured request cannot be replayed later.
  if (!(Math.abs(Date.now() - Date.parse(timestamp)) <= toleranceMs)) return false;
  const expected = crypto
    .createHmac("sha256", \`\${timestamp}_\${token}\`)
    .update(rawBody)
    .digest();
  const received = Buffer.from(signature, "hex");
  return received.length === expected.length && crypto.timingSafeEqual(received, expected);
}
`;

export const PYTHON_SNIPPET = `import hashlib
import hmac
from datetime import datetime, timezone

# raw_body: the request body exactly as received (bytes), before json.loads.
def verify_spectral_signature(
    headers, raw_body: bytes, token: str, tolerance_seconds: int = 300
) -> bool:
    timestamp = headers.get("x-spectral-timestamp")
    signature = headers.get("x-spectral-signature")
    if not timestamp or not signature:
        return False
    # Refuse old messages, so a captured request cannot be replayed later.
    sent = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    if abs((datetime.now(timezone.utc) - sent).total_seconds()) > tolerance_seconds:
        return False
    key = f"{timestamp}_{token}".encode()
    expected = hmac.new(key, raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
`;
