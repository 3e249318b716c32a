"use client";

import { useState, useTransition } from "react";
import { UserMinus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { removeMembershipAction, setMembershipAction } from "@/lib/people/actions";
import type { TeamWithMembers } from "@/lib/people/teams";

type Person = { id: string; name: string; email: string };

export function TeamCard({ team, people, canEdit }: { team: TeamWithMembers; people: Person[]; canEdit: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [newUser, setNewUser] = useState("");
  const [newRole, setNewRole] = useState<"member" | "lead">("member");
  const headingId = `team-${team.id}`;
  const candidates = people.filter((p) => !team.members.some((m) => m.userId === p.id));

  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
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
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <div className="truncate text-sm font-medium">{m.name}</div>
                  <div className="truncate text-xs text-zinc-500">{m.email}</div>
                </div>
                {canEdit ? (
                  <div className="flex items-center gap-2">
                    <Select
                      aria-label={`Role of ${m.name} in ${team.name}`}
                      className="h-8 w-32 py-1"
                      value={m.role}
                      disabled={pending}
                      onChange={(e) =>
                        run(() =>
                          setMembershipAction({
                            teamId: team.id,
                            userId: m.userId,
                            role: e.target.value as "lead" | "member",
                          }),
                        )
                      }
                    >
                      <option value="member">Member</option>
                      <option value="lead">Lead</option>
                    </Select>
                    <Button
                      variant="ghost"
                      className="h-8 px-2"
                      aria-label={`Remove ${m.name} from ${team.name}`}
                      disabled={pending}
                      onClick={() => run(() => removeMembershipAction({ teamId: team.id, userId: m.userId }))}
                    >
                      <UserMinus className="size-4" aria-hidden />
                    </Button>
                  </div>
                ) : (
                  <Badge tone={m.role === "lead" ? "blue" : "neutral"}>{m.role === "lead" ? "Lead" : "Member"}</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && candidates.length > 0 && (
          <form
            className="mt-3 flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-3"
            onSubmit={(e) => {
              e.preventDefault();
              if (!newUser) return setError("Choose a person to add");
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
