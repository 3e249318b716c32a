// @ts-nocheck
import { createHash } from "node:crypto";
import type { FindingInput, IngestInput } from "./schemas";

/** A finding ready for the database: its identity computed, its optional fields filled. */
export type PreparedFinding = {
  identity: string;
  detector_id: string;
  detector_name: string;
  severity: FindingInput["severity"];
  path: string;
  content: string;
  uri: string;
};

/**
 * An issue's identity in its asset (contract §3): the scanner's fingerprint, or else a hash of
 * detectorId + path + content. The prefixes keep a fingerprint from ever equalling a hash.
 */
export function findingIdentity(f: Pick<FindingInput, "fingerprint" | "detectorId" | "path" | "content">): string {
  if (f.fingerprint) return `fp:${f.fingerprint}`;
  return `h:${createHash("sha256").update(`${f.detectorId}\0${f.path}\0${f.content}`).digest("base64url")}`;
}

/** Identities computed, and repeats of one identity within a scan folded into the last one. */
export function prepareFindings(findings: IngestInput["findings"]): PreparedFinding[] {
  const byIdentity = new Map<string, PreparedFinding>();
  for (const f of findings) {
    const identity = findingIdentity(f);
    byIdentity.delete(identity);
    byIdentity.set(identity, {
      identity,
      detector_id: f.detectorId,
      detector_name: f.detectorName || f.detectorId,
      severity: f.severity,
      path: f.path,
      content: f.content,
      uri: f.uri,
    });
  }
  return [...byIdentity.values()];
}

/** A stable digest of a parsed ingest body: the same scan posted twice hashes the same. */
export function ingestDigest(input: IngestInput): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}
