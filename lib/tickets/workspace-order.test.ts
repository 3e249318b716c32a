import { describe, expect, it } from "vitest";
import { sortWorkspacesForIssue } from "./workspace-order";

const ws = (id: string, name: string) => ({ id, name });
const ALL = [ws("5", "Zeta"), ws("1", "Team A space"), ws("3", "alpha"), ws("2", "Team B space"), ws("4", "Beta")];
const DEFAULTS = [
  { teamId: "A", teamName: "Team A", workspaceId: "1" },
  { teamId: "B", teamName: "Team B", workspaceId: "2" },
];
const names = (list: { name: string }[]) => list.map((w) => w.name);

describe("sortWorkspacesForIssue", () => {
  it("puts the asset team's default first, then the user's teams', then the rest by name", () => {
    const sorted = sortWorkspacesForIssue(ALL, { assetTeamId: "A", userTeamIds: ["B"], teamDefaults: DEFAULTS });
    expect(names(sorted)).toEqual(["Team A space", "Team B space", "alpha", "Beta", "Zeta"]);
    expect(sorted.map((w) => w.rank)).toEqual(["team-default", "your-team", "other", "other", "other"]);
    expect(sorted[0].teamNames).toEqual(["Team A"]);
  });

  it("a user with no teams sees the asset team's default, then everything by name", () => {
    const sorted = sortWorkspacesForIssue(ALL, { assetTeamId: "A", userTeamIds: [], teamDefaults: DEFAULTS });
    expect(names(sorted)).toEqual(["Team A space", "alpha", "Beta", "Team B space", "Zeta"]);
  });

  it("an unmapped asset puts the user's teams' workspaces first", () => {
    const sorted = sortWorkspacesForIssue(ALL, { assetTeamId: null, userTeamIds: ["B"], teamDefaults: DEFAULTS });
    expect(names(sorted)).toEqual(["Team B space", "alpha", "Beta", "Team A space", "Zeta"]);
    expect(sorted[0].rank).toBe("your-team");
  });

  it("a team without a default workspace changes nothing", () => {
    const sorted = sortWorkspacesForIssue(ALL, { assetTeamId: "C", userTeamIds: ["C"], teamDefaults: DEFAULTS });
    expect(names(sorted)).toEqual(["alpha", "Beta", "Team A space", "Team B space", "Zeta"]);
    expect(sorted.every((w) => w.rank === "other")).toBe(true);
  });

  it("ties in one rank go by name, and a workspace that is both is listed once, as the team default", () => {
    const defaults = [
      ...DEFAULTS,
      { teamId: "C", teamName: "Team C", workspaceId: "3" },
      { teamId: "D", teamName: "Team D", workspaceId: "1" },
    ];
    const sorted = sortWorkspacesForIssue([...ALL, ws("1", "Team A space")], {
      assetTeamId: "A",
      userTeamIds: ["B", "C", "D"],
      teamDefaults: defaults,
    });
    expect(names(sorted)).toEqual(["Team A space", "alpha", "Team B space", "Beta", "Zeta"]);
    expect(sorted[0]).toMatchObject({ rank: "team-default", teamNames: ["Team A", "Team D"] });
  });

  it("a default naming a workspace monday no longer lists is skipped", () => {
    const sorted = sortWorkspacesForIssue([ws("9", "Only")], {
      assetTeamId: "A",
      userTeamIds: ["B"],
      teamDefaults: DEFAULTS,
    });
    expect(sorted).toEqual([{ id: "9", name: "Only", rank: "other", teamNames: [] }]);
  });
});
