"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { setMembershipAction } from "@/lib/people/actions";
import type { TeamWithMembers } from "@/lib/people/teams";
import type { RunAction } from "./TeamMemberRow";

export type Person = { id: string; name: string; email: string };

/** Add a person who is not on the team yet, as member or lead. */
export function AddTeamMember({
  team,
  candidates,
  pending,
  run,
  onInvalid,
}: {
  team: TeamWithMembers;
  candidates: Person[];
  pending: boolean;
  run: RunAction;
  /** No person was chosen. */
  onInvalid: () => void;
}) {
  const [newUser, setNewUser] = useState("");
  const [newRole, setNewRole] = useState<"member" | "lead">("member");
  return (
    <form
      className="mt-3 flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!newUser) return onInvalid();
        run(async () => {
          const result = await setMembershipAction({ teamId: team.id, userId: newUser, role: newRole });
          if (result.ok) setNewUser("");
          return result;
        });
      }}
    >
      <Select
        aria-label={`Person to add to ${team.name}`}
        className="h-8 min-w-0 basis-full py-1"
        value={newUser}
        onChange={(e) => setNewUser(e.target.value)}
      >
        <option value="">Add a person…</option>
        {candidates.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.email})
          </option>
        ))}
      </Select>
      <Select
        aria-label={`Role for the new person in ${team.name}`}
        className="h-8 w-32 py-1"
        value={newRole}
        onChange={(e) => setNewRole(e.target.value as "lead" | "member")}
      >
        <option value="member">Member</option>
        <option value="lead">Lead</option>
      </Select>
      <Button type="submit" variant="secondary" className="h-8" pending={pending}>
        Add
      </Button>
    </form>
  );
}
