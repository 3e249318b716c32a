import { RecentDeliveries } from "@/components/deliveries/RecentDeliveries";
import { ScanPanel } from "@/components/scanning/ScanPanel";
import { getProvider } from "@/lib/integrations/registry";
import type { Provider } from "@/lib/integrations/types";
import type { IntegrationView } from "@/lib/integrations/views";
import { IntegrationCard } from "./IntegrationCard";
import { SetupGuide } from "./SetupGuide";
import { SummaryCard } from "./SummaryCard";
import { WebhookComparison } from "./WebhookComparison";
import { WebhookSigning } from "./WebhookSigning";

type Props = { views: IntegrationView[]; teamId: string | null; scopeName: string };

/** One card per integration offered at the scope, each with what its provider declares beside it. */
export function IntegrationsBoard({ views, teamId, scopeName }: Props) {
  return (
    <div className="space-y-5">
      {teamId !== null && (
        <p className="rounded-md border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-700">
          Settings for the <span className="font-medium text-zinc-900">{scopeName}</span> team. They add to the global settings for this team&apos;s assets. The
          Custom Webhook is not offered here: it is global only.
        </p>
      )}
      {views.map((view) => {
        const provider = getProvider(view.provider)!;
        const ui = provider.ui ?? {};
        const card = { view, teamId, aside: ui.setup && <SetupGuide guide={ui.setup} />, extras: <Extras provider={provider} view={view} teamId={teamId} /> };
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
  const parts = [
    extras.includes("webhook-signing") && <WebhookSigning key="signing" configured={view.configured} token={token} />,
    extras.includes("webhook-comparison") && <WebhookComparison key="comparison" />,
    // Providers the delivery engine sends to keep their recent deliveries under the form.
    provider.notify && view.id && <RecentDeliveries key="deliveries" integrationId={view.id} />,
    provider.scan && view.id && <ScanPanel key="scan" integrationId={view.id} provider={provider.id} words={provider.scan.words} teamId={teamId} />,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : <div className="space-y-3">{parts}</div>;
}
