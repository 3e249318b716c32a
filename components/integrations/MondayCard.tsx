"use client";

import { useState } from "react";
import type { IntegrationView } from "@/lib/integrations/views";
import { SyncPanel } from "@/components/sync/SyncPanel";
import { IntegrationCard } from "./IntegrationCard";

/** monday's card shows the account the token belongs to at the top, once a Test or save proved it. */
export function MondayCard({ view, teamId }: { view: IntegrationView; teamId: string | null }) {
  const saved = typeof view.settings.accountDomain === "string" ? view.settings.accountDomain : undefined;
  const [tested, setTested] = useState<string | undefined>();
  const domain = tested ?? saved;
  const subtitle =
    teamId === null ? (
      domain ? (
        <p className="text-sm text-zinc-600">
          Account: <span className="font-medium text-zinc-900">{domain}</span>
        </p>
      ) : null
    ) : (
      <p className="text-sm text-zinc-600">Uses the global API token; pick the team&apos;s default workspace.</p>
    );
  const sync = view.id && teamId === null ? <SyncPanel integrationId={view.id} provider="monday" teamId={null} /> : undefined;
  return <IntegrationCard view={view} teamId={teamId} subtitle={subtitle} extras={sync} onTested={(r) => r.ok && r.accountDomain && setTested(r.accountDomain)} />;
}
