// @ts-nocheck
import { and, eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { signInAttempts } from "@/db/schema";

const WINDOW = "15 minutes";
/** Attempts a pair may make at full speed; later ones wait, doubling up to MAX_DELAY_MS. */
const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 8000;
/** After this many attempts without a success the pair is refused until its window ends. */
const REFUSE_AFTER = 10;

export type AttemptVerdict = { refused: boolean; delayMs: number; attempt: number };

/**
 * Count this attempt of the pair (email, client address) before its password is checked, and say
 * whether it may go ahead and after how long. Counting first, in one atomic upsert, is what makes
 * parallel attempts all count: a check followed by a later increment lets a burst through whole.
 */
export async function countAttempt(email: string, address: string): Promise<AttemptVerdict> {
  const [row] = await rows<{ attempts: number }>(
    db,
    sql`insert into sign_in_attempts (email, address, attempts, window_start) values (${email}, ${address}, 1, now())
        on conflict (email, address) do update set
          attempts = case when sign_in_attempts.window_start < now() - ${WINDOW}::interval then 1 else sign_in_attempts.attempts + 1 end,
          window_start = case when sign_in_attempts.window_start < now() - ${WINDOW}::interval then now() else sign_in_attempts.window_start end
        returning attempts`,
  );
  const attempt = Number(row.attempts);
  const earlier = attempt - 1;
  const delayMs = earlier < FREE_ATTEMPTS ? 0 : Math.min(MAX_DELAY_MS, 250 * 2 ** (earlier - FREE_ATTEMPTS));
  return { refused: earlier >= REFUSE_AFTER, delayMs, attempt };
}

/** A success starts the pair afresh; other addresses' counts for the email are theirs to keep. */
export async function clearAttempts(email: string, address: string): Promise<void> {
  await db.delete(signInAttempts).where(and(eq(signInAttempts.email, email), eq(signInAttempts.address, address)));
}
