import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  teamId?: string | null;
  /** Never secrets: record a secret field as "changed". */
  details?: Record<string, unknown>;
};

/** Who acts: a signed-in person, or the operator at the server's command line (no account). */
export type Actor = Pick<Principal, "email"> & { userId: string | null };

export const COMMAND_LINE: Actor = { userId: null, email: "operator (npm run admin)" };

/** Write an audit record inside the caller's transaction, so it exists only if the change does. */
export async function audit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.userId,
    actorEmail: actor.email,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    teamId: entry.teamId ?? null,
    details: entry.details ?? {},
  });
}
