import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { severity } from "./findings";
import { teams, users } from "./people";

/**
 * One row per (provider, scope). `teamId` null is the global integration.
 * `settings` holds non-secret fields; `secrets` is an AES-256-GCM envelope (lib/crypto).
 */
export const integrations = pgTable(
  "integrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: text("provider").notNull(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(true),
    minSeverity: severity("min_severity").notNull().default("info"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    secrets: text("secrets"),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    failingSince: timestamp("failing_since", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("integrations_provider_team_uq").on(t.provider, t.teamId).nullsNotDistinct(),
    index("integrations_team_idx").on(t.teamId),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    teamId: uuid("team_id"),
    /** Field names and non-secret values only; secrets are recorded as "changed". */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_at_idx").on(t.at.desc())],
);

/**
 * The latest Test of settings that were not saved yet, one per scope. A Save of exactly those
 * settings (same fingerprint, an HMAC under SECRETS_KEY, never the values) keeps that Test's outcome as
 * the integration's status, so "Test, then Save" does not forget that the Test passed.
 */
export const integrationTests = pgTable(
  "integration_tests",
  {
    provider: text("provider").notNull(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    ok: boolean("ok").notNull(),
    error: text("error"),
  },
  (t) => [unique("integration_tests_scope_uq").on(t.provider, t.teamId).nullsNotDistinct()],
);

/**
 * The alerts an alerting integration (PagerDuty) has open: one row per trigger it was sent, until
 * the issue closes. The resolve goes to the integrations holding the issue's row, whatever their
 * team or minimum severity is by then, so an alert is never left open by a later settings change or
 * an asset moving team. No foreign key to the issue: a deleted issue's alert is resolved too.
 */
export const openAlerts = pgTable(
  "open_alerts",
  {
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    issueId: uuid("issue_id").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.issueId] }), index("open_alerts_issue_idx").on(t.issueId)],
);
