import { ticketWords, type TicketProviderId } from "@/lib/integrations/registry";

/** How often linked tickets are reconciled, for webhooks that were lost (contract §1). */
export function reconcileMs(): number {
  const value = Number(process.env.SYNC_RECONCILE_MS);
  return Number.isFinite(value) && value > 0 ? value : 300_000;
}

/** A Jira key as Jira makes them; only such keys go into JQL. */
export const JIRA_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/** "Jira SEC-1", "monday item 123". */
export function ticketName(provider: TicketProviderId, key: string): string {
  const { tool, keyPrefix } = ticketWords(provider);
  return `${tool} ${keyPrefix}${key}`;
}
