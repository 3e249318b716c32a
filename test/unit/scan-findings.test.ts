import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DetectorKey } from "@/lib/detectors/catalogue";
import type { Found } from "@/lib/detectors/engine";
import { excerpt, maskSecret, maskSpans } from "@/lib/detectors/mask";
import { scanParts, TextNotScanned } from "@/lib/scanning/findings";
import { crcToken, Gen } from "@/test/corpus/gen";

/** The spot of `secret` (its first occurrence after `after`) in `text`, as the engine reports one. */
function spot(text: string, secret: string, after = 0): Found {
  const start = text.indexOf(secret, after);
  if (start < 0) throw new Error(`${secret} is not in the text`);
  const end = start + secret.length;
  return { detector: "githubPat" as DetectorKey, secret, start, end, matchStart: start, matchEnd: end, rank: 0 };
}
const g = new Gen(18);
const [A, B, C] = [crcToken(g, "ghp_"), crcToken(g, "ghp_"), crcToken(g, "ghp_")];
const m = maskSecret;

describe("a finding's stored excerpt", () => {
  it("is the secret's own line, masked, when the line is short", () => {
    const text = `first line\n  token = ${A} # CI\nlast line`;
    expect(excerpt(text, spot(text, A), [spot(text, A)])).toBe(`token = ${m(A)} # CI`);
  });

  it("is the line up to the end of the text when the secret is on the last line", () => {
    const text = `first line\ntoken = ${A}`;
    expect(excerpt(text, spot(text, A), [spot(text, A)])).toBe(`token = ${m(A)}`);
    expect(excerpt(A, spot(A, A), [spot(A, A)])).toBe(m(A));
  });

  it("keeps 60 characters on each side of a secret in a long line, marking what it cut", () => {
    const before = "b".repeat(100);
    const after = "a".repeat(100);
    const text = `line\n${before}${A}${after}\nline`;
    expect(excerpt(text, spot(text, A), [spot(text, A)])).toBe(`…${"b".repeat(60)}${m(A)}${"a".repeat(60)}…`);
    const exact = `${"b".repeat(60)}${A}${"a".repeat(60)}`;
    expect(excerpt(exact, spot(exact, A), [spot(exact, A)])).toBe(`${"b".repeat(60)}${m(A)}${"a".repeat(60)}`);
  });

  it("widens to mask the whole of a neighbouring secret its window would cut", () => {
    const gap = "x".repeat(50);
    const text = `${B}${gap}${A}${gap}${C}`;
    const all = [spot(text, B), spot(text, A), spot(text, C)];
    expect(excerpt(text, all[1], all)).toBe(`${m(B)}${gap}${m(A)}${gap}${m(C)}`);
  });

  it("does not reach out for a neighbour that ends where the window starts or starts where it ends", () => {
    const gap = "x".repeat(60);
    const text = `${B}${gap}${A}${gap}${C}`;
    const all = [spot(text, B), spot(text, A), spot(text, C)];
    expect(excerpt(text, all[1], all)).toBe(`…${gap}${m(A)}${gap}…`);
  });

  it("masks only the secrets inside the part of the text it is asked for", () => {
    const text = `${B}-${A}-${C}`;
    const all = [spot(text, B), spot(text, A), spot(text, C)];
    const from = B.length;
    const to = text.length - C.length;
    expect(maskSpans(text, all, from, to)).toBe(`-${m(A)}-`);
    expect(maskSpans(text, all)).toBe(`${m(B)}-${m(A)}-${m(C)}`);
  });
});

describe("a ticket's or page's parts scanned for secrets", () => {
  it("become ingest findings with the detector, the masked excerpt and a fingerprint of secret and place", async () => {
    const parts = [
      { path: "SEC-1/description", text: `deploy with ${A} please`, uri: "https://jira.example.com/browse/SEC-1" },
      { path: "SEC-1/comment/1", text: "nothing to see", uri: "https://jira.example.com/browse/SEC-1?c=1" },
      { path: "SEC-1/comment/2", text: `again ${A}\nand ${B}`, uri: "https://jira.example.com/browse/SEC-1?c=2" },
      { path: "SEC-1/comment/2", text: "é", uri: "https://jira.example.com/browse/SEC-1?c=2" },
    ];
    const scanned = await scanParts(parts);
    const fingerprint = (secret: string, path: string) =>
      createHash("sha256").update(`GH001\0${secret}\0${path}`).digest("base64url");
    const finding = (path: string, uri: string, content: string, secret: string) => ({
      detectorId: "GH001",
      detectorName: "GitHub personal access token",
      severity: "error",
      path,
      content,
      uri,
      fingerprint: fingerprint(secret, path),
    });
    expect(scanned).toEqual({
      paths: ["SEC-1/description", "SEC-1/comment/1", "SEC-1/comment/2"],
      findings: [
        finding(parts[0].path, parts[0].uri, `deploy with ${m(A)} please`, A),
        finding(parts[2].path, parts[2].uri, `again ${m(A)}`, A),
        finding(parts[2].path, parts[2].uri, `and ${m(B)}`, B),
      ],
      secrets: [A, B],
      bytes: parts.reduce((n, p) => n + Buffer.byteLength(p.text, "utf8"), 0),
    });
    expect(scanned.bytes).toBe(
      `deploy with ${A} please`.length + "nothing to see".length + `again ${A}\nand ${B}`.length + 2,
    );
  });

  it("name the part that could not be checked in time", () => {
    const error = new TextNotScanned("SEC-1/description");
    expect(error.name).toBe("TextNotScanned");
    expect(error.message).toBe("SEC-1/description could not be checked for secrets within the time budget");
  });
});
