import { createHash } from "node:crypto";
import { PUBLISHED_EXAMPLES } from "./placeholders";
import { RULES } from "./rules";

// Raise when a verify function, the placeholder filter or the mask's format changes: patterns,
// keywords and the examples list are hashed below, code is not.
const REVISION = 1;

/**
 * A name for what the engine recognises. Stored contents masked under an older one are masked
 * again (lib/issues/masking.ts), so a rule added later also covers what was stored before it.
 */
export const RULESET_VERSION = createHash("sha256")
  .update(
    JSON.stringify({
      REVISION,
      rules: RULES.map((r) => [
        r.detector,
        r.keywords,
        r.pattern.source,
        r.pattern.flags,
        r.window ?? null,
        r.entropy ?? null,
        r.rank ?? 1,
        Boolean(r.checked),
      ]),
      examples: PUBLISHED_EXAMPLES.map((e) => e.value),
    }),
  )
  .digest("hex")
  .slice(0, 16);
