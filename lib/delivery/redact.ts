import { maskSecret } from "@/lib/crypto/secrets";

// Header names whose values are credentials. The signature is not one: it proves a body, and
// receivers debugging verification need to see it.
const SECRET_HEADER = /authorization|token|secret|api-?key|routing|cookie|password/i;

/** Request headers as the delivery log shows them: credentials masked. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) out[name] = isSecretHeader(name) ? maskSecret(headers[name]) || "••••" : headers[name];
  return out;
}

const secretHeaders = new Map<string, boolean>();
function isSecretHeader(name: string): boolean {
  let secret = secretHeaders.get(name);
  // Stryker disable next-line ConditionalExpression: a cache; missing it every time gives the same answer
  if (secret === undefined) {
    secret = SECRET_HEADER.test(name);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: only bounds the cache's size
    if (secretHeaders.size < 1000) secretHeaders.set(name, secret);
  }
  return secret;
}

const masked = new Map<string, string>();

/** A webhook URL is itself a secret (Slack's carries its key in the path): show only the origin. */
export function maskUrl(raw: string): string {
  let shown = masked.get(raw);
  // Stryker disable next-line ConditionalExpression: a cache; missing it every time gives the same answer
  if (shown === undefined) {
    try {
      const url = new URL(raw);
      shown = url.pathname === "/" && !url.search ? url.origin : `${url.origin}/••••`;
    } catch {
      shown = "••••";
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: only bounds the cache's size
    if (masked.size > 1000) masked.clear();
    masked.set(raw, shown);
  }
  return shown;
}
