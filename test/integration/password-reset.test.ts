import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { NotFoundError } from "@/lib/errors";
import { resetPassword } from "@/lib/people/password-reset";
import { setupAdmin } from "@/test/support/api";

beforeAll(async () => {
  await setupAdmin();
});

async function hashOf(email: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, email));
  return row.hash;
}

describe("npm run admin -- reset-password", () => {
  it("sets a new random password that signs in, retires the old one, and audits who did it without the password", async () => {
    const { email, password } = await resetPassword("  Root@Example.com ");
    expect(email).toBe("root@example.com");
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await verifyPassword(await hashOf(email), password)).toBe(true);
    expect(await verifyPassword(await hashOf(email), "correct horse battery staple")).toBe(false);
    expect((await resetPassword(email)).password).not.toBe(password);

    const audit = await rows<{
      actorId: string | null;
      actorEmail: string;
      action: string;
      details: Record<string, unknown>;
    }>(
      db,
      sql`select actor_id as "actorId", actor_email as "actorEmail", action, details from audit_log where action = 'user.password_reset'`,
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actorId: null,
      actorEmail: "operator (npm run admin)",
      details: { email: "root@example.com" },
    });
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("names an unknown address and changes nothing", async () => {
    const before = await rows(db, sql`select count(*)::int as n from audit_log`);
    await expect(resetPassword("nobody@example.com")).rejects.toBeInstanceOf(NotFoundError);
    expect(await rows(db, sql`select count(*)::int as n from audit_log`)).toEqual(before);
  });
});
