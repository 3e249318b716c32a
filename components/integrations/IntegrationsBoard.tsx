import type { DeliveryHealth as Health } from "@/lib/delivery/health-schema";
import { getProvider } from "@/lib/integrations/registry";
import type { IntegrationView } from "@/lib/integrations/views";
import { DeliveryHealth } from "@/components/deliveries/DeliveryHealth";
import { RecentDeliveries } from "@/components/deliveries/RecentDeliveries";
import { ScanPanel } from "@/components/scanning/ScanPanel";
import { SyncPanel } from "@/components/sync/SyncPanel";
import { IntegrationCard } from "./IntegrationCard";
import { MondayCard } from "./MondayCard";
import { SlackSetupSteps } from "./SlackSetupSteps";
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

const ATLASSIAN_TOKENS = "https://id.atlassian.com/manage-profile/security/api-tokens";

function AtlassianHelp({ product, purpose }: { product: string; purpose: string }) {
  return (
    <div className="rounded-md bg-zinc-50 p-3">
      <p>{purpose}</p>
      <p className="mt-2">
        Use your {product} site (https://your-domain.atlassian.net), the email of a {product} user, and an{" "}
        <a className="font-medium text-accent-700 underline underline-offset-2" href={ATLASSIAN_TOKENS} target="_blank" rel="noreferrer">
          Atlassian API token
        </a>
        .
      </p>
    </div>
  );
}

type Extra = { aside?: React.ReactNode; extras?: React.ReactNode };

/** What a provider shows beside its fields (setup steps) and under its form (scanning, signing). */
function providerParts(view: IntegrationView, teamId: string | null): Extra {
  switch (view.provider) {
    case "slack":
      return { aside: <SlackSetupSteps /> };
    case "jira":
      return { aside: <AtlassianHelp product="Jira" purpose="Open Jira tickets from issues and scan Jira for secrets." />, extras: view.id && (
          <>
            <ScanPanel integrationId={view.id} provider="jira" teamId={teamId} />
            <SyncPanel integrationId={view.id} provider="jira" teamId={teamId} />
          </>
        ),
      };
    case "confluence":
      return { aside: <AtlassianHelp product="Confluence" purpose="Scan the content of your Confluence site for secrets." />, extras: view.id && <ScanPanel integrationId={view.id} provider="confluence" teamId={teamId} /> };
    case "custom-webhook":
    case "events-webhook":
      return {
        extras: (
          <div className="space-y-3">
            <WebhookSigning configured={view.configured} token={typeof view.settings.token === "string" ? view.settings.token : undefined} />
            <WebhookComparison />
          </div>
        ),
      };
    default:
      return {};
  }
}

/**
 * One section per integration offered at the scope: a summary line each (all of them fit in one
 * screen), the form behind Configure. Providers the delivery engine sends to keep their delivery
 * health and recent deliveries under the form.
 */
export function IntegrationsBoard({ views, teamId, scopeName, health, open }: Props) {
  return (
    <div className="space-y-2">
      {teamId !== null && (
        <p className="rounded-md border border-zinc-200 bg-white px-4 py-2.5 text-sm text-zinc-700">
          Settings for the <span className="font-medium text-zinc-900">{scopeName}</span> team. They add to the global settings for this team&apos;s assets. The
          Custom Webhook is not offered here: it is global only.
        </p>
      )}
      {views.map((view) => {
        const common = { view, teamId, health: view.id ? health[view.id] : undefined, initiallyOpen: open === view.provider };
        if (view.provider === "monday") return <MondayCard key={view.provider} {...common} />;
        const { aside, extras } = providerParts(view, teamId);
        const delivers = view.id && getProvider(view.provider)?.buildRequest;
        const deliveries = delivers ? (
          <div className="space-y-5 border-t border-zinc-100 pt-4">
            <DeliveryHealth integrationId={view.id!} name={view.name} />
            <RecentDeliveries integrationId={view.id!} />
          </div>
        ) : null;
        return (
          <IntegrationCard
            key={view.provider}
            {...common}
            aside={aside}
            extras={
              extras || deliveries ? (
                <>
                  {extras}
                  {deliveries}
                </>
              ) : undefined
            }
          />
        );
      })}
    </div>
  );
}
