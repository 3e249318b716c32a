"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ticketWords, type TicketProviderId } from "@/lib/integrations/registry";
import { syncPanelAction } from "@/lib/sync/actions";
import { SyncForm } from "./SyncForm";
import { SyncLastRun } from "./SyncLastRun";
import { unwrap } from "@/lib/api/unwrap";

type Props = { integrationId: string; provider: TicketProviderId; teamId: string | null };

/**
 * Ticket sync in a ticket provider's section: its settings, receiver and last reconciliation, so whoever
 * connects the tool also decides how its tickets follow the issues.
 */
export function SyncPanel({ integrationId, provider, teamId }: Props) {
  const scope = { provider, teamId };
  const { tool, plural } = ticketWords(provider);
  const client = useQueryClient();
  const panel = useQuery({
    queryKey: ["sync-panel", integrationId],
    queryFn: () => unwrap(syncPanelAction(scope)),
    refetchInterval: 30_000,
  });
  const heading = `sync-${integrationId}`;
  return (
    <section aria-labelledby={heading} className="mt-4 space-y-3 rounded-md border border-zinc-200 p-4">
      <h3 id={heading} className="text-sm font-semibold text-zinc-900">
        Ticket sync
      </h3>
      <p className="text-sm text-zinc-600">
        {tool} {plural} made from issues stay in step with them: done in {tool} resolves the issue, and an issue that
        resolves or reopens is written back.
      </p>
      {panel.isPending && <p className="text-sm text-zinc-500">Loading sync settings…</p>}
      {panel.isError && (
        <p role="alert" className="text-sm text-red-700">
          Could not load sync settings: {panel.error.message}
        </p>
      )}
      {panel.data && <SyncLastRun view={panel.data} />}
      {panel.data && (
        <SyncForm
          key={panel.data.integrationId}
          view={panel.data}
          scope={scope}
          onSaved={(v) => client.setQueryData(["sync-panel", integrationId], v)}
        />
      )}
    </section>
  );
}
