import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { integrations } from "./integrations";

/**
 * Ticket sync's reconciliation, one row per Jira or monday integration: a durable task
 * due every SYNC_RECONCILE_MS, claimed under a lease with SKIP LOCKED like the outbox, so any
 * number of processes run each integration's reconciliation once per period.
 */
export const syncRuns = pgTable(
  "sync_runs",
  {
    integrationId: uuid("integration_id")
      .primaryKey()
      .references(() => integrations.id, { onDelete: "cascade" }),
    nextRunAt: timestamp("next_run_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    claimId: uuid("claim_id"),
    leaseUntil: timestamp("lease_until", { withTimezone: true, precision: 3 }),
    lastStartedAt: timestamp("last_started_at", { withTimezone: true, precision: 3 }),
    lastFinishedAt: timestamp("last_finished_at", { withTimezone: true, precision: 3 }),
    lastError: text("last_error"),
    checked: integer("checked").notNull().default(0),
    changed: integer("changed").notNull().default(0),
    unlinked: integer("unlinked").notNull().default(0),
    /** The product's own account in the tool (Jira accountId, monday user id): its changes are not news. */
    accountId: text("account_id"),
  },
  (t) => [index("sync_runs_due_idx").on(t.nextRunAt)],
);

/** monday `create_webhook` subscriptions made for a board's status column. */
export const syncWebhooks = pgTable(
  "sync_webhooks",
  {
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    boardId: text("board_id").notNull(),
    webhookId: text("webhook_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.boardId] })],
);
