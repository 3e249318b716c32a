// @ts-nocheck
import type { IntegrationConfig } from "@/lib/integrations/types";
import type { ScanPart } from "./findings";
import type { ScanAsset } from "./ingest-bridge";

/** A Jira project or a Confluence space: the unit of allow/deny lists and one asset. */
export type ScanUnit = { key: string; id: string };

/** A ticket or a page. `prefix` is its path; its comments' paths are `<prefix>#…`. */
export type ScanContainer = { key: string; prefix: string; parts: ScanPart[] };

/** What the runner needs from a vendor; jira-source.ts and confluence-source.ts implement it. */
export interface ScanSource<C extends ScanContainer = ScanContainer> {
  /** Containers a page holds at most: with a unit's count, how many pages its scan may take. */
  pageSize: number;
  listUnits(): Promise<ScanUnit[]>;
  countUnit(unit: ScanUnit): Promise<number>;
  page(unit: ScanUnit, token: string | undefined): Promise<{ containers: C[]; next?: string }>;
  /** A webhook's target: its unit and path, and the container unless it no longer exists. */
  one(target: string): Promise<{ unit: ScanUnit; prefix: string; container?: C } | undefined>;
  redact(container: C, secrets: string[], message: string): Promise<void>;
  asset(unit: ScanUnit): ScanAsset;
}

export type SourceFactory = (config: IntegrationConfig) => ScanSource;

/** `acme.atlassian.net` (with a port when there is one): the domain in asset ids. */
export function siteHost(domainUrl: string): string {
  try {
    return new URL(domainUrl).host;
  } catch {
    return domainUrl;
  }
}
