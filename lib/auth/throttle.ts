import { inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { loginThrottle } from "@/db/schema";

const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES = 3;
const LOCK_AFTER = 10;

/**
 * Failed sign-ins are counted per address and per account, in the database so that every web
 * process sees them. After a few failures each attempt is delayed (doubling up to 8 s); after
 * LOCK_AFTER failures in the window the key is refused until the window ends.
 */
export async function throttleState(keys: string[]): Promise<{ delayMs: number; lockedForMs: number }> {
  const rowsFound = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const now = Date.now();
  let failures = 0;
  let lockedForMs = 0;
  for (const r of rowsFound) {
    const age = now - r.windowStart.getTime();
    if (age > WINDOW_MS) continue;
    failures = Math.max(failures, r.failures);
    if (r.failures >= LOCK_AFTER) lockedForMs = Math.max(lockedForMs, WINDOW_MS - age);
  }
  const over = failures - FREE_FAILURES;
  const delayMs = over < 0 ? 0 : Math.min(8000, 250 * 2 ** over);
  return { delayMs, lockedForMs };
}

export async function recordFailure(keys: string[]): Promise<void> {
  for (const key of keys) {
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStart} < now() - interval '15 minutes' then 1 else ${loginThrottle.failures} + 1 end`,
          windowStart: sql`case when ${loginThrottle.windowStart} < now() - interval '15 minutes' then now() else ${loginThrottle.windowStart} end`,
        },
      });
  }
}

export async function clearFailures(keys: string[]): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}

export function throttleKeys(email: string, ip: string | null): string[] {
  return [`email:${email.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
}
