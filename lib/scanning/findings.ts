import { DETECTORS } from "@/lib/detectors/catalogue";
import { scanTexts, secretFingerprint } from "@/lib/detectors/detect";
import type { IssueSeverity } from "@/lib/issues/schemas";

/** One piece of scanned text: a ticket's summary and description, one comment, one page body. */
export type ScanPart = { path: string; text: string; uri: string };

/** A finding as the ingest API takes it (contract §3). */
export type ScanFinding = {
  detectorId: string;
  detectorName: string;
  severity: IssueSeverity;
  path: string;
  content: string;
  uri: string;
  fingerprint: string;
};

export type PartsScan = { paths: string[]; findings: ScanFinding[]; secrets: string[]; bytes: number };

export class TextNotScanned extends Error {
  constructor(path: string) {
    super(`${path} could not be checked for secrets within the time budget`);
    this.name = "TextNotScanned";
  }
}

/**
 * Detect the secrets of a ticket's or page's parts (on the detection threads) and turn them into
 * ingest findings. A part that runs out of its time budget fails the step, which is retried: its
 * issues must not be resolved as if it had been scanned clean.
 */
export async function scanParts(parts: ScanPart[]): Promise<PartsScan> {
  const findings: ScanFinding[] = [];
  const secrets = new Set<string>();
  const scans = await scanTexts(parts.map((p) => p.text));
  parts.forEach((part, i) => {
    const scan = scans[i];
    if ("error" in scan) throw new TextNotScanned(part.path);
    for (const s of scan.secrets) {
      const detector = DETECTORS[s.detector];
      secrets.add(s.secret);
      findings.push({
        detectorId: detector.id,
        detectorName: detector.name,
        severity: detector.severity,
        path: part.path,
        content: s.excerpt,
        uri: part.uri,
        fingerprint: secretFingerprint(detector.id, s.secret, part.path),
      });
    }
  });
  return {
    paths: [...new Set(parts.map((p) => p.path))],
    findings,
    secrets: [...secrets],
    bytes: parts.reduce((n, p) => n + Buffer.byteLength(p.text), 0),
  };
}
