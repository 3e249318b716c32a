import { sql } from "drizzle-orm";
import { db, type Executor, rows, textArray } from "@/db/client";
import { TICKET_PROVIDER_IDS, type TicketProviderId } from "@/lib/integrations/registry";

/** Detectors for the table's filter menu. */
export async function detectorOptions(executor: Executor = db): Promise<{ id: string; name: string }[]> {
  return rows(executor, sql`select id, name from detectors order by name, id`);
}

/** Teams for filter and mapping menus: id and name only. */
export async function teamOptions(executor: Executor = db): Promise<{ id: string; name: string }[]> {
  return rows(executor, sql`select id::text as id, name from teams order by name`);
}

export type TicketProviders = Record<TicketProviderId, boolean>;

/**
 * Whether each ticket provider is set up anywhere (globally or for a team), so the quick view can
 * say "not configured" instead of opening a dialog that cannot work.
 */
export async function configuredTicketProviders(executor: Executor = db): Promise<TicketProviders> {
  const found = await rows<{ provider: string }>(
    executor,
    sql`select distinct provider from integrations where enabled and provider = any(${textArray(TICKET_PROVIDER_IDS)})`,
  );
  return Object.fromEntries(
    TICKET_PROVIDER_IDS.map((id) => [id, found.some((r) => r.provider === id)]),
  ) as TicketProviders;
}
