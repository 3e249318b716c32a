import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { teams } from "./people";
import { ticketSyncColumns } from "./sync-columns";

export const assetKind = pgEnum("asset_kind", ["code", "log", "host", "productivity", "asset"]);
export const severity = pgEnum("severity", ["error", "warning", "info"]);
export const issueStatus = pgEnum("issue_status", ["open", "resolved", "ignored"]);

/** An asset's id is the scanner's own id, e.g. `github.com/maggie/jelly-sandwich`. */
export const assets = pgTable(
  "assets",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: assetKind("kind").notNull(),
    url: text("url"),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    lastIngestAt: timestamp("last_ingest_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Deleted assets are hidden; a later ingest of the same id creates the asset afresh. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("assets_team_idx").on(t.teamId)],
);

export const detectors = pgTable("detectors", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  severity: severity("severity").notNull(),
});

export const issues = pgTable(
  "issues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assetId: text("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    /** fingerprint, or a hash of detectorId + path + content: the issue's identity in its asset. */
    identity: text("identity").notNull(),
    kind: assetKind("kind").notNull(),
    detectorId: text("detector_id").notNull(),
    detectorName: text("detector_name").notNull(),
    severity: severity("severity").notNull(),
    path: text("path").notNull().default(""),
    content: text("content").notNull().default(""),
    uri: text("uri").notNull().default(""),
    status: issueStatus("status").notNull().default("open"),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull().defaultNow(),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * A deleted issue stays as a tombstone so an Events Webhook consumer can still fetch every id
     * it was sent. Its identity is rewritten to `deleted:<id>`, so the finding can come back as new.
     */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("issues_asset_identity_uq").on(t.assetId, t.identity),
    // Keyset pagination walks (first_seen desc, id desc). These serve the table's tab + status
    // view, a tab alone, one asset, and everything else (status or severity alone are filtered
    // while walking the last one: each matches a large share of rows).
    index("issues_kind_status_seen_idx")
      .on(t.kind, t.status, t.firstSeen.desc(), t.id.desc())
      .where(sql`deleted_at is null`),
    index("issues_kind_seen_idx")
      .on(t.kind, t.firstSeen.desc(), t.id.desc())
      .where(sql`deleted_at is null`),
    index("issues_asset_seen_idx").on(t.assetId, t.firstSeen.desc(), t.id.desc()),
    index("issues_seen_idx")
      .on(t.firstSeen.desc(), t.id.desc())
      .where(sql`deleted_at is null`),
  ],
);

/**
 * Which detection ruleset last masked an asset's stored finding contents. An asset without a row,
 * or with an older ruleset, has issues stored before masking (or before rules it lacks): ingest and
 * the startup backfill mask them again (lib/issues/masking.ts).
 */
export const contentMasking = pgTable("content_masking", {
  assetId: text("asset_id")
    .primaryKey()
    .references(() => assets.id, { onDelete: "cascade" }),
  ruleset: text("ruleset").notNull(),
  maskedAt: timestamp("masked_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per accepted ingest: every ingest is a new scan, with its own id and counts. */
export const ingests = pgTable(
  "ingests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assetId: text("asset_id").notNull(),
    findings: integer("findings").notNull(),
    result: jsonb("result").$type<{ created: number; updated: number; resolved: number; deleted: number }>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ingests_asset_created_idx").on(t.assetId, t.createdAt.desc())],
);

/** Tickets made from an issue: at most one per provider. */
export const issueTickets = pgTable(
  "issue_tickets",
  {
    issueId: uuid("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    key: text("key").notNull(),
    url: text("url").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    ...ticketSyncColumns,
  },
  (t) => [primaryKey({ columns: [t.issueId, t.provider] }), index("issue_tickets_key_idx").on(t.provider, t.key)],
);
