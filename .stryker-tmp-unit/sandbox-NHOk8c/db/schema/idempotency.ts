// @ts-nocheck
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * `Idempotency-Key`s seen in the last 24 hours, per caller (lib/idempotency). The row is written in
 * the same transaction as the request's change, with its answer, so a retry finds either both or
 * neither. A concurrent retry waits on the row's key until the first commits.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id").notNull(),
    key: text("key").notNull(),
    /** What the key was used for (`ingest`) and a digest of the request: a reuse must match both. */
    operation: text("operation").notNull(),
    requestHash: text("request_hash").notNull(),
    /** The first answer; null only inside the transaction that is still making it. */
    response: jsonb("response").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
