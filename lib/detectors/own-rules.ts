import type { DetectorKey } from "./catalogue";
import type { RawMatch } from "./types";

/**
 * Detectors secretlint's recommended preset lacks. A pattern's `secret` group (when present) is the
 * secret; otherwise the whole match is. Other named groups only feed `accept`. Patterns are linear (no nested quantifiers over the same
 * characters), so a hostile ticket cannot make them backtrack for long.
 */
type OwnRule = { detector: DetectorKey; pattern: RegExp; accept?: (secret: string, match: RegExpMatchArray) => boolean };

const TAIL = "(?![A-Za-z0-9_-])";

const OWN_RULES: OwnRule[] = [
  // config/initializers/secret_token.rb (`secret_token = '…'`) and secrets.yml (`secret_key_base: …`).
  { detector: "railsSecretToken", pattern: /\b(?:secret_token|secret_key_base)["']?\s*(?:=>|=|:)\s*["']?(?<secret>[0-9a-f]{30,256})\b/gi },
  // Only live keys: sk_test_ keys cannot move money and are pasted into tickets on purpose.
  { detector: "stripeLiveKey", pattern: new RegExp(`\\b(?:sk|rk)_live_[0-9a-zA-Z]{24,99}${TAIL}`, "g") },
  { detector: "googleApiKey", pattern: new RegExp(`\\bAIza[0-9A-Za-z_-]{35}${TAIL}`, "g") },
  { detector: "azureStorageKey", pattern: /\bAccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/g },
  { detector: "jwt", pattern: new RegExp(`\\beyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,8000}\\.[A-Za-z0-9_-]{16,1000}${TAIL}`, "g"), accept: isSignedJwt },
  // Schemes the preset's connection-string rule does not cover (it has PostgreSQL, MySQL, MongoDB).
  { detector: "dbConnection", pattern: /\b(?:rediss?|amqps?|mssql|sqlserver|mariadb|cockroachdb):\/\/[^:/\s@]{0,100}:(?<password>[^@/\s]{4,200})@[\w.-]{1,253}/gi, accept: (_s, m) => !/^[$%{<*]|^(?:password|pass|secret|changeme)$/i.test(m.groups?.password ?? "") },
];

/** A JWT whose header is JSON with a real algorithm: `alg: none` tokens carry no signature secret. */
function isSignedJwt(token: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8")) as { alg?: unknown };
    return typeof header.alg === "string" && header.alg.toLowerCase() !== "none";
  } catch {
    return false;
  }
}

export function ownRuleMatches(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const rule of OWN_RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const secret = m.groups?.secret ?? m[0];
      if (rule.accept && !rule.accept(secret, m)) continue;
      const start = (m.index ?? 0) + m[0].indexOf(secret);
      out.push({ detector: rule.detector, secret, start });
    }
  }
  return out;
}
