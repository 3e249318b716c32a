import type { Metadata } from "next";
import { Users } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { TeamCard } from "@/components/settings/TeamCard";
import { CreateTeamForm } from "@/components/settings/CreateTeamForm";
import { requirePagePrincipal } from "@/lib/auth/session";
import { listTeams } from "@/lib/people/teams";
import { listUsers } from "@/lib/people/users";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const principal = await requirePagePrincipal();
  const [teams, people] = await Promise.all([listTeams(), principal.isAdmin ? listUsers() : Promise.resolve([])]);
  return (
    <>
      <PageHeader
        title="Teams"
        description={
          principal.isAdmin
            ? "Group people into teams. Team leads manage their team's integrations; assets mapped to a team notify its integrations."
            : "The teams in this account. Only an account administrator can change them."
        }
      />
      {principal.isAdmin && <CreateTeamForm />}
      {teams.length === 0 ? (
        <EmptyState icon={<Users className="size-8" aria-hidden />} title="No teams yet">
          {principal.isAdmin
            ? "Create a team, then add people and mark its leads."
            : "Ask an administrator to create one."}
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {teams.map((team) => (
            <TeamCard key={team.id} team={team} people={people} canEdit={principal.isAdmin} />
          ))}
        </div>
      )}
    </>
  );
}
