import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { scanItems } from "@/db/schema";
import { scanParts, type PartsScan, type ScanFinding } from "./findings";
import { ingestSomeContainers, ingestWholeAsset } from "./ingest-bridge";
import type { ScanJob, StepOutcome } from "./jobs";
import { unitAllowed, type LoadedScanSettings } from "./settings";
import type { ScanContainer, ScanSource, ScanUnit } from "./source";

type FullCursor = { phase?: "scan"; units?: ScanUnit[]; unit?: number; token?: string };

/** Who scans: the integration's team (null for the global one) owns the assets the scan creates. */
export type ScanScope = { teamId: string | null };

/** One bounded piece of a job: a webhook's ticket, or one search page of a full scan. */
export function runStep(job: ScanJob, source: ScanSource, settings: LoadedScanSettings, scope: ScanScope): Promise<StepOutcome> {
  return job.kind === "item" ? itemStep(job, source, settings, scope) : fullStep(job, source, settings, scope);
}

async function scanContainer(source: ScanSource, container: ScanContainer, settings: LoadedScanSettings, detected?: Promise<PartsScan>) {
  const scan = await (detected ?? scanParts(container.parts));
  // Redact after detecting, so the finding is still reported: the secret was exposed and must be rotated.
  if (settings.redact && scan.secrets.length) await source.redact(container, scan.secrets, settings.redactMessage);
  return scan;
}

async function itemStep(job: ScanJob, source: ScanSource, settings: LoadedScanSettings, scope: ScanScope): Promise<StepOutcome> {
  const target = await source.one(job.target ?? "");
  if (!target || !unitAllowed(settings, target.unit.key)) return { kind: "done" };
  const scan = target.container ? await scanContainer(source, target.container, settings) : { paths: [], findings: [] };
  await ingestSomeContainers(source.asset(target.unit), scope.teamId, [{ prefix: target.prefix, paths: scan.paths }], scan.findings);
  return { kind: "done", scanned: 1, found: scan.findings.length };
}

async function fullStep(job: ScanJob, source: ScanSource, settings: LoadedScanSettings, scope: ScanScope): Promise<StepOutcome> {
  const cursor = job.cursor as FullCursor;
  if (cursor.phase !== "scan" || !cursor.units) {
    const units = (await source.listUnits()).filter((u) => unitAllowed(settings, u.key));
    let total = 0;
    for (const unit of units) total += await source.countUnit(unit);
    return { kind: "progress", cursor: { phase: "scan", units, unit: 0 }, total };
  }
  const index = cursor.unit ?? 0;
  const unit = cursor.units[index];
  if (!unit) return { kind: "done" };

  const { containers, next } = await source.page(unit, cursor.token);
  const asset = source.asset(unit);
  let found = 0;
  // Detection for the whole page starts at once, so the detection threads share it.
  const detected = containers.map((c) => scanParts(c.parts));
  detected.forEach((p) => p.catch(() => {})); // one failing ends the step below; the rest must not go unhandled
  for (const [i, container] of containers.entries()) {
    const scan = await scanContainer(source, container, settings, detected[i]);
    found += scan.findings.length;
    await db
      .insert(scanItems)
      .values({ jobId: job.id, container: container.key, assetId: asset.id, paths: scan.paths, findings: scan.findings })
      .onConflictDoUpdate({ target: [scanItems.jobId, scanItems.container], set: { paths: scan.paths, findings: scan.findings } });
  }
  if (next) return { kind: "progress", cursor: { ...cursor, token: next }, scanned: containers.length, found };

  // The project or space is complete: one ingest of the whole asset. Its items stay until the job
  // ends, so a repeat of this step after a crash ingests the same complete set again (a no-op).
  const items = await db.select({ paths: scanItems.paths, findings: scanItems.findings }).from(scanItems).where(and(eq(scanItems.jobId, job.id), eq(scanItems.assetId, asset.id)));
  await ingestWholeAsset(asset, scope.teamId, items.flatMap((i) => i.paths), items.flatMap((i) => i.findings as ScanFinding[]));
  const last = index + 1 >= cursor.units.length;
  if (last) return { kind: "done", scanned: containers.length, found };
  return { kind: "progress", cursor: { phase: "scan", units: cursor.units, unit: index + 1 }, scanned: containers.length, found };
}

