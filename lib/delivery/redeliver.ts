import { and, eq, gte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { deliveries, integrations } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { notifyWorkers } from "./outbox";
import { type DeliveryView, getDelivery, mayManage } from "./queries";

// A new run: due now, a fresh attempt budget, no claim. The body stays as it was sent, and the
// worker signs it again at its attempt, so the receiver sees the same bytes and delivery id under
// a new timestamp and signature.
const newRun = {
  status: "pending" as const,
  attempts: 0,
  nextAttemptAt: sql`now()`,
  claimId: null,
  leaseUntil: null,
  lastError: null,
};

/** Send a delivery again: same body, same delivery id, fresh signature. */
export async function redeliver(p: Principal, id: string): Promise<DeliveryView> {
  const [row] = await db
    .select({ teamId: deliveries.teamId, status: deliveries.status, claimId: deliveries.claimId })
    .from(deliveries)
    .where(eq(deliveries.id, id));
  if (!row || !mayManage(p, row.teamId)) throw new NotFoundError("Delivery");
  if (row.status === "pending" && row.claimId) throw new ConflictError("This delivery is being sent right now");
  await db.transaction(async (tx) => {
    await tx.update(deliveries).set(newRun).where(eq(deliveries.id, id));
    await notifyWorkers(tx);
  });
  return getDelivery(p, id);
}

/** "Retry all failed since …": every failure of one integration whose last attempt is that recent. */
export async function retryFailedSince(p: Principal, integrationId: string, since: Date): Promise<{ count: number }> {
  const [integration] = await db
    .select({ teamId: integrations.teamId })
    .from(integrations)
    .where(eq(integrations.id, integrationId));
  if (!integration) throw new NotFoundError("Integration");
  if (!mayManage(p, integration.teamId))
    throw new ForbiddenError("Only an administrator or a lead of this team can retry its deliveries");
  const retried = await db.transaction(async (tx) => {
    const rowsRetried = await tx
      .update(deliveries)
      .set(newRun)
      .where(
        and(
          eq(deliveries.integrationId, integrationId),
          eq(deliveries.status, "failed"),
          gte(sql`coalesce(${deliveries.lastAttemptAt}, ${deliveries.createdAt})`, since),
        ),
      )
      .returning({ id: deliveries.id });
    if (rowsRetried.length) await notifyWorkers(tx);
    return rowsRetried.length;
  });
  return { count: retried };
}
