import { sql } from "drizzle-orm";
import { type Executor, rows } from "@/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";

/** How long a key holds its first answer. */
const WINDOW = sql.raw(`interval '24 hours'`);
const KEY = /^[\x21-\x7e]{1,255}$/;
const FIELD = "Idempotency-Key";

/** The `Idempotency-Key` header: absent, or 1 to 255 visible ASCII characters. */
export function parseIdempotencyKey(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!KEY.test(value))
    throw new ValidationError(
      `${FIELD} must be 1 to 255 visible ASCII characters`,
      { [FIELD]: "1 to 255 visible ASCII characters" },
      400,
    );
  return value;
}

/** One caller's use of one key: what for, and a digest of the request. */
export type KeyedRequest = { userId: string; key: string; operation: string; requestHash: string };

/**
 * Run `work` at most once per caller and key within 24 hours, inside the caller's transaction.
 * The key row is written first: a concurrent request with the same key waits on it until this
 * transaction ends, then finds its answer (or, if this one rolled back, does the work itself).
 * The same key with another request answers 422 and changes nothing. Expired keys are pruned
 * here, a few hundred at a time, so the table holds about a day of keyed requests.
 */
export async function runOnce<T>(
  tx: Executor,
  request: KeyedRequest,
  work: () => Promise<T>,
): Promise<{ response: T; replayed: boolean }> {
  const { userId, key, operation, requestHash } = request;
  await tx.execute(
    sql`delete from idempotency_keys where user_id = ${userId} and key = ${key} and created_at < now() - ${WINDOW}`,
  );
  await tx.execute(
    sql`delete from idempotency_keys where ctid = any(array(
          select ctid from idempotency_keys where created_at < now() - ${WINDOW} limit 500 for update skip locked))`,
  );
  const claimed = await rows(
    tx,
    sql`insert into idempotency_keys (user_id, key, operation, request_hash) values (${userId}, ${key}, ${operation}, ${requestHash})
        on conflict (user_id, key) do nothing returning 1`,
  );
  if (claimed.length === 0) {
    const [first] = await rows<{ operation: string; requestHash: string; response: T | null }>(
      tx,
      sql`select operation, request_hash as "requestHash", response from idempotency_keys where user_id = ${userId} and key = ${key}`,
    );
    if (!first || first.response === null)
      throw new ConflictError(`A request with this ${FIELD} is still in progress; retry shortly`);
    if (first.operation !== operation || first.requestHash !== requestHash) {
      throw new ValidationError(
        `${FIELD} was already used with a different request in the last 24 hours; use a new key for a new request`,
        {
          [FIELD]: "Already used with a different request",
        },
      );
    }
    return { response: first.response, replayed: true };
  }
  const response = await work();
  await tx.execute(
    sql`update idempotency_keys set response = ${JSON.stringify(response)}::jsonb where user_id = ${userId} and key = ${key}`,
  );
  return { response, replayed: false };
}
