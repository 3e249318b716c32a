import { detectSecrets, findingExcerpt, secretFingerprint } from "@/lib/detectors/detect";
import type { IssueSeverity } from "@/lib/issues/schemas";

/** One piece of scanned text: a ticket's summary and description, one comment, one page body. */
export type ScanPart = { path: string; text: string; uri: string };

/** A finding as the ingest API takes it (contract §3). */
export type ScanFinding = { detectorId: string; detectorName: string; severity: IssueSeverity; path: string; content: string; uri: string; fingerprint: string };

export type PartsScan = { paths: string[]; findings: ScanFinding[]; secrets: string[]; bytes: number };

/** Detect the secrets of a ticket's or page's parts and turn them into ingest findings. */
export async function scanParts(parts: ScanPart[]): Promise<PartsScan> {
  const findings: ScanFinding[] = [];
  const secrets = new Set<string>();
  let bytes = 0;
  for (const part of parts) {
    bytes += Buffer.byteLength(part.text);
    const found = await detectSecrets(part.text);
    for (const d of found) {
      secrets.add(d.secret);
      findings.push({
        detectorId: d.detector.id,
        detectorName: d.detector.name,
        severity: d.detector.severity,
        path: part.path,
        content: findingExcerpt(part.text, d, found),
        uri: part.uri,
        fingerprint: secretFingerprint(d.detector.id, d.secret, part.path),
      });
    }
  }
  return { paths: [...new Set(parts.map((p) => p.path))], findings, secrets: [...secrets], bytes };
}
