import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { audit, COMMAND_LINE } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { NotFoundError } from "@/lib/errors";

/**
 * `npm run admin -- reset-password <email>`: a new random password for that person, returned to be
 * shown once. Whoever can run commands on the server already holds the database, so the command
 * line is trusted; the audit log records that the operator did it, never the password.
 */
export async function resetPassword(email: string): Promise<{ email: string; password: string }> {
  const address = email.trim().toLowerCase();
  const password = randomBytes(15).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.email, address))
      .returning({ id: users.id });
    if (!user) throw new NotFoundError(`User ${address}`);
    await audit(tx, COMMAND_LINE, {
      action: "user.password_reset",
      targetType: "user",
      targetId: user.id,
      details: { email: address },
    });
  });
  return { email: address, password };
}
