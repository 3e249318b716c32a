"use client";

import { Badge } from "@/components/ui/badge";
import { Field, Select } from "@/components/ui/field";
import type { RankedWorkspace, WorkspaceRank } from "@/lib/tickets/workspace-order";
import { LiveHint, type useLive } from "./live";

const GROUPS: { rank: WorkspaceRank; label: string }[] = [
  { rank: "team-default", label: "Team default" },
  { rank: "your-team", label: "Your teams" },
  { rank: "other", label: "All workspaces" },
];

export type WorkspacesLive = ReturnType<typeof useLive<RankedWorkspace[]>>;

/** The workspaces grouped in contract order, with a badge saying why the chosen one ranks first. */
export function MondayWorkspacePicker({
  workspaces,
  workspace,
  onChoose,
}: {
  workspaces: WorkspacesLive;
  workspace: RankedWorkspace | undefined;
  onChoose: (workspaceId: string) => void;
}) {
  const list = workspaces.data ?? [];
  return (
    <Field
      label="Workspace"
      hint={
        workspace && workspace.rank !== "other"
          ? `${workspace.rank === "team-default" ? "The default workspace of this issue's team" : "A workspace of one of your teams"}${workspace.teamNames.length ? ` (${workspace.teamNames.join(", ")})` : ""}`
          : undefined
      }
    >
      {({ id, describedBy }) => (
        <>
          <div className="flex items-center gap-2">
            <Select
              id={id}
              aria-describedby={describedBy}
              aria-busy={workspaces.isFetching || undefined}
              value={workspace?.id ?? ""}
              onChange={(e) => onChoose(e.target.value)}
            >
              {list.length === 0 && (
                <option value="">{workspaces.isPending ? "Loading workspaces…" : "No workspaces"}</option>
              )}
              {GROUPS.map(({ rank, label }) => {
                const members = list.filter((w) => w.rank === rank);
                return members.length === 0 ? null : (
                  <optgroup key={rank} label={label}>
                    {members.map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.name}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </Select>
            {workspace?.rank === "team-default" && (
              <Badge tone="blue" className="shrink-0">
                Team default
              </Badge>
            )}
            {workspace?.rank === "your-team" && <Badge className="shrink-0">Your team</Badge>}
          </div>
          <LiveHint
            id={`${id}-live`}
            live={workspaces}
            loading="Loading workspaces from monday.com…"
            what="workspaces"
          />
        </>
      )}
    </Field>
  );
}
