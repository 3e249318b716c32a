"use client";

import { useState, useTransition } from "react";
import { Card } from "@/components/ui/card";
import type { TeamWithMembers } from "@/lib/people/teams";
import { AddTeamMember, type Person } from "./AddTeamMember";
import { TeamMemberRow, type RunAction } from "./TeamMemberRow";

/** A team and its people; administrators change roles, remove people and add them here. */
export function TeamCard({ team, people, canEdit }: { team: TeamWithMembers; people: Person[]; canEdit: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const headingId = `team-${team.id}`;
  const candidates = people.filter((p) => !team.members.some((m) => m.userId === p.id));

  const run: RunAction = (fn) =>
    startTransition(async () => {
      setError(undefined);
      const result = await fn();
      if (!result.ok) setError(result.error);
    });

  return (
    <Card className="p-4">
      <section aria-labelledby={headingId}>
        <div className="mb-3 flex items-center justify-between">
          <h2 id={headingId} className="text-base font-semibold">
            {team.name}
          </h2>
          <span className="text-xs text-zinc-500">
            {team.members.length === 1 ? "1 person" : `${team.members.length} people`}
          </span>
        </div>
        {team.members.length === 0 ? (
          <p className="text-sm text-zinc-600">Nobody is on this team yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {team.members.map((m) => (
              <TeamMemberRow key={m.userId} team={team} member={m} canEdit={canEdit} pending={pending} run={run} />
            ))}
          </ul>
        )}
        {canEdit && candidates.length > 0 && (
          <AddTeamMember
            team={team}
            candidates={candidates}
            pending={pending}
            run={run}
            onInvalid={() => setError("Choose a person to add")}
          />
        )}
        {error && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {error}
          </p>
        )}
      </section>
    </Card>
  );
}
