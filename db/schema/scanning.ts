import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { integrations } from "./integrations";

/**
 * How a Jira or Confluence integration scans, kept apart from its connection settings.
 * `secrets` is an AES-256-GCM envelope (lib/crypto) holding the webhook token.
 */
export const scanSettings = pgTable("scan_settings", {
  integrationId: uuid("integration_id")
    .primaryKey()
    .references(() => integrations.id, { onDelete: "cascade" }),
  /** Project keys (Jira) or space keys (Confluence). An empty allow list allows all. */
  allow: jsonb("allow").$type<string[]>().notNull().default([]),
  deny: jsonb("deny").$type<string[]>().notNull().default([]),
  redact: boolean("redact").notNull().default(false),
  redactMessage: text("redact_message").notNull(),
  secrets: text("secrets").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A durable scan: a full "Scan now" or one ticket/page named by a webhook. Work happens in steps
 * (one search page, one ticket); each step is claimed with a lease like the delivery outbox, and
 * its progress and cursor are saved when it ends, so a restarted server resumes at the next step.
 */
export const scanJobs = pgTable(
  "scan_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    /** `full` or `item`. */
    kind: text("kind").notNull(),
    /** The ticket key or page id of an item scan. */
    target: text("target"),
    /** `queued`, `running`, `done`, `cancelled` or `failed`. */
    state: text("state").notNull().default("queued"),
    scanned: integer("scanned").notNull().default(0),
    total: integer("total").notNull().default(0),
    found: integer("found").notNull().default(0),
    /** Projects or spaces a team's scan left alone: their asset belongs to another team (or none). */
    skipped: integer("skipped").notNull().default(0),
    cursor: jsonb("cursor").$type<Record<string, unknown>>().notNull().default({}),
    nextRunAt: timestamp("next_run_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    claimId: uuid("claim_id"),
    leaseUntil: timestamp("lease_until", { withTimezone: true, precision: 3 }),
    /** Consecutive failed steps; a 429 is not a failure. */
    failures: integer("failures").notNull().default(0),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index("scan_jobs_due_idx")
      .on(t.nextRunAt)
      .where(sql`state in ('queued', 'running')`),
    index("scan_jobs_integration_idx").on(t.integrationId, t.createdAt.desc()),
    // One full scan at a time per integration; a burst of webhooks for one ticket is one queued scan.
    uniqueIndex("scan_jobs_full_uq")
      .on(t.integrationId)
      .where(sql`kind = 'full' and state in ('queued', 'running')`),
    uniqueIndex("scan_jobs_item_uq")
      .on(t.integrationId, t.target)
      .where(sql`kind = 'item' and state = 'queued'`),
  ],
);

/**
 * What a full scan found per ticket or page, kept until its project or space is complete and
 * ingested as one scan of that asset. Keyed by container, so a repeated step overwrites.
 */
export const scanItems = pgTable(
  "scan_items",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => scanJobs.id, { onDelete: "cascade" }),
    container: text("container").notNull(),
    assetId: text("asset_id").notNull(),
    paths: jsonb("paths").$type<string[]>().notNull(),
    findings: jsonb("findings").$type<unknown[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.container] }), index("scan_items_asset_idx").on(t.jobId, t.assetId)],
);
