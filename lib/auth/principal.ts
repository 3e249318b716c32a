import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { teamMemberships, users } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";

export type TeamRole = "lead" | "member";

/** Who is asking: the signed-in user or the owner of an API token, with their team roles. */
export type Principal = {
  userId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  teams: { teamId: string; role: TeamRole }[];
};

export async function loadPrincipal(userId: string, executor: Executor = db): Promise<Principal | null> {
  const [user] = await executor.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const memberships = await executor
    .select({ teamId: teamMemberships.teamId, role: teamMemberships.role })
    .from(teamMemberships)
    .where(eq(teamMemberships.userId, userId));
  return { userId: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, teams: memberships };
}

export type Role = "admin" | "lead" | "member";

/** The highest role a principal holds anywhere, for navigation and display. */
export function topRole(p: Principal): Role {
  if (p.isAdmin) return "admin";
  return managesSomeTeam(p) ? "lead" : "member";
}

/** An administrator manages every team; anyone else manages the teams they lead. */
export function managedTeams(p: Principal): "all" | string[] {
  if (p.isAdmin) return "all";
  return p.teams.filter((t) => t.role === "lead").map((t) => t.teamId);
}

/** Teams whose settings this principal may manage (all of them for an administrator: pass allTeamIds). */
export function managedTeamIds(p: Principal, allTeamIds: string[]): string[] {
  const managed = managedTeams(p);
  return managed === "all" ? allTeamIds : managed;
}

/** Administrators, and leads of at least one team. */
export function managesSomeTeam(p: Principal): boolean {
  const managed = managedTeams(p);
  return managed === "all" || managed.length > 0;
}

export function leadsTeam(p: Principal, teamId: string): boolean {
  const managed = managedTeams(p);
  return managed === "all" || managed.includes(teamId);
}

/** Global settings (teamId null) belong to administrators; a team's to its leads and administrators. */
export function managesScope(p: Principal, teamId: string | null): boolean {
  return teamId === null ? p.isAdmin : leadsTeam(p, teamId);
}

export function requireAdmin(p: Principal): void {
  if (!p.isAdmin) throw new ForbiddenError("Only an account administrator can do that");
}

/** Administrators, and leads of at least one team (the narrower check follows once the team is known). */
export function requireSomeLead(p: Principal): void {
  if (!managesSomeTeam(p)) throw new ForbiddenError("Only an administrator or a team lead can do that");
}

/** Team-level settings: administrators, and leads of that team. */
export function requireTeamLead(p: Principal, teamId: string): void {
  if (!leadsTeam(p, teamId)) throw new ForbiddenError("Only an administrator or a lead of this team can do that");
}

/** Global settings when teamId is null, else that team's. */
export function requireScopeManager(p: Principal, teamId: string | null): void {
  if (teamId === null) requireAdmin(p);
  else requireTeamLead(p, teamId);
}
