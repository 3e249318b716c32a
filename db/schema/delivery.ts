import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { integrations } from "./integrations";

export const deliveryStatus = pgEnum("delivery_status", ["pending", "delivered", "failed"]);

/**
 * The outbox: one row per message we owe a receiver (Svix's "message"). Written in the same
 * transaction as the change that causes it. A claimed row stays `pending` with a `claimId` and a
 * `leaseUntil`; once the lease has passed it is due again, so no sweep is needed.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    /** A UUIDv7 made by the enqueuer (lib/delivery/ids.ts): ids sort by creation time. */
    id: uuid("id").primaryKey().defaultRandom(),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    teamId: uuid("team_id"),
    /** What happened: `issues_created`, `issue_updated`, `ingest_completed`, `test`… */
    kind: text("kind").notNull(),
    /** The provider's input; the exact body is fixed at the first attempt and kept in `body`. */
    payload: jsonb("payload").$type<unknown>().notNull(),
    /** The bytes sent, with provider secrets masked: they go back in at `bodySecrets` when sent. */
    body: text("body"),
    /** Where the masked secrets sit in `body` (lib/delivery/body-secrets.ts). */
    bodySecrets: jsonb("body_secrets").$type<[string, number, number, "j" | "r"][]>(),
    status: deliveryStatus("status").notNull().default("pending"),
    /** Attempts in the current run; Redeliver starts a new run. Every attempt is a delivery_attempts row. */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    claimId: uuid("claim_id"),
    leaseUntil: timestamp("lease_until", { withTimezone: true, precision: 3 }),
    /** Not due while an earlier delivery of its integration is pending (lib/delivery/claim.ts). */
    afterEarlier: boolean("after_earlier").notNull().default(false),
    /** Set while an event may still absorb more ids; cleared when claimed. */
    coalesceKey: text("coalesce_key"),
    firstEnqueuedAt: timestamp("first_enqueued_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true, precision: 3 }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, precision: 3 }),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
  },
  (t) => [
    index("deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    uniqueIndex("deliveries_coalesce_uq")
      .on(t.coalesceKey)
      .where(sql`status = 'pending' and coalesce_key is not null`),
    // Newest first per integration; the primary key (time-ordered ids) serves the global list.
    index("deliveries_integration_idx").on(t.integrationId, t.id),
    // What an after-earlier delivery waits for: the pending deliveries of its integration (claim.ts).
    index("deliveries_pending_integration_idx")
      .on(t.integrationId, t.id)
      .where(sql`status = 'pending'`),
    // Whether any such delivery is waiting at all, asked at every claim: tiny, as they are rare.
    index("deliveries_followers_idx")
      .on(t.integrationId)
      .where(sql`status = 'pending' and after_earlier`),
  ],
);

/**
 * One row per HTTP attempt (Svix's "attempt"): what we sent, what came back. Attempts go with
 * their delivery, 14 days after it was created; no index on `at` slows every insert.
 */
export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Origin and a masked path: webhook URLs are secrets. */
    requestUrl: text("request_url").notNull().default(""),
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>().notNull().default({}),
    /** Null when it is the delivery's own body, as it is for every attempt of a queued delivery. */
    requestBody: text("request_body"),
    status: integer("status"),
    /** The first 20 KB of the receiver's answer. */
    responseBody: text("response_body"),
    durationMs: integer("duration_ms").notNull().default(0),
    error: text("error"),
  },
  (t) => [index("delivery_attempts_delivery_idx").on(t.deliveryId, t.id)],
);

/**
 * Per-endpoint token buckets (lib/rate-limit/bucket.ts), shared by every worker on the
 * database so that Slack's 1/s holds however many workers run. Times are epoch milliseconds.
 */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedAtMs: doublePrecision("updated_at_ms").notNull(),
  nextSlotMs: doublePrecision("next_slot_ms").notNull().default(0),
});

export type DeliveryRow = typeof deliveries.$inferSelect;
export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect;
