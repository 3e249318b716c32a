import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { integrations, openAlerts } from "@/db/schema";
import { enqueueDeliveries, enqueueEvent, type DeliveryTarget, type NewDelivery } from "@/lib/delivery/outbox";
import { getProvider, offeredAt, providersWith } from "@/lib/integrations/registry";
import { atOrAbove, type Severity } from "@/lib/severity";
import { enqueueTicketSync } from "@/lib/sync/outbound";
import type { ChangeSet } from "./changes";

/**
 * Queue, inside the caller's transaction, every delivery a change causes. The asset's team's
 * integrations hear it in addition to the global ones; disabled integrations hear nothing. Each
 * provider says what it sends (notify); an alerting provider's resolves go where its alerts are
 * open (closeAlerts). The caller wakes the worker after commit.
 */
export async function notifyChanges(tx: Executor, change: ChangeSet): Promise<void> {
  // Ticket sync: linked Jira tickets and monday items hear an issue resolve or reopen.
  await enqueueTicketSync(tx, change);
  const items: NewDelivery[] = [];
  const opened: (typeof openAlerts.$inferInsert)[] = [];
  const alerting: Target[] = [];
  for (const target of await targetsFor(tx, change)) {
    const provider = getProvider(target.provider)!;
    if (provider.openAlerts) alerting.push(target);
    for (const out of provider.notify!(change, target.minSeverity as Severity)) {
      if ("event" in out) await enqueueEvent(tx, target, out.event, out.ids);
      else items.push({ target, ...out });
      const issueId = provider.openAlerts?.opens(out);
      if (issueId) opened.push({ integrationId: target.id, issueId });
    }
  }
  items.push(...(await closeAlerts(tx, change, alerting)));
  if (opened.length) await tx.insert(openAlerts).values(opened).onConflictDoNothing();
  await enqueueDeliveries(tx, items);
}

type Target = Awaited<ReturnType<typeof targetsFor>>[number];

/**
 * The resolves of the issues a change closes. An issue whose alerts were recorded is resolved by
 * each enabled integration holding one, whatever its team or minimum severity is now, and by no
 * other; those records go. An issue with none anywhere (it opened before an integration was set
 * up) is resolved as it always was: by each alerting integration hearing the change whose minimum
 * it meets, unless it was closed already (a resolve for an alert the tool never had changes
 * nothing there).
 */
async function closeAlerts(tx: Executor, change: ChangeSet, alerting: Target[]): Promise<NewDelivery[]> {
  const closed = [
    ...new Map(
      [...(change.resolved ?? []), ...(change.ignored ?? []), ...(change.deleted ?? [])].map((i) => [i.id, i]),
    ).values(),
  ];
  if (closed.length === 0) return [];
  const records = await tx
    .select({
      integrationId: openAlerts.integrationId,
      issueId: openAlerts.issueId,
      provider: integrations.provider,
      teamId: integrations.teamId,
      enabled: integrations.enabled,
    })
    .from(openAlerts)
    .innerJoin(integrations, eq(integrations.id, openAlerts.integrationId))
    .where(
      inArray(
        openAlerts.issueId,
        closed.map((i) => i.id),
      ),
    );
  const held = records.filter((r) => r.enabled);
  // Every record of a closed issue at an enabled integration is held: these are exactly those.
  if (held.length)
    await tx.delete(openAlerts).where(
      and(
        inArray(
          openAlerts.issueId,
          closed.map((i) => i.id),
        ),
        inArray(openAlerts.integrationId, [...new Set(held.map((h) => h.integrationId))]),
      ),
    );
  const recorded = new Set(records.map((r) => r.issueId));
  // In the change's order, so each integration hears its resolves as the issues were listed.
  return closed.flatMap((issue): NewDelivery[] => {
    const to: DeliveryTarget[] = recorded.has(issue.id)
      ? held
          .filter((h) => h.issueId === issue.id)
          .map((h) => ({ id: h.integrationId, provider: h.provider, teamId: h.teamId }))
      : issue.wasOpen === false
        ? []
        : alerting.filter((t) => atOrAbove(issue.severity, t.minSeverity as Severity));
    return to.map((target) => ({ target, ...getProvider(target.provider)!.openAlerts!.resolve(issue) }));
  });
}

async function targetsFor(tx: Executor, change: ChangeSet) {
  const teamIds = [change.asset.teamId, ...(change.alsoTeamIds ?? [])].filter((t): t is string => !!t);
  const notifying = providersWith("notify");
  const rowsFound = await tx
    .select({
      id: integrations.id,
      provider: integrations.provider,
      teamId: integrations.teamId,
      minSeverity: integrations.minSeverity,
    })
    .from(integrations)
    .where(
      and(
        eq(integrations.enabled, true),
        inArray(
          integrations.provider,
          notifying.map((p) => p.id),
        ),
        teamIds.length
          ? or(isNull(integrations.teamId), inArray(integrations.teamId, [...new Set(teamIds)]))
          : isNull(integrations.teamId),
      ),
    );
  // A provider with no team level (the Custom Webhook) ignores any stray team row.
  return rowsFound.filter((t) => offeredAt(getProvider(t.provider)!, t.teamId));
}
