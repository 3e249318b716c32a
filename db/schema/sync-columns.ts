import { boolean, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * What ticket sync keeps on each `issue_tickets` row: the integration that made the
 * ticket, where it lives, and its status in the tool as last synced. No foreign key on the
 * integration: a deleted integration leaves its tickets as plain links, which sync skips.
 */
export const ticketSyncColumns = {
  integrationId: uuid("integration_id"),
  /** Jira project key or monday board id. */
  container: text("container"),
  /** The tool's own status name ("To Do", "Done") as last synced. */
  status: text("status"),
  /** Jira's status category key (`new`, `indeterminate`, `done`); monday: `done` or `new`. */
  statusCategory: text("status_category"),
  syncedAt: timestamp("synced_at", { withTimezone: true }),
  /** True while the issue is resolved because this ticket reached done. */
  resolvedIssue: boolean("resolved_issue").notNull().default(false),
  /** The status the product moved the ticket away from when its issue resolved, to move it back on reopen. */
  restoreStatus: text("restore_status"),
};
