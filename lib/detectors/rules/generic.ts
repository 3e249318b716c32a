import type { Rule } from "../rule";
import { hasLetterAndDigit } from "../verify";

// A value that is code, a path, a URL or a key the vendor publishes, not a secret.
const NOT_A_SECRET = /:\/\/|^[./~]|\\|[A-Za-z_]\(|^(?:sk|pk|rk)_test_|^pk_live_|^(?:true|false|null|none|undefined)$/i;
const VALUE = `(?<secret>[^\\s"'\`,;<>]{8,200})(?![^\\s"'\`,;<>])`;
// The rest of the name, then the assignment (rule.ts's ASSIGNMENT, with the name captured).
const NAMED = `(?<name>[A-Za-z0-9_.-]{0,40})["']?[ \\t]{0,5}(?::=|=>|=|:)[ \\t]{0,5}["'\`]?`;
// Names that hold something about a secret, not the secret: `private_key_id`, `token_url`, `password_min_length`.
const ABOUT = /(?:id|name|type|url|uri|file|path|length|len|hint|field|label|format|version|expiry|expires|ttl)$/i;

/**
 * `password = "…"`, `API_KEY: …`, `"client_secret": "…"` in .env, YAML, JSON and code. Context
 * and entropy together keep them quiet: a password needs 8 characters with letters and digits,
 * a key or token 16 and more entropy. Lowest rank: any specific rule on the same value wins.
 */
export function genericRules(tokenPrefixes: string[]): Rule[] {
  // A value shaped like a vendor's token is that vendor rule's to judge: one that fails its
  // checksum is a fake, not a generic secret.
  const vendorShaped = (value: string) => tokenPrefixes.some((p) => value.startsWith(p));
  const secretLike = (minLength: number) => (secret: string, m: RegExpExecArray) =>
    secret.length >= minLength &&
    hasLetterAndDigit(secret) &&
    !NOT_A_SECRET.test(secret) &&
    !vendorShaped(secret) &&
    !ABOUT.test(m.groups?.name ?? "");
  return [
    {
      detector: "genericSecret",
      keywords: ["password", "passwd", "pwd"],
      pattern: new RegExp(`(?:password|passwd|pwd)${NAMED}${VALUE}`, "i"),
      rank: 3,
      entropy: 2.8,
      verify: secretLike(8),
    },
    {
      detector: "genericSecret",
      keywords: [
        "secret",
        "token",
        "api_key",
        "apikey",
        "api-key",
        "access_key",
        "accesskey",
        "private_key",
        "auth_key",
        "credential",
      ],
      pattern: new RegExp(
        `(?:secret|token|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?key|credential)${NAMED}${VALUE}`,
        "i",
      ),
      rank: 3,
      entropy: 3.3,
      verify: secretLike(16),
    },
  ];
}
