/** Why a workspace sits where it does in the create-item list (contract §5). */
export type WorkspaceRank = "team-default" | "your-team" | "other";
export type RankedWorkspace = { id: string; name: string; rank: WorkspaceRank; teamNames: string[] };

export type WorkspaceContext = {
  /** The team the issue's asset is mapped to, if any. */
  assetTeamId: string | null;
  /** The teams of the person creating the item. */
  userTeamIds: string[];
  /** Each team's configured default workspace (teams without one are simply absent). */
  teamDefaults: { teamId: string; teamName: string; workspaceId: string }[];
};

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) || a.id.localeCompare(b.id);

/**
 * The Workspace list in the order of contract §5: the workspace of the team the issue's asset is
 * mapped to, then those of the user's own teams, then every other one by name. Ties within a
 * rank go by name. A default that names a workspace monday no longer lists is skipped.
 */
export function sortWorkspacesForIssue(
  workspaces: { id: string; name: string }[],
  context: WorkspaceContext,
): RankedWorkspace[] {
  const assetDefaults = new Set(
    context.teamDefaults.filter((d) => d.teamId === context.assetTeamId).map((d) => d.workspaceId),
  );
  const userTeams = new Set(context.userTeamIds);
  const userDefaults = new Set(context.teamDefaults.filter((d) => userTeams.has(d.teamId)).map((d) => d.workspaceId));
  const rankOf = (id: string): WorkspaceRank =>
    assetDefaults.has(id) ? "team-default" : userDefaults.has(id) ? "your-team" : "other";
  const order: Record<WorkspaceRank, number> = { "team-default": 0, "your-team": 1, other: 2 };
  const seen = new Set<string>();
  return workspaces
    .filter((w) => !seen.has(w.id) && seen.add(w.id))
    .map((w) => ({
      id: w.id,
      name: w.name,
      rank: rankOf(w.id),
      teamNames: context.teamDefaults
        .filter((d) => d.workspaceId === w.id)
        .map((d) => d.teamName)
        .sort(),
    }))
    .sort((a, b) => order[a.rank] - order[b.rank] || byName(a, b));
}
