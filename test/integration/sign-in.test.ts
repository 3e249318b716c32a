import { raceIt } from "@/test/support/race";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/sign-in";
import { createUser } from "@/lib/people/users";
import { setupAdmin } from "@/test/support/api";

const PASSWORD = "a long enough password";
const noWait = async () => {};
const attemptsOf = async (email: string, address: string) =>
  (
    await db
      .select()
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, email), eq(signInAttempts.address, address)))
  )[0]?.attempts ?? 0;

beforeAll(async () => {
  const admin = await setupAdmin();
  for (const email of ["victim@example.com", "burst@example.com", "slow@example.com"]) {
    await createUser(admin.principal, { email, name: email.split("@")[0], password: PASSWORD });
  }
});

describe("sign-in: failed attempts slow down the pair (email, client address)", () => {
  it("an attacker guessing from one address is refused, and the owner signing in from elsewhere gets in", async () => {
    for (let i = 0; i < 11; i++)
      expect((await checkCredentials("victim@example.com", `guess-${i}`, "198.51.100.7", noWait)).ok).toBe(false);
    expect(await checkCredentials("victim@example.com", PASSWORD, "198.51.100.7", noWait)).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
    const owner = await checkCredentials("victim@example.com", PASSWORD, "203.0.113.20", noWait);
    expect(owner.ok).toBe(true);
    // The owner's success leaves the attacker's count where it was.
    expect(await attemptsOf("victim@example.com", "198.51.100.7")).toBe(12);
  });

  raceIt("40 parallel wrong passwords from one address all count, and at most 10 of them are checked", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => checkCredentials("burst@example.com", `wrong-${i}`, "192.0.2.40", noWait)),
    );
    expect(await attemptsOf("burst@example.com", "192.0.2.40")).toBe(40);
    const refused = outcomes.filter((o) => !o.ok && o.reason === "too_many_attempts").length;
    expect(refused).toBe(30);
    expect(outcomes.filter((o) => o.ok)).toEqual([]);
  });

  it("a few failures make the next attempt wait, growing; a success starts the pair afresh", async () => {
    const waits: number[] = [];
    const record = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < 6; i++) await checkCredentials("slow@example.com", "nope", "192.0.2.9", record);
    expect(waits).toEqual([250, 500, 1000]);
    expect((await checkCredentials("slow@example.com", PASSWORD, "192.0.2.9", record)).ok).toBe(true);
    expect(await attemptsOf("slow@example.com", "192.0.2.9")).toBe(0);
    waits.length = 0;
    await checkCredentials("slow@example.com", "nope", "192.0.2.9", record);
    expect(waits).toEqual([]);
  });

  it("an unknown email is counted like a known one", async () => {
    expect(await checkCredentials("nobody@example.com", "x", "192.0.2.1", noWait)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await attemptsOf("nobody@example.com", "192.0.2.1")).toBe(1);
  });
});
