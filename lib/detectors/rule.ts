import type { DetectorKey } from "./catalogue";

/**
 * One way to recognise one kind of secret.
 *
 * - `keywords`: literal anchors (ASCII, matched case-insensitively by one Aho-Corasick pass over the
 *   text). The pattern only ever runs where one of them occurs.
 * - `pattern`: where it runs. Without `window`, it is tried exactly at each keyword hit (sticky),
 *   so every pattern must begin with its keyword. With `window`, it runs over the text from `before`
 *   characters ahead of the hit to `after` characters past it (overlapping windows merged), for
 *   formats whose fixed part sits inside the token (`123456:AA…`, `…-us21`).
 * - The secret is the `secret` named group when the pattern has one, else the whole match. The match
 *   is the context kept around it in excerpts.
 * - `verify`: a checksum or structure check on the secret; `entropy`: the least Shannon entropy
 *   (bits per character) a secret must have. Rules without a checksum get placeholder filtering.
 * - `rank`: which of two overlapping findings wins (lower first): 0 for a container that holds
 *   another format (a service-account JSON holds a PEM key), 1 for token formats, 2 for rules by
 *   context, 3 for generic assignments.
 *
 * Linear by construction: every quantifier is bounded or stops at a character its neighbour cannot
 * take, and token patterns start with a lookbehind that fails inside a longer run, so a hostile text
 * never makes one pattern rescan the same characters at each keyword (`rules.test.ts` proves it).
 */
export type Rule = {
  detector: DetectorKey;
  keywords: string[];
  pattern: RegExp;
  window?: { before: number; after: number };
  verify?: (secret: string, match: RegExpExecArray) => boolean;
  /** The format carries a checksum or a fixed structure: skip the word-based placeholder filter. */
  checked?: boolean;
  entropy?: number;
  rank?: number;
};

/** Left edge of a token: not inside a longer run of token characters. */
export const START = "(?<![A-Za-z0-9_-])";
/** Right edge of a token. */
export const END = "(?![A-Za-z0-9_-])";

/**
 * A token whose prefix is its keyword: `prefix` + `body` (a regex source), with token edges. The
 * whole token is the secret.
 */
export function token(detector: DetectorKey, prefixes: string[], body: string, extra: Partial<Rule> = {}): Rule {
  const alternatives = prefixes.map(escapeRegex).join("|");
  return { detector, keywords: prefixes, pattern: new RegExp(`${START}(?:${alternatives})${body}${END}`), ...extra };
}

/**
 * A value assigned to a key-like name within `after` characters of a vendor's name: `HEROKU_API_KEY=…`,
 * or `datadog:` with `api_key: …` on a following line. For formats with no prefix of their own.
 */
export function nearVendor(detector: DetectorKey, vendors: string[], value: string, extra: Partial<Rule> = {}): Rule {
  return {
    detector,
    keywords: vendors,
    window: { before: 0, after: 200 },
    pattern: new RegExp(
      `(?:key|token|secret|password|pass|pwd|auth|credential)${ASSIGNMENT}(?<secret>${value})(?![A-Za-z0-9_+/=-])`,
      "i",
    ),
    rank: 2,
    entropy: 3,
    ...extra,
  };
}

/**
 * A value assigned to a name that names its vendor: `<keyword><name chars> = "<value>"` in .env,
 * YAML, JSON, shell and most languages. `value` is the secret's regex source.
 */
export function assigned(detector: DetectorKey, keywords: string[], value: string, extra: Partial<Rule> = {}): Rule {
  const names = keywords.map(escapeRegex).join("|");
  return {
    detector,
    keywords,
    pattern: new RegExp(`(?:${names})${ASSIGNMENT}(?<secret>${value})(?![A-Za-z0-9_+/=-])`, "i"),
    rank: 2,
    ...extra,
  };
}

/** The rest of a variable or key name, optional quotes, an assignment operator, optional quotes. */
export const ASSIGNMENT = `[A-Za-z0-9_.-]{0,40}["']?[ \\t]{0,5}(?::=|=>|=|:)[ \\t]{0,5}["'\`]?`;

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
