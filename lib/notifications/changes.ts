import type { IssueSummary } from "@/lib/integrations/payloads";
import type { TicketProviderId } from "@/lib/integrations/registry";

export type { IssueSummary };

/** The asset a change is about, with the team whose integrations hear it besides the global ones. */
export type AssetRef = { id: string; name: string; url: string | null; teamId: string | null };

/**
 * An issue in a change. `wasOpen: false` marks one that was already closed: its PagerDuty alert is
 * too. `reopened` marks an updated one that was resolved or ignored and is open again: its alert
 * triggers again.
 */
export type ChangedIssue = IssueSummary & { wasOpen?: boolean; reopened?: boolean };

export type IngestCounts = { created: number; updated: number; resolved: number; deleted: number };

/**
 * Everything one committed-together change did, as the notification router sees it. Services
 * describe what happened; `notifyChanges` decides who hears about it.
 */
export type ChangeSet = {
  asset: AssetRef;
  /** Teams that also hear this change: the team an asset was just moved away from. */
  alsoTeamIds?: string[];
  created?: ChangedIssue[];
  updated?: ChangedIssue[];
  resolved?: ChangedIssue[];
  ignored?: ChangedIssue[];
  deleted?: ChangedIssue[];
  assetEvent?: "asset_created" | "asset_updated" | "asset_deleted";
  /** Set for an ingest: its `ingest_completed` event follows the change events. */
  ingest?: IngestCounts;
  /** Set when a linked ticket's own status caused the change (ticket sync): that ticket is not told. */
  syncCause?: { provider: TicketProviderId; key: string; status: string };
};
