/** How often linked tickets are reconciled, for webhooks that were lost (contract §1). */
export function reconcileMs(): number {
  const value = Number(process.env.SYNC_RECONCILE_MS);
  return Number.isFinite(value) && value > 0 ? value : 300_000;
}

/** A Jira key as Jira makes them; only such keys go into JQL. */
export const JIRA_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

export const SYNC_PROVIDERS = ["jira", "monday"] as const;
export type SyncProvider = (typeof SYNC_PROVIDERS)[number];

/** "Jira SEC-1", "monday item 123". */
export function ticketName(provider: string, key: string): string {
  return provider === "jira" ? `Jira ${key}` : `monday item ${key}`;
}
