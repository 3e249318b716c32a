import { desc, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, teams } from "@/db/schema";
import { managedTeams, managesSomeTeam, type Principal } from "@/lib/auth/principal";
import { ForbiddenError } from "@/lib/errors";

export type AuditRow = {
  id: string;
  at: string;
  actorEmail: string;
  action: string;
  teamId: string | null;
  teamName: string | null;
  details: Record<string, unknown>;
};

const LIMIT = 200;

/**
 * The audit log a person may read: administrators everything, team leads their teams' entries,
 * members nothing. Entries never hold secrets (they name changed secret fields only).
 */
export async function listAuditEntries(principal: Principal): Promise<AuditRow[]> {
  if (!managesSomeTeam(principal))
    throw new ForbiddenError("Only administrators and team leads can read the audit log");
  const managed = managedTeams(principal);
  const query = db.select().from(auditLog);
  const entries = await (managed === "all" ? query : query.where(inArray(auditLog.teamId, managed)))
    .orderBy(desc(auditLog.at))
    .limit(LIMIT);
  const names = new Map((await db.select({ id: teams.id, name: teams.name }).from(teams)).map((t) => [t.id, t.name]));
  return entries.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actorEmail: e.actorEmail,
    action: e.action,
    teamId: e.teamId,
    teamName: e.teamId ? (names.get(e.teamId) ?? "Deleted team") : null,
    details: e.details,
  }));
}
