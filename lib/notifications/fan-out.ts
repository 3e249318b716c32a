import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { integrations } from "@/db/schema";
import { enqueueDeliveries, enqueueEvent, type NewDelivery } from "@/lib/delivery/outbox";
import { getProvider, offeredAt, providersWith } from "@/lib/integrations/registry";
import type { Severity } from "@/lib/severity";
import { enqueueTicketSync } from "@/lib/sync/outbound";
import type { ChangeSet } from "./changes";

/**
 * Queue, inside the caller's transaction, every delivery a change causes. The asset's team's
 * integrations hear it in addition to the global ones; disabled integrations hear nothing. Each
 * provider says what it sends (notify.select). The caller wakes the worker after commit.
 */
export async function notifyChanges(tx: Executor, change: ChangeSet): Promise<void> {
  // Ticket sync: linked Jira tickets and monday items hear an issue resolve or reopen.
  await enqueueTicketSync(tx, change);
  const items: NewDelivery[] = [];
  for (const target of await targetsFor(tx, change)) {
    for (const out of getProvider(target.provider)!.notify!(change, target.minSeverity as Severity)) {
      if ("event" in out) await enqueueEvent(tx, target, out.event, out.ids);
      else items.push({ target, ...out });
    }
  }
  await enqueueDeliveries(tx, items);
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
