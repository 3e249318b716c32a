import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { DUMMY_HASH, verifyPassword } from "./password";
import { clearAttempts, countAttempt } from "./throttle";

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "too_many_attempts" };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Check an email and password coming from `address`. The attempt is counted first; a pair that
 * failed too often is refused without looking at the password, one that failed a few times waits.
 */
export async function checkCredentials(
  email: string,
  password: string,
  address: string,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<SignInOutcome> {
  const verdict = await countAttempt(email, address);
  if (verdict.refused) return { ok: false, reason: "too_many_attempts" };
  if (verdict.delayMs > 0) await wait(verdict.delayMs);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  // An unknown email costs the same argon2 verification, so timing does not tell who has an account.
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok) return { ok: false, reason: "invalid" };
  await clearAttempts(email, address);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
