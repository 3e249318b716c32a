"use client";

import { UserMinus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { removeMembershipAction, setMembershipAction } from "@/lib/people/actions";
import type { TeamWithMembers } from "@/lib/people/teams";

/** Runs a membership action in the card's transition and shows its error under the card. */
export type RunAction = (fn: () => Promise<{ ok: boolean; error?: string }>) => void;

/** One person on the team: their role, changeable with Remove for an administrator, else a badge. */
export function TeamMemberRow({
  team,
  member: m,
  canEdit,
  pending,
  run,
}: {
  team: TeamWithMembers;
  member: TeamWithMembers["members"][number];
  canEdit: boolean;
  pending: boolean;
  run: RunAction;
}) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
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
  );
}
