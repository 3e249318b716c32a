import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { verifyPassword } from "@/lib/auth/password";

describe("the demo account", () => {
  it("gives every demo person a password of their own, printed once beside the administrator's", async () => {
    process.env.ADMIN_EMAIL = "admin@example.com";
    delete process.env.ADMIN_PASSWORD;
    delete process.env.ADMIN_API_TOKEN;
    delete process.env.DEMO_PASSWORDS;
    const printed: string[] = [];
    await bootstrap({ seedDemo: true, log: (line) => printed.push(line) });

    const people = await db.select().from(users);
    expect(people.map((p) => p.email).sort()).toEqual([
      "admin@example.com",
      "analyst@example.com",
      "lead@example.com",
      "payments.lead@example.com",
    ]);
    expect(new Set(people.map((p) => p.passwordHash)).size).toBe(4);

    // Each printed line names a person and the password that signs them in, and only them.
    const shown = new Map(
      printed.flatMap((line) => {
        const match = line.match(/(\S+@example\.com)\s+(\S+)\s*$/);
        return match ? [[match[1], match[2]] as const] : [];
      }),
    );
    expect([...shown.keys()].sort()).toEqual(people.map((p) => p.email).sort());
    for (const person of people) {
      for (const [email, password] of shown) {
        expect(await verifyPassword(person.passwordHash, password), `${email}'s password on ${person.email}`).toBe(
          email === person.email,
        );
      }
    }
    // A second start prints nothing: the passwords were shown once.
    const again: string[] = [];
    await bootstrap({ seedDemo: true, log: (line) => again.push(line) });
    expect(again).toEqual([]);
    const [lead] = await db.select().from(users).where(eq(users.email, "lead@example.com"));
    expect(await verifyPassword(lead.passwordHash, shown.get("lead@example.com")!)).toBe(true);
  });
});
