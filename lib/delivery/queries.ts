import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { deliveries, deliveryAttempts, integrations } from "@/db/schema";
import { managedTeams, managesScope, managesSomeTeam, type Principal } from "@/lib/auth/principal";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ListDeliveriesQuery } from "./schemas";

export type AttemptView = {
  at: string;
  status: number | null;
  durationMs: number;
  error: string | null;
  requestUrl: string;
  requestHeaders: Record<string, string>;
  responseBody: string | null;
};

export type DeliveryView = {
  id: string;
  integrationId: string;
  provider: string;
  teamId: string | null;
  kind: string;
  status: "pending" | "delivered" | "failed";
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  /** The exact bytes sent: the same on every attempt and redelivery. Null until the first attempt. */
  requestBody: string | null;
  attempts: AttemptView[];
};

/** Which deliveries this principal may see: all for administrators, their teams' for leads. */
export function visibleTeams(p: Principal): "all" | string[] {
  if (!managesSomeTeam(p)) throw new ForbiddenError("Only an administrator or a team lead can see deliveries");
  return managedTeams(p);
}

/** Whether this principal may act on a delivery of `teamId`'s (null: a global one); members may not look at all. */
export function mayManage(p: Principal, teamId: string | null): boolean {
  visibleTeams(p);
  return managesScope(p, teamId);
}

/** Newest first. Ids are time-ordered, so the cursor is simply the last id of the page. */
export async function listDeliveries(
  p: Principal,
  q: ListDeliveriesQuery,
): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  const teams = visibleTeams(p);
  if (q.teamId && teams !== "all" && !teams.includes(q.teamId))
    throw new ForbiddenError("You can see only the deliveries of teams you lead");
  if (q.integrationId) {
    const [integration] = await db
      .select({ teamId: integrations.teamId })
      .from(integrations)
      .where(eq(integrations.id, q.integrationId));
    if (!integration) throw new NotFoundError("Integration");
    if (!mayManage(p, integration.teamId))
      throw new ForbiddenError("You can see only the deliveries of teams you lead");
  }
  const where: (SQL | undefined)[] = [
    q.provider ? eq(deliveries.provider, q.provider) : undefined,
    q.teamId ? eq(deliveries.teamId, q.teamId) : undefined,
    q.integrationId ? eq(deliveries.integrationId, q.integrationId) : undefined,
    q.status ? eq(deliveries.status, q.status) : undefined,
    q.cursor ? lt(deliveries.id, q.cursor) : undefined,
    teams === "all" ? undefined : inArray(deliveries.teamId, teams),
  ];
  const found = await db
    .select()
    .from(deliveries)
    .where(and(...where))
    .orderBy(desc(deliveries.id))
    .limit(q.limit + 1);
  const page = found.slice(0, q.limit);
  const attempts = await attemptsFor(
    page.map((d) => d.id),
    false,
  );
  return {
    items: page.map((d) => view(d, attempts.get(d.id) ?? [])),
    nextCursor: found.length > q.limit ? page[page.length - 1].id : null,
  };
}

/** One delivery with every attempt in full: masked request headers, response bodies. */
export async function getDelivery(p: Principal, id: string): Promise<DeliveryView> {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
  if (!row || !mayManage(p, row.teamId)) throw new NotFoundError("Delivery");
  const attempts = await attemptsFor([id], true);
  return view(row, attempts.get(id) ?? []);
}

async function attemptsFor(ids: string[], full: boolean): Promise<Map<string, AttemptView[]>> {
  const byDelivery = new Map<string, AttemptView[]>();
  if (ids.length === 0) return byDelivery;
  const found = await db
    .select()
    .from(deliveryAttempts)
    .where(inArray(deliveryAttempts.deliveryId, ids))
    .orderBy(deliveryAttempts.id);
  for (const a of found) {
    const list = byDelivery.get(a.deliveryId) ?? [];
    list.push({
      at: a.at.toISOString(),
      status: a.status,
      durationMs: a.durationMs,
      error: a.error,
      requestUrl: a.requestUrl,
      requestHeaders: full ? a.requestHeaders : {},
      responseBody: full ? a.responseBody : null,
    });
    byDelivery.set(a.deliveryId, list);
  }
  return byDelivery;
}

function view(d: typeof deliveries.$inferSelect, attempts: AttemptView[]): DeliveryView {
  return {
    id: d.id,
    integrationId: d.integrationId,
    provider: d.provider,
    teamId: d.teamId,
    kind: d.kind,
    status: d.status,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    requestBody: d.body,
    attempts,
  };
}
