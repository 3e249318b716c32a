import type { Metadata } from "next";
import { ShieldAlert } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { IntegrationsBoard } from "@/components/integrations/IntegrationsBoard";
import { IntegrationsProviders } from "@/components/integrations/IntegrationsProviders";
import { ScopeSelect } from "@/components/integrations/ScopeSelect";
import { leadsTeam } from "@/lib/auth/principal";
import { deliveryHealth } from "@/lib/delivery/health";
import { requirePagePrincipal } from "@/lib/auth/session";
import { listScopeIntegrations } from "@/lib/integrations/service";
import { listTeams } from "@/lib/people/teams";

export const metadata: Metadata = { title: "Integrations" };

const DESCRIPTION =
  "Connect Code Security to the tools your teams use. Global settings apply to every asset; team settings add to them for that team's assets.";

export default async function IntegrationsPage({
  searchParams,
}: {
  searchParams: Promise<{ scope?: string; open?: string }>;
}) {
  const principal = await requirePagePrincipal();
  const teams = (await listTeams()).filter((t) => leadsTeam(principal, t.id));
  if (!principal.isAdmin && teams.length === 0) {
    return (
      <>
        <PageHeader title="Integrations" description={DESCRIPTION} />
        <EmptyState
          icon={<ShieldAlert className="size-8" aria-hidden />}
          title="Only administrators and team leads can manage integrations"
        >
          Ask an account administrator to connect a tool, or to make you a lead of your team.
        </EmptyState>
      </>
    );
  }
  // Team leads cannot change global settings, so they are offered only their own teams.
  const options = [
    ...(principal.isAdmin ? [{ value: "global", label: "Global" }] : []),
    ...teams.map((t) => ({ value: t.id, label: t.name })),
  ];
  const { scope, open } = await searchParams;
  const chosen = options.find((o) => o.value === scope) ?? options[0];
  const teamId = chosen.value === "global" ? null : chosen.value;
  // Views carry masked secrets only (webhook signing tokens in clear for administrators).
  const views = await listScopeIntegrations(principal, teamId);
  // Hourly sums for the summaries' 24-hour strips; the rows themselves stay in the database.
  const health = Object.fromEntries(
    await deliveryHealth(
      views.flatMap((v) => (v.id ? [v.id] : [])),
      "24h",
    ),
  );
  return (
    <>
      <PageHeader
        title="Integrations"
        description={DESCRIPTION}
        actions={<ScopeSelect value={chosen.value} options={options} />}
      />
      <IntegrationsProviders>
        <IntegrationsBoard
          key={chosen.value}
          views={views}
          teamId={teamId}
          scopeName={chosen.label}
          health={health}
          open={open}
        />
      </IntegrationsProviders>
    </>
  );
}
