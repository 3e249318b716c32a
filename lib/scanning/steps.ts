import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { scanItems } from "@/db/schema";
import { scanParts, type PartsScan, type ScanFinding } from "./findings";
import { AssetOfAnotherTeam } from "@/lib/issues/ingest";
import { belongsElsewhere, ingestSomeContainers, ingestWholeAsset } from "./ingest-bridge";
import type { ScanJob, StepOutcome } from "./jobs";
import { unitAllowed, type LoadedScanSettings } from "./settings";
import type { ScanContainer, ScanSource, ScanUnit } from "./source";
import { EndlessListing } from "@/lib/integrations/atlassian-client";

/** `count`: the unit's containers when the scan began; `page`: pages of the current unit so far. */
type FullCursor = {
  phase?: "scan";
  units?: (ScanUnit & { count?: number })[];
  unit?: number;
  token?: string;
  page?: number;
};

/** Who scans: the integration's team (null for the global one) owns the assets the scan creates. */
export type ScanScope = { teamId: string | null };

/** One bounded piece of a job: a webhook's ticket, or one search page of a full scan. */
export function runStep(
  job: ScanJob,
  source: ScanSource,
  settings: LoadedScanSettings,
  scope: ScanScope,
): Promise<StepOutcome> {
  return job.kind === "item" ? itemStep(job, source, settings, scope) : fullStep(job, source, settings, scope);
}

async function scanContainer(
  source: ScanSource,
  container: ScanContainer,
  settings: LoadedScanSettings,
  detected?: Promise<PartsScan>,
) {
  const scan = await (detected ?? scanParts(container.parts));
  // Redact after detecting, so the finding is still reported: the secret was exposed and must be rotated.
  if (settings.redact && scan.secrets.length) await source.redact(container, scan.secrets, settings.redactMessage);
  return scan;
}

async function itemStep(
  job: ScanJob,
  source: ScanSource,
  settings: LoadedScanSettings,
  scope: ScanScope,
): Promise<StepOutcome> {
  const target = await source.one(job.target ?? "");
  if (!target || !unitAllowed(settings, target.unit.key)) return { kind: "done" };
  const asset = source.asset(target.unit);
  if (await belongsElsewhere(asset, scope.teamId)) return { kind: "done", skipped: 1 };
  const scan = target.container ? await scanContainer(source, target.container, settings) : { paths: [], findings: [] };
  const ingested = await unlessElsewhere(
    ingestSomeContainers(asset, scope.teamId, [{ prefix: target.prefix, paths: scan.paths }], scan.findings),
  );
  return ingested ? { kind: "done", scanned: 1, found: scan.findings.length } : { kind: "done", skipped: 1 };
}

/** False when the ingest found the asset another team's (mapped while we scanned): nothing changed. */
async function unlessElsewhere(ingest: Promise<unknown>): Promise<boolean> {
  try {
    await ingest;
    return true;
  } catch (error) {
    if (error instanceof AssetOfAnotherTeam) return false;
    throw error;
  }
}

async function fullStep(
  job: ScanJob,
  source: ScanSource,
  settings: LoadedScanSettings,
  scope: ScanScope,
): Promise<StepOutcome> {
  const cursor = job.cursor as FullCursor;
  if (cursor.phase !== "scan" || !cursor.units) {
    const units: (ScanUnit & { count?: number })[] = [];
    let skipped = 0;
    for (const unit of (await source.listUnits()).filter((u) => unitAllowed(settings, u.key))) {
      if (await belongsElsewhere(source.asset(unit), scope.teamId)) skipped++;
      else units.push(unit);
    }
    let total = 0;
    for (const unit of units) {
      unit.count = await source.countUnit(unit);
      total += unit.count;
    }
    return { kind: "progress", cursor: { phase: "scan", units, unit: 0 }, total, skipped };
  }
  const index = cursor.unit ?? 0;
  const unit = cursor.units[index];
  if (!unit) return { kind: "done" };

  const asset = source.asset(unit);
  // Mapped to another team since the scan started: not read, not redacted, not ingested.
  if (cursor.token === undefined && (await belongsElsewhere(asset, scope.teamId)))
    return nextUnit(cursor, index, { skipped: 1 });

  const { containers, next } = await source.page(unit, cursor.token);
  const page = (cursor.page ?? 0) + 1;
  if (next !== undefined) endlessUnlessPlausible(unit, source.pageSize, page, next, cursor.token);
  let found = 0;
  // Detection for the whole page starts at once, so the detection threads share it.
  const detected = containers.map((c) => scanParts(c.parts));
  detected.forEach((p) => p.catch(() => {})); // one failing ends the step below; the rest must not go unhandled
  for (const [i, container] of containers.entries()) {
    const scan = await scanContainer(source, container, settings, detected[i]);
    found += scan.findings.length;
    await db
      .insert(scanItems)
      .values({
        jobId: job.id,
        container: container.key,
        assetId: asset.id,
        paths: scan.paths,
        findings: scan.findings,
      })
      .onConflictDoUpdate({
        target: [scanItems.jobId, scanItems.container],
        set: { paths: scan.paths, findings: scan.findings },
      });
  }
  if (next) return { kind: "progress", cursor: { ...cursor, token: next, page }, scanned: containers.length, found };

  // The project or space is complete: one ingest of the whole asset. Its items stay until the job
  // ends, so a repeat of this step after a crash ingests the same complete set again (it changes
  // nothing, and reports so in its own ingest_completed).
  const items = await db
    .select({ paths: scanItems.paths, findings: scanItems.findings })
    .from(scanItems)
    .where(and(eq(scanItems.jobId, job.id), eq(scanItems.assetId, asset.id)));
  const ingested = await unlessElsewhere(
    ingestWholeAsset(
      asset,
      scope.teamId,
      items.flatMap((i) => i.paths),
      items.flatMap((i) => i.findings as ScanFinding[]),
    ),
  );
  return nextUnit(cursor, index, { scanned: containers.length, found, skipped: ingested ? 0 : 1 });
}

/**
 * A unit's pages are bounded by what it held when the scan began, with room for tickets and pages
 * created since: past twice that (and ten more), or offered the same page again, the vendor is
 * looping, and the scan stops instead of paging forever.
 */
function endlessUnlessPlausible(
  unit: ScanUnit & { count?: number },
  pageSize: number,
  page: number,
  next: string,
  token: string | undefined,
): void {
  const limit = Math.ceil((unit.count ?? 0) / pageSize) * 2 + 10;
  if (next === token) throw new EndlessListing(`The pages of ${unit.key}`, "the same page was offered twice");
  if (page >= limit)
    throw new EndlessListing(`The pages of ${unit.key}`, `more than ${limit} pages for ${unit.count ?? 0} items`);
}

/** The step after a project or space is finished (or skipped): the next one, or done. */
function nextUnit(
  cursor: FullCursor,
  index: number,
  counts: { scanned?: number; found?: number; skipped?: number },
): StepOutcome {
  if (index + 1 >= (cursor.units?.length ?? 0)) return { kind: "done", ...counts };
  return { kind: "progress", cursor: { phase: "scan", units: cursor.units, unit: index + 1, page: 0 }, ...counts };
}
