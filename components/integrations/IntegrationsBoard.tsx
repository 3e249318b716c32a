import type { DeliveryHealth as Health } from "@/lib/delivery/health-schema";
import { getProvider, isTicketProvider, syncsAt } from "@/lib/integrations/registry";
import type { Provider } from "@/lib/integrations/types";
import type { IntegrationView } from "@/lib/integrations/views";
import { DeliveryHealth } from "@/components/deliveries/DeliveryHealth";
import { RecentDeliveries } from "@/components/deliveries/RecentDeliveries";
import { ScanPanel } from "@/components/scanning/ScanPanel";
import { SyncPanel } from "@/components/sync/SyncPanel";
import { IntegrationCard } from "./IntegrationCard";
import { SetupGuide } from "./SetupGuide";
import { SummaryCard } from "./SummaryCard";
import { WebhookComparison } from "./WebhookComparison";
import { WebhookSigning } from "./WebhookSigning";

type Props = {
  views: IntegrationView[];
  teamId: string | null;
  scopeName: string;
  /** The last 24 hours of each configured integration's deliveries, by integration id. */
  health: Record<string, Health>;
  /** The provider whose form is open from the start (`?open=slack`). */
  open?: string;
};

/**
 * One section per integration offered at the scope: a summary line each (all of them fit in one
 * screen), the form behind Configure, and beside and under it what the provider declares.
 */
export function IntegrationsBoard({ views, teamId, scopeName, health, open }: Props) {
  return (
    <div className="space-y-2">
      {teamId !== null && (
        <p className="rounded-md border border-zinc-200 bg-white px-4 py-2.5 text-sm text-zinc-700">
          Settings for the <span className="font-medium text-zinc-900">{scopeName}</span> team. They add to the global
          settings for this team&apos;s assets. The Custom Webhook is not offered here: it is global only.
        </p>
      )}
      {views.map((view) => {
        const provider = getProvider(view.provider)!;
        const ui = provider.ui ?? {};
        const card = {
          view,
          teamId,
          health: view.id ? health[view.id] : undefined,
          initiallyOpen: open === view.provider,
          aside: ui.setup && <SetupGuide guide={ui.setup} />,
          extras: <Extras provider={provider} view={view} teamId={teamId} />,
        };
        if (ui.summary) return <SummaryCard key={view.provider} {...card} summary={ui.summary} />;
        return <IntegrationCard key={view.provider} {...card} />;
      })}
    </div>
  );
}

/** Under the form: the panels the provider's capabilities bring, then the ones it asks for. */
function Extras({ provider, view, teamId }: { provider: Provider; view: IntegrationView; teamId: string | null }) {
  const extras = provider.ui?.extras ?? [];
  const token = typeof view.settings.token === "string" ? view.settings.token : undefined;
  const syncs = extras.includes("ticket-sync") && view.id && syncsAt(provider, teamId !== null);
  const parts = [
    extras.includes("webhook-signing") && <WebhookSigning key="signing" configured={view.configured} token={token} />,
    extras.includes("webhook-comparison") && <WebhookComparison key="comparison" />,
    provider.scan && view.id && (
      <ScanPanel
        key="scan"
        integrationId={view.id}
        provider={provider.id}
        words={provider.scan.words}
        teamId={teamId}
      />
    ),
    syncs && isTicketProvider(provider.id) && (
      <SyncPanel key="sync" integrationId={view.id!} provider={provider.id} teamId={teamId} />
    ),
    // Providers the delivery engine sends notifications to keep their delivery health and recent deliveries under the form.
    provider.notify && view.id && (
      <div key="deliveries" className="space-y-5 border-t border-zinc-100 pt-4">
        <DeliveryHealth integrationId={view.id} name={view.name} />
        <RecentDeliveries integrationId={view.id} />
      </div>
    ),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : <div className="space-y-3">{parts}</div>;
}
