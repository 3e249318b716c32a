import { describe, expect, it } from "vitest";
import {
  leadsTeam,
  managedTeamIds,
  type Principal,
  requireAdmin,
  requireScopeManager,
  requireSomeLead,
  requireTeamLead,
  topRole,
} from "@/lib/auth/principal";
import { ForbiddenError } from "@/lib/errors";

const TEAM_A = "00000000-0000-4000-8000-00000000000a";
const TEAM_B = "00000000-0000-4000-8000-00000000000b";

const person = (isAdmin: boolean, teams: Principal["teams"] = []): Principal => ({
  userId: "u",
  email: "u@example.com",
  name: "U",
  isAdmin,
  teams,
});
const admin = person(true);
const leadOfA = person(false, [
  { teamId: TEAM_B, role: "member" },
  { teamId: TEAM_A, role: "lead" },
]);
const memberOfA = person(false, [{ teamId: TEAM_A, role: "member" }]);
const nobody = person(false);

/** The message a refused person reads, or "allowed". */
function answer(check: () => void): string {
  try {
    check();
    return "allowed";
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    return (error as Error).message;
  }
}

describe("what each role may do", () => {
  it("shows an administrator as admin, a lead of any team as lead, everyone else as member", () => {
    expect(topRole(admin)).toBe("admin");
    expect(topRole(person(true, [{ teamId: TEAM_A, role: "member" }]))).toBe("admin");
    expect(topRole(leadOfA)).toBe("lead");
    expect(topRole(memberOfA)).toBe("member");
    expect(topRole(nobody)).toBe("member");
  });

  it("lets a lead manage only the team they lead, a member none, an administrator every team", () => {
    expect(leadsTeam(leadOfA, TEAM_A)).toBe(true);
    expect(leadsTeam(leadOfA, TEAM_B)).toBe(false);
    expect(leadsTeam(memberOfA, TEAM_A)).toBe(false);
    expect(leadsTeam(person(false, [{ teamId: TEAM_B, role: "lead" }]), TEAM_A)).toBe(false);
    expect(leadsTeam(admin, TEAM_B)).toBe(true);
  });

  it("refuses account-wide settings to everyone but an administrator, saying who may", () => {
    expect(answer(() => requireAdmin(admin))).toBe("allowed");
    expect(answer(() => requireAdmin(leadOfA))).toBe("Only an account administrator can do that");
    expect(answer(() => requireScopeManager(leadOfA, null))).toBe("Only an account administrator can do that");
    expect(answer(() => requireScopeManager(admin, null))).toBe("allowed");
  });

  it("refuses lead-only pages to members, saying who may", () => {
    expect(answer(() => requireSomeLead(admin))).toBe("allowed");
    expect(answer(() => requireSomeLead(leadOfA))).toBe("allowed");
    expect(answer(() => requireSomeLead(memberOfA))).toBe("Only an administrator or a team lead can do that");
    expect(answer(() => requireSomeLead(nobody))).toBe("Only an administrator or a team lead can do that");
  });

  it("refuses a team's settings to a member and to the lead of another team", () => {
    const refused = "Only an administrator or a lead of this team can do that";
    expect(answer(() => requireTeamLead(leadOfA, TEAM_A))).toBe("allowed");
    expect(answer(() => requireTeamLead(admin, TEAM_A))).toBe("allowed");
    expect(answer(() => requireTeamLead(leadOfA, TEAM_B))).toBe(refused);
    expect(answer(() => requireTeamLead(memberOfA, TEAM_A))).toBe(refused);
    expect(answer(() => requireScopeManager(leadOfA, TEAM_A))).toBe("allowed");
    expect(answer(() => requireScopeManager(leadOfA, TEAM_B))).toBe(refused);
  });

  it("offers a lead the settings of the teams they lead, and an administrator every team", () => {
    expect(managedTeamIds(admin, [TEAM_A, TEAM_B])).toEqual([TEAM_A, TEAM_B]);
    expect(managedTeamIds(leadOfA, [TEAM_A, TEAM_B])).toEqual([TEAM_A]);
    expect(managedTeamIds(memberOfA, [TEAM_A, TEAM_B])).toEqual([]);
  });
});
