import { and, asc, eq } from "drizzle-orm";
import { isUniqueViolation } from "@/db/query-errors";
import { db } from "@/db/client";
import { teamMemberships, teams, users } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { requireAdmin, type Principal, type TeamRole } from "@/lib/auth/principal";
import { ConflictError, NotFoundError } from "@/lib/errors";

export type TeamWithMembers = {
  id: string;
  name: string;
  members: { userId: string; email: string; name: string; role: TeamRole }[];
};

export async function listTeams(): Promise<TeamWithMembers[]> {
  const all = await db.select().from(teams).orderBy(asc(teams.name));
  const members = await db
    .select({
      teamId: teamMemberships.teamId,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: teamMemberships.role,
    })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .orderBy(asc(users.name));
  return all.map((t) => ({
    id: t.id,
    name: t.name,
    members: members.filter((m) => m.teamId === t.id).map(({ teamId: _t, ...m }) => m),
  }));
}

export async function createTeam(actor: Principal, input: { name: string }) {
  requireAdmin(actor);
  const taken = () => new ConflictError(`A team named "${input.name}" already exists`, { name: "Already taken" });
  return db
    .transaction(async (tx) => {
      const [existing] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, input.name));
      if (existing) throw taken();
      const [team] = await tx.insert(teams).values({ name: input.name }).returning();
      await audit(tx, actor, {
        action: "team.created",
        targetType: "team",
        targetId: team.id,
        teamId: team.id,
        details: { name: team.name },
      });
      return { id: team.id, name: team.name, members: [] };
    })
    .catch((error: unknown) => {
      // Another request created the same name between our check and our insert.
      throw isUniqueViolation(error, "teams_name_unique") ? taken() : error;
    });
}

export async function setMembership(actor: Principal, teamId: string, userId: string, role: TeamRole) {
  requireAdmin(actor);
  return db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId));
    if (!team) throw new NotFoundError("Team");
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError("User");
    await tx
      .insert(teamMemberships)
      .values({ teamId, userId, role })
      .onConflictDoUpdate({ target: [teamMemberships.teamId, teamMemberships.userId], set: { role } });
    await audit(tx, actor, {
      action: "team.member_set",
      targetType: "team",
      targetId: teamId,
      teamId,
      details: { userId, role },
    });
    return { teamId, userId, role };
  });
}

export async function removeMembership(actor: Principal, teamId: string, userId: string) {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(teamMemberships)
      .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)))
      .returning();
    if (removed.length === 0) throw new NotFoundError("Membership");
    await audit(tx, actor, {
      action: "team.member_removed",
      targetType: "team",
      targetId: teamId,
      teamId,
      details: { userId },
    });
  });
}
