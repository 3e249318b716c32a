import { atLeast } from "@/lib/severity";
import type { ChangeSet } from "@/lib/notifications/changes";
import { defineProvider, type Outgoing } from "../types";
import { signedWebhook, webhookForm } from "../webhook";
import { type EventsWebhookPayload, ingestCompletedEvent, renderBody, sampleEvent } from "./notify";

const webhook = signedWebhook({
  accepts: (status) => status >= 200 && status < 300,
  render: (p) => renderBody(p as EventsWebhookPayload),
  sample: sampleEvent,
});

const ISSUE_EVENTS = [
  ["issue_created", "created"],
  ["issue_updated", "updated"],
  ["issue_resolved", "resolved"],
  ["issue_ignored", "ignored"],
  ["issue_deleted", "deleted"],
] as const;

/** Change events carry ids only and are coalesced; asset and ingest events go whatever the severity. */
function changeEvents(change: ChangeSet, min: Parameters<typeof atLeast>[1]): Outgoing[] {
  const out: Outgoing[] = [];
  if (change.assetEvent) out.push({ event: change.assetEvent, ids: [change.asset.id] });
  for (const [event, key] of ISSUE_EVENTS) {
    const list = atLeast(change[key], min);
    if (list.length) out.push({ event, ids: list.map((i) => i.id) });
  }
  // ingest_completed is never combined, and it sums up the change events before it: it goes
  // once they have been sent, however long they wait out the coalescing window.
  if (change.ingest)
    out.push({
      kind: "ingest_completed",
      payload: ingestCompletedEvent(change.asset.id, change.ingest),
      afterEarlier: true,
    });
  return out;
}

export const eventsWebhook = defineProvider({
  id: "events-webhook",
  name: "Events Webhook",
  category: "webhook",
  scopes: ["global", "team"],
  form: webhookForm(
    "https://example.com/hooks/spectral-events",
    "Issue events carry only the ids of issues at or above it. Asset and ingest events always go.",
  ),
  ...webhook.provider,
  notify: changeEvents,
  ...webhook.send,
});
