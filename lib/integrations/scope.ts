import { and, eq, isNull } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { integrations, teams } from "@/db/schema";
import { requireScopeManager, type Principal } from "@/lib/auth/principal";
import { NotFoundError } from "@/lib/errors";
import { getProvider, offeredAt } from "./registry";
import type { Provider } from "./types";
import { isUuid } from "@/lib/ids";

/** The provider behind a path segment, or 404. */
export function providerFor(id: string): Provider {
  const provider = getProvider(id);
  if (!provider) throw new NotFoundError(`Integration provider "${id}"`);
  return provider;
}

/**
 * Who may manage a scope: the global one is the administrators'; a team's is also its leads'.
 * A malformed or unknown team is 404, but only after the role check, so a member learns nothing
 * about which teams exist.
 */
export async function authorizeScope(principal: Principal, teamId: string | null): Promise<void> {
  requireScopeManager(principal, teamId);
  if (teamId === null) return;
  if (!isUuid(teamId)) throw new NotFoundError("Team");
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw new NotFoundError("Team");
}

/** A provider offered at this scope (the Custom Webhook has no team level: 404 there), authorized. */
export async function authorizeProvider(
  principal: Principal,
  providerId: string,
  teamId: string | null,
): Promise<Provider> {
  const provider = providerFor(providerId);
  if (!offeredAt(provider, teamId)) throw new NotFoundError(`${provider.name} at team level`);
  await authorizeScope(principal, teamId);
  return provider;
}

type ScopedTable = { provider: AnyPgColumn; teamId: AnyPgColumn };

export const scopeWhere = (provider: string, teamId: string | null, table: ScopedTable = integrations) =>
  and(eq(table.provider, provider), teamId === null ? isNull(table.teamId) : eq(table.teamId, teamId));

export async function findIntegration(executor: Executor, provider: string, teamId: string | null) {
  const [row] = await executor.select().from(integrations).where(scopeWhere(provider, teamId));
  return row;
}

export type IntegrationRow = typeof integrations.$inferSelect;
