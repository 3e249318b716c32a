import { z } from "zod";

// Client-safe: the settings form imports this.

/**
 * Ticket sync settings of the Jira and monday integrations (contract §3): whether a ticket reaching
 * done resolves its issue, and where the product moves the ticket when the issue resolves (a Jira
 * transition name or a monday status label; null: it only comments).
 */
export const syncSettingsSchema = z.object({
  resolveOnDone: z.boolean({ message: "Choose whether a done ticket resolves its issue" }).default(true),
  onResolve: z
    .string({ message: "Name a transition or status label, or null" })
    .trim()
    .min(1, "Name a transition or status label, or null")
    .max(255, "At most 255 characters")
    .nullable()
    .default(null),
});
export type SyncSettings = z.output<typeof syncSettingsSchema>;

export const DEFAULT_SYNC: SyncSettings = { resolveOnDone: true, onResolve: null };

/** The stored `sync` settings of an integration, defaults filled in. */
export function syncSettingsOf(settings: Record<string, unknown>): SyncSettings {
  const parsed = syncSettingsSchema.safeParse(settings.sync ?? {});
  return parsed.success ? parsed.data : DEFAULT_SYNC;
}
