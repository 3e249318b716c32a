import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findingIdentity, ingestDigest, prepareFindings } from "@/lib/issues/identity";
import { parseIngest } from "@/lib/issues/schemas";

/** Contract §3, written out here: sha256 of detectorId, path and content joined by NUL, base64url. */
const hashed = (detectorId: string, path: string, content: string) =>
  `h:${createHash("sha256").update(`${detectorId}\0${path}\0${content}`).digest("base64url")}`;

const finding = (over: Record<string, unknown> = {}) => ({
  detectorId: "AWS001",
  detectorName: "AWS access key",
  severity: "error",
  path: "config/prod.env",
  content: "AKIA…",
  uri: "https://github.com/acme/app/blob/main/config/prod.env#L3",
  ...over,
});
const scan = (findings: Record<string, unknown>[]) =>
  parseIngest({ asset: { id: "github.com/acme/app", kind: "code" }, findings });

describe("which stored issue a scanned finding is", () => {
  it("is the scanner's fingerprint when it gives one, whatever else changed", () => {
    expect(findingIdentity(finding({ fingerprint: "abc" }))).toBe("fp:abc");
    expect(findingIdentity(finding({ fingerprint: "abc", path: "moved.env", content: "other" }))).toBe("fp:abc");
  });

  it("is otherwise the hash of detector, path and content, so a change in any one is a new issue", () => {
    expect(findingIdentity(finding())).toBe(hashed("AWS001", "config/prod.env", "AKIA…"));
    const identities = new Set([
      findingIdentity(finding()),
      findingIdentity(finding({ detectorId: "AWS002" })),
      findingIdentity(finding({ path: "config/dev.env" })),
      findingIdentity(finding({ content: "AKIB…" })),
      // The separator keeps "a" + "bc" apart from "ab" + "c".
      findingIdentity(finding({ path: "config/prod.envA", content: "KIA…" })),
    ]);
    expect(identities.size).toBe(5);
  });

  it("never takes a fingerprint for a hash, even one that spells a hash", () => {
    const hash = findingIdentity(finding()).slice(2);
    expect(findingIdentity(finding({ fingerprint: hash }))).not.toBe(findingIdentity(finding()));
  });

  it("folds a finding reported twice in one scan into the last report, in the order last seen", () => {
    const prepared = prepareFindings(
      scan([
        finding({ fingerprint: "one", severity: "info" }),
        finding({ fingerprint: "two" }),
        finding({ fingerprint: "one", severity: "warning", uri: "https://example.com/later" }),
      ]).findings,
    );
    expect(prepared.map((f) => [f.identity, f.severity])).toEqual([
      ["fp:two", "error"],
      ["fp:one", "warning"],
    ]);
    expect(prepared[1]).toEqual({
      identity: "fp:one",
      detector_id: "AWS001",
      detector_name: "AWS access key",
      severity: "warning",
      path: "config/prod.env",
      content: "AKIA…",
      uri: "https://example.com/later",
    });
  });

  it("names a detector by its id when the scanner gave no name, and fills absent fields empty", () => {
    const [prepared] = prepareFindings(scan([{ detectorId: "GEN7", severity: "info" }]).findings);
    expect(prepared).toEqual({
      identity: hashed("GEN7", "", ""),
      detector_id: "GEN7",
      detector_name: "GEN7",
      severity: "info",
      path: "",
      content: "",
      uri: "",
    });
  });

  it("tells the same scan posted twice from a different one", () => {
    const body = { asset: { id: "github.com/acme/app", kind: "code" }, findings: [finding()] };
    const digest = ingestDigest(parseIngest(body));
    expect(digest).toBe(
      createHash("sha256")
        .update(JSON.stringify(parseIngest(body)))
        .digest("hex"),
    );
    expect(ingestDigest(parseIngest(structuredClone(body)))).toBe(digest);
    expect(ingestDigest(parseIngest({ ...body, files: [] }))).not.toBe(digest);
  });
});
