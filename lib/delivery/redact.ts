import { maskSecret } from "@/lib/crypto/secrets";

// Header names whose values are credentials. The signature is not one: it proves a body, and
// receivers debugging verification need to see it.
const SECRET_HEADER = /authorization|token|secret|api-?key|routing|cookie|password/i;

/** Request headers as the delivery log shows them: credentials masked. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SECRET_HEADER.test(name) ? maskSecret(value) || "••••" : value;
  return out;
}

/** A webhook URL is itself a secret (Slack's carries its key in the path): show only the origin. */
export function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return url.pathname === "/" && !url.search ? url.origin : `${url.origin}/••••`;
  } catch {
    return "••••";
  }
}
