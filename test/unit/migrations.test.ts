import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.resolve(import.meta.dirname, "../../db/migrations");

/**
 * Migrations that have shipped, with the start of their SQL's sha256. A database made by a release
 * has applied them; rewriting one makes the next start fail on such a database (or silently skip a
 * change). A schema change goes in a new migration (`npm run db:generate`), then joins this list.
 */
const RELEASED = {
  "0000_init": "ff2148da2f929a9e",
  "0001_ingest_completed_waits": "35bcf87848e43adf",
  "0002_shared_rate_limits": "f2b2dfa78a3a849b",
  "0003_delivery_order_followers": "ec6e3406f501659c",
  "0004_content_masking": "3a07a288ac7bdd06",
  "0005_sign_in_attempts": "a5a4c848fa95b511",
  "0006_scan_skipped": "edaad1c83f72e84b",
  "0007_idempotency_keys": "323ca3aed822c5f5",
  "0008_delivery_body_secrets": "f54622843f359379",
  "0009_ticket_sync": "b35f99087bee482f",
  "0010_integration_tests": "4cb575023c05857f",
  "0011_open_alerts": "b32307a2845ee966",
};

describe("released migrations", () => {
  it("are never rewritten, and stay first in the journal in their order", () => {
    const journal = JSON.parse(readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as {
      entries: { tag: string; when: number }[];
    };
    const tags = journal.entries.map((e) => e.tag);
    expect(tags.slice(0, Object.keys(RELEASED).length)).toEqual(Object.keys(RELEASED));
    for (const [tag, hash] of Object.entries(RELEASED)) {
      const sql = readFileSync(path.join(dir, `${tag}.sql`));
      expect(createHash("sha256").update(sql).digest("hex").slice(0, 16), tag).toBe(hash);
    }
    // drizzle applies what is newer than the last applied migration: later ones must come later.
    const when = journal.entries.map((e) => e.when);
    expect([...when].sort((a, b) => a - b)).toEqual(when);
  });
});
