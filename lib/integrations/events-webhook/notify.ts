/** Change events (contract §4). Issue ids for issue_*, asset ids for asset_*. */
export const CHANGE_EVENTS = [
  "issue_created",
  "issue_updated",
  "issue_resolved",
  "issue_ignored",
  "issue_deleted",
  "asset_created",
  "asset_updated",
  "asset_deleted",
] as const;
export type ChangeEventName = (typeof CHANGE_EVENTS)[number];

export type ChangeEvent = { name: ChangeEventName; ids: string[]; time: string };

export type IngestCompletedEvent = {
  name: "ingest_completed";
  id: string;
  issues_deleted_count: number;
  issues_created_count: number;
  issues_updated_count: number;
  issues_resolved_count: number;
  time: string;
};

export type EventsWebhookPayload = ChangeEvent | IngestCompletedEvent;

export type IngestCounts = { created: number; updated: number; resolved: number; deleted: number };

/** The event after each ingest; enqueue it with enqueueDelivery (it is never coalesced). */
export function ingestCompletedEvent(
  assetId: string,
  counts: IngestCounts,
  at: Date = new Date(),
): IngestCompletedEvent {
  return {
    name: "ingest_completed",
    id: assetId,
    issues_deleted_count: counts.deleted,
    issues_created_count: counts.created,
    issues_updated_count: counts.updated,
    issues_resolved_count: counts.resolved,
    time: at.toISOString(),
  };
}

/** The contract's fields in the contract's order. */
export function renderBody(payload: EventsWebhookPayload): string {
  if (payload.name === "ingest_completed") {
    const e = payload as IngestCompletedEvent;
    return JSON.stringify(
      ingestCompletedEvent(
        e.id,
        {
          deleted: e.issues_deleted_count,
          created: e.issues_created_count,
          updated: e.issues_updated_count,
          resolved: e.issues_resolved_count,
        },
        new Date(e.time),
      ),
    );
  }
  const e = payload as ChangeEvent;
  return JSON.stringify({ name: e.name, ids: e.ids, time: e.time });
}

export function sampleEvent(): ChangeEvent {
  return { name: "issue_created", ids: ["00000000-0000-4000-8000-000000000001"], time: new Date().toISOString() };
}
