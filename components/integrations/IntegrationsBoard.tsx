import type { IntegrationView } from "@/lib/integrations/views";
import { RecentDeliveries } from "@/components/deliveries/RecentDeliveries";
import { ScanPanel } from "@/components/scanning/ScanPanel";
import { SyncPanel } from "@/components/sync/SyncPanel";
import { IntegrationCard } from "./IntegrationCard";
import { MondayCard } from "./MondayCard";
import { SlackSetupSteps } from "./SlackSetupSteps";
import { WebhookComparison } from "./WebhookComparison";
import { WebhookSigning } from "./WebhookSigning";

type Props = { views: IntegrationView[]; teamId: string | null; scopeName: string };

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

/** One card per integration offered at the scope, each with what its provider needs beside it. */
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
        const common = { view, teamId };
        // Providers the delivery engine sends to keep their recent deliveries under the form.
        const deliveries = view.id ? <RecentDeliveries integrationId={view.id} /> : null;
        switch (view.provider) {
          case "slack":
            return <IntegrationCard {...common} key={view.provider} aside={<SlackSetupSteps />} extras={deliveries} />;
          case "jira":
            return <IntegrationCard {...common} key={view.provider} aside={<AtlassianHelp product="Jira" purpose="Open Jira tickets from issues and scan Jira for secrets." />} extras={view.id && (<><ScanPanel integrationId={view.id} provider="jira" teamId={teamId} /><SyncPanel integrationId={view.id} provider="jira" teamId={teamId} /></>)} />;
          case "confluence":
            return (
              <IntegrationCard {...common} key={view.provider} aside={<AtlassianHelp product="Confluence" purpose="Scan the content of your Confluence site for secrets." />} extras={view.id && <ScanPanel integrationId={view.id} provider="confluence" teamId={teamId} />} />
            );
          case "monday":
            return <MondayCard key={view.provider} view={view} teamId={teamId} />;
          case "custom-webhook":
          case "events-webhook":
            return (
              <IntegrationCard
                {...common}
                key={view.provider}
                extras={
                  <div className="space-y-3">
                    <WebhookSigning configured={view.configured} token={typeof view.settings.token === "string" ? view.settings.token : undefined} />
                    <WebhookComparison />
                    {deliveries}
                  </div>
                }
              />
            );
          case "pagerduty":
            return <IntegrationCard {...common} key={view.provider} extras={deliveries} />;
          default:
            return <IntegrationCard {...common} key={view.provider} />;
        }
      })}
    </div>
  );
}
