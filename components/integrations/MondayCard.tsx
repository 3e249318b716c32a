"use client";

import { useState } from "react";
import type { DeliveryHealth } from "@/lib/delivery/health-schema";
import type { IntegrationView } from "@/lib/integrations/views";
import { SyncPanel } from "@/components/sync/SyncPanel";
import { IntegrationCard } from "./IntegrationCard";

type Props = { view: IntegrationView; teamId: string | null; health?: DeliveryHealth; initiallyOpen?: boolean };

/**
 * The Monday section names the monday.com account the token belongs to, once a Test or a save
 * proved it. A team's section holds only the default workspace: the API token is global.
 */
export function MondayCard({ view, teamId, health, initiallyOpen }: Props) {
  const [tested, setTested] = useState<string | undefined>();
  const subtitle =
    teamId === null ? (
      tested ? (
        <p className="text-sm text-zinc-600">
          Account: <span className="font-medium text-zinc-900">{tested}</span>
        </p>
      ) : null
    ) : (
      <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-700">
        The API token is global: an administrator sets it once, in the Global scope, for every team. Here you choose this team&apos;s default workspace, which
        comes first when the team&apos;s people create a Monday item. Test checks the global token from this team&apos;s section.
      </p>
    );
  return (
    <IntegrationCard
      view={view}
      teamId={teamId}
      health={health}
      initiallyOpen={initiallyOpen}
      subtitle={subtitle}
      note={tested ? <span className="font-mono text-zinc-700">{tested}</span> : undefined}
      extras={view.id && teamId === null ? <SyncPanel integrationId={view.id} provider="monday" teamId={null} /> : undefined}
      onTested={(r) => r.ok && r.accountDomain && setTested(r.accountDomain)}
    />
  );
}
