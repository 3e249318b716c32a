// @ts-nocheck
import type { Found } from "./engine";

/**
 * The secret with its middle masked: at most 4 characters of each end (fewer for short secrets),
 * never enough to use it. The stars never run shorter than 3, so a masked value is recognised as
 * one (placeholders.ts) and masking a masked text changes nothing.
 */
export function maskSecret(secret: string): string {
  const keep = Math.min(4, Math.floor(secret.length / 5));
  const hidden = Math.max(4, Math.min(secret.length - 2 * keep, 24));
  return `${secret.slice(0, keep)}${"*".repeat(hidden)}${keep ? secret.slice(-keep) : ""}`;
}

/** `text[from, to)` with every secret in `found` (sorted, disjoint) replaced by its mask. */
export function maskSpans(text: string, found: Found[], from = 0, to = text.length): string {
  let out = "";
  let at = from;
  for (const f of found) {
    if (f.end <= from || f.start >= to) continue;
    out += text.slice(at, f.start) + maskSecret(f.secret);
    at = f.end;
  }
  return out + text.slice(at, to);
}

const EXCERPT_SIDE = 60;

/**
 * The stored content of a finding: the lines of its match, trimmed to 60 characters on each side
 * of it, with every secret in that window masked. The window widens rather than cut through a
 * secret, so no part of one is ever kept beyond its masked ends.
 */
export function excerpt(text: string, target: Found, all: Found[]): string {
  const lineStart = text.lastIndexOf("\n", target.matchStart - 1) + 1;
  const lineEndAt = text.indexOf("\n", target.matchEnd);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  let from = Math.max(lineStart, target.matchStart - EXCERPT_SIDE);
  let to = Math.min(lineEnd, target.matchEnd + EXCERPT_SIDE);
  for (const f of all) {
    if (f.start < from && f.end > from) from = f.start;
    if (f.start < to && f.end > to) to = f.end;
  }
  const body = maskSpans(text, all, from, to).trim();
  return `${from > lineStart ? "…" : ""}${body}${to < lineEnd ? "…" : ""}`;
}
