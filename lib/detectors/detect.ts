import { createHash } from "node:crypto";
import { DETECTORS, type Detector } from "./catalogue";
import { ownRuleMatches } from "./own-rules";
import { secretlintMatches } from "./secretlint";
import type { RawMatch } from "./types";

export type Detection = { detector: Detector; secret: string; start: number; end: number };

// Documentation values people paste while explaining a setup: reporting them trains people to
// ignore the findings. secretlint already skips AWS's own EXAMPLE keys.
const PLACEHOLDER = /(?:example|your[-_]?(?:token|key|secret|password)|placeholder|changeme|dummy|x{6,}|<[^>]*>|\$\{[^}]*\})/i;

/**
 * Every secret in a text: secretlint's recommended rules first, then our own rules for what it
 * lacks. A match inside another match (the password inside a connection string) is dropped.
 */
export async function detectSecrets(text: string): Promise<Detection[]> {
  if (!text.trim()) return [];
  const raw: RawMatch[] = [...(await secretlintMatches(text)), ...ownRuleMatches(text)];
  const found = raw
    .filter((m) => !PLACEHOLDER.test(m.secret))
    .map((m) => ({ detector: DETECTORS[m.detector], secret: m.secret, start: m.start, end: m.start + m.secret.length }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Detection[] = [];
  for (const f of found) {
    const outer = kept.find((k) => k.start <= f.start && f.end <= k.end);
    if (!outer) kept.push(f);
  }
  return kept;
}

/** The secret with its middle masked: enough of both ends to recognise it, never enough to use it. */
export function maskSecret(secret: string): string {
  const keep = Math.min(4, Math.floor(secret.length / 5));
  const hidden = Math.min(secret.length - 2 * keep, 24);
  return `${secret.slice(0, keep)}${"*".repeat(Math.max(hidden, 4))}${keep ? secret.slice(-keep) : ""}`;
}

const EXCERPT_SIDE = 60;

/**
 * The stored content of a finding: the secret's line (trimmed to a window around it) with the
 * secret masked, and any other secret in that window masked too.
 */
export function findingExcerpt(text: string, detection: Detection, all: Detection[] = [detection]): string {
  const lineStart = text.lastIndexOf("\n", detection.start - 1) + 1;
  const lineEndAt = text.indexOf("\n", detection.end);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const from = Math.max(lineStart, detection.start - EXCERPT_SIDE);
  const to = Math.min(lineEnd, detection.end + EXCERPT_SIDE);
  let out = "";
  let at = from;
  for (const d of all.filter((x) => x.end > from && x.start < to).sort((a, b) => a.start - b.start)) {
    if (d.start < at) continue;
    out += text.slice(at, d.start) + maskSecret(d.secret);
    at = d.end;
  }
  if (at < to) out += text.slice(at, to);
  return `${from > lineStart ? "…" : ""}${out.trim()}${to < lineEnd ? "…" : ""}`;
}

/**
 * An identity that survives edits of the text around the secret: detector + secret + the container
 * it lives in (a ticket, a comment, a page). Hashed, so the secret never sits in the identity.
 */
export function secretFingerprint(detectorId: string, secret: string, container: string): string {
  return createHash("sha256").update(`${detectorId}\0${secret}\0${container}`).digest("base64url");
}
