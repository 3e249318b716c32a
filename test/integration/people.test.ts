import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { loadPrincipal } from "@/lib/auth/principal";
import { principalFromBearer } from "@/lib/auth/tokens";
import { verifyPassword } from "@/lib/auth/password";
import { createTeam, listTeams, setMembership } from "@/lib/people/teams";
import { createTokenFor, createUser, revokeToken } from "@/lib/people/users";
import { bootstrap } from "@/lib/people/first-start";

async function seedAdmin() {
  process.env.ADMIN_EMAIL = "root@example.com";
  process.env.ADMIN_PASSWORD = "correct horse battery staple";
  process.env.ADMIN_API_TOKEN = "cs_bootstrap-token-for-tests-0123456789";
  await bootstrap({ seedDemo: false, log: () => {} });
  const [row] = await db.select().from(users).where(eq(users.email, "root@example.com"));
  return (await loadPrincipal(row.id))!;
}

describe("people and tokens", () => {
  it("stores passwords and API tokens only as hashes", async () => {
    const admin = await seedAdmin();
    const analyst = await createUser(admin, {
      email: "ana@example.com",
      name: "Ana",
      password: "a long enough password",
    });
    const token = await createTokenFor(admin, analyst.id, "ci");

    const [userRow] = await db.select().from(users).where(eq(users.id, analyst.id));
    expect(userRow.passwordHash).toMatch(/^\$argon2id\$/);
    expect(userRow.passwordHash).not.toContain("a long enough password");
    expect(await verifyPassword(userRow.passwordHash, "a long enough password")).toBe(true);

    const tokenRows = await db.select().from(apiTokens);
    const serialized = JSON.stringify(tokenRows);
    expect(serialized).not.toContain(token.token);
    expect(serialized).not.toContain(process.env.ADMIN_API_TOKEN);
    expect(tokenRows.every((t) => /^[0-9a-f]{64}$/.test(t.tokenHash))).toBe(true);

    expect((await principalFromBearer(`Bearer ${token.token}`))?.email).toBe("ana@example.com");
    await revokeToken(admin, token.id);
    expect(await principalFromBearer(`Bearer ${token.token}`)).toBeNull();
  });

  it("a member cannot create teams or users, and an administrator can mark a lead", async () => {
    const admin = await seedAdmin();
    const member = await createUser(admin, { email: "m@example.com", name: "M", password: "another long password" });
    const memberPrincipal = (await loadPrincipal(member.id))!;
    await expect(createTeam(memberPrincipal, { name: "Red" })).rejects.toMatchObject({ status: 403 });
    await expect(
      createUser(memberPrincipal, { email: "x@example.com", name: "X", password: "yet another password" }),
    ).rejects.toMatchObject({ status: 403 });

    const team = await createTeam(admin, { name: "Blue" });
    await setMembership(admin, team.id, member.id, "lead");
    const teams = await listTeams();
    expect(teams.find((t) => t.id === team.id)?.members).toEqual([
      expect.objectContaining({ userId: member.id, role: "lead" }),
    ]);
    await expect(createTeam(admin, { name: "Blue" })).rejects.toMatchObject({ status: 409 });
  });
});
