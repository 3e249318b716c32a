import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { integrations } from "@/db/schema";
import { type DeliveryTarget, enqueueDeliveries, enqueueEvent, type NewDelivery } from "@/lib/delivery/outbox";
import { newIssuesPayloads } from "@/lib/integrations/custom-webhook/notify";
import { ingestCompletedEvent } from "@/lib/integrations/events-webhook/notify";
import { atOrAbove, type IssueAlertPayload, type IssuesCreatedPayload, SEVERITY_RANK } from "@/lib/integrations/payloads";
import type { Severity } from "@/lib/integrations/types";
import { enqueueTicketSync } from "@/lib/sync/outbound";
import type { ChangedIssue, ChangeSet, IssueSummary } from "./changes";

const NOTIFYING = ["custom-webhook", "events-webhook", "slack", "pagerduty"] as const;
type Target = DeliveryTarget & { minSeverity: Severity };

/**
 * Queue, inside the caller's transaction, every delivery a change causes. The asset's team's
 * integrations hear it in addition to the global ones; disabled integrations hear nothing.
 * The caller wakes the worker after commit.
 */
export async function notifyChanges(tx: Executor, change: ChangeSet): Promise<void> {
  await enqueueTicketSync(tx, change);
  const targets = await targetsFor(tx, change);
  if (targets.length === 0) return;
  const items: NewDelivery[] = [];
  for (const target of targets) {
    if (target.provider === "events-webhook") await queueEvents(tx, target, change);
    else if (target.provider === "custom-webhook") items.push(...customWebhook(target, change));
    else if (target.provider === "slack") items.push(...slack(target, change));
    else if (target.provider === "pagerduty") items.push(...pagerduty(target, change));
  }
  await enqueueDeliveries(tx, items);
}

async function targetsFor(tx: Executor, change: ChangeSet): Promise<Target[]> {
  const teamIds = [change.asset.teamId, ...(change.alsoTeamIds ?? [])].filter((t): t is string => !!t);
  const rowsFound = await tx
    .select({ id: integrations.id, provider: integrations.provider, teamId: integrations.teamId, minSeverity: integrations.minSeverity })
    .from(integrations)
    .where(
      and(
        eq(integrations.enabled, true),
        inArray(integrations.provider, [...NOTIFYING]),
        teamIds.length ? or(isNull(integrations.teamId), inArray(integrations.teamId, [...new Set(teamIds)])) : isNull(integrations.teamId),
      ),
    );
  // The Custom Webhook exists at global level only (contract §3); ignore any stray team row.
  return rowsFound.filter((t) => t.provider !== "custom-webhook" || t.teamId === null);
}

const EVENT_LISTS = [
  ["issue_created", "created"],
  ["issue_updated", "updated"],
  ["issue_resolved", "resolved"],
  ["issue_ignored", "ignored"],
  ["issue_deleted", "deleted"],
] as const;

async function queueEvents(tx: Executor, target: Target, change: ChangeSet): Promise<void> {
  if (change.assetEvent) await enqueueEvent(tx, target, change.assetEvent, [change.asset.id]);
  for (const [name, key] of EVENT_LISTS) {
    const list = atLeast(target, change[key]);
    if (list.length) await enqueueEvent(tx, target, name, list.map((i) => i.id));
  }
  if (!change.ingest) return;
  // ingest_completed is never combined, and it sums up the change events before it: it goes
  // once they have been sent, however long they wait out the coalescing window.
  await enqueueDeliveries(tx, [{ target, kind: "ingest_completed", payload: ingestCompletedEvent(change.asset.id, change.ingest), afterEarlier: true }]);
}

function atLeast(target: Target, list: IssueSummary[] | undefined): IssueSummary[] {
  return (list ?? []).filter((issue) => atOrAbove(issue.severity, target.minSeverity));
}

/** New issues only, at most 500 a body (the provider splits them). */
function customWebhook(target: Target, change: ChangeSet): NewDelivery[] {
  return newIssuesPayloads(atLeast(target, change.created)).map((payload) => ({ target, kind: "issues_created", payload }));
}

/** One message per ingest that created issues at or above the integration's minimum severity. */
function slack(target: Target, change: ChangeSet): NewDelivery[] {
  const issues = atLeast(target, change.created).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  if (issues.length === 0) return [];
  const payload: IssuesCreatedPayload = { asset: { id: change.asset.id, name: change.asset.name, url: change.asset.url }, issues };
  return [{ target, kind: "issues_created", payload }];
}

/** A trigger per new or reopened issue; a resolve with the same dedup key when it is resolved, ignored or deleted. */
function pagerduty(target: Target, change: ChangeSet): NewDelivery[] {
  const alert = (action: IssueAlertPayload["action"]) => (issue: IssueSummary): NewDelivery => ({
    target,
    kind: `pagerduty_${action}`,
    payload: { action, issue: summaryOnly(issue) } satisfies IssueAlertPayload,
  });
  const closed = [...(change.resolved ?? []), ...(change.ignored ?? []), ...(change.deleted ?? [])].filter((i: ChangedIssue) => i.wasOpen !== false);
  const opened = [...(change.created ?? []), ...(change.updated ?? []).filter((i) => i.reopened)];
  return [...atLeast(target, opened).map(alert("trigger")), ...atLeast(target, closed).map(alert("resolve"))];
}

function summaryOnly({ wasOpen: _w, reopened: _r, ...issue }: ChangedIssue): IssueSummary {
  return issue;
}
