import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import * as teamsRoute from "@/app/api/v1/teams/route";
import * as membersRoute from "@/app/api/v1/teams/[teamId]/members/[userId]/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as tokensRoute from "@/app/api/v1/users/[userId]/tokens/route";
import { call, makeUser, setupAdmin, type Actor } from "@/test/support/api";
import { raceIt } from "@/test/support/race";

let admin: Actor;
let member: Actor;

beforeAll(async () => {
  admin = await setupAdmin();
  member = await makeUser(admin, "member@example.com");
});

describe("people and teams API", () => {
  it("answers 401 without a valid token", async () => {
    expect((await call(teamsRoute.GET)).status).toBe(401);
    const bad = await call(teamsRoute.GET, { token: "cs_nope" });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe("unauthorized");
  });

  it("lets an administrator create a team and set a lead, and refuses a member", async () => {
    const created = await call(teamsRoute.POST, { token: admin.token, body: { name: "Platform" } });
    expect(created.status).toBe(201);
    const teamId = created.body.id;

    const denied = await call(teamsRoute.POST, { token: member.token, body: { name: "Shadow" } });
    expect(denied.status).toBe(403);
    const deniedMembership = await call(membersRoute.PUT, {
      token: member.token,
      body: { role: "lead" },
      params: { teamId, userId: member.principal.userId },
    });
    expect(deniedMembership.status).toBe(403);

    const put = await call(membersRoute.PUT, {
      token: admin.token,
      body: { role: "lead" },
      params: { teamId, userId: member.principal.userId },
    });
    expect(put.status).toBe(200);
    const listed = await call(teamsRoute.GET, { token: member.token });
    expect(listed.status).toBe(200);
    expect(listed.body.map((t: { name: string }) => t.name)).toEqual(["Platform"]);
    expect(listed.body[0].members).toEqual([expect.objectContaining({ email: "member@example.com", role: "lead" })]);

    const removed = await call(membersRoute.DELETE, {
      token: admin.token,
      params: { teamId, userId: member.principal.userId },
      method: "DELETE",
    });
    expect(removed.status).toBe(204);
    const again = await call(membersRoute.DELETE, {
      token: admin.token,
      params: { teamId, userId: member.principal.userId },
      method: "DELETE",
    });
    expect(again.status).toBe(404);
  });

  it("names the bad field, and 404s unknown ids instead of failing", async () => {
    const invalid = await call(membersRoute.PUT, {
      token: admin.token,
      body: { role: "owner" },
      params: { teamId: "not-a-uuid", userId: "x" },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields).toHaveProperty("role");
    const unknown = await call(membersRoute.PUT, {
      token: admin.token,
      body: { role: "lead" },
      params: { teamId: "not-a-uuid", userId: "x" },
    });
    expect(unknown.status).toBe(404);
    const malformed = await call(teamsRoute.POST, { token: admin.token, rawBody: "{nope" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toHaveProperty("body");
  });

  it("creates users and service-account tokens, administrators only", async () => {
    const user = await call(usersRoute.POST, {
      token: admin.token,
      body: { email: "Bot@Example.com", name: "Scanner bot", password: "a long enough password" },
    });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({ email: "bot@example.com", isAdmin: false });
    expect(user.body).not.toHaveProperty("passwordHash");
    const dup = await call(usersRoute.POST, {
      token: admin.token,
      body: { email: "bot@example.com", name: "Again", password: "a long enough password" },
    });
    expect(dup.status).toBe(409);
    const short = await call(usersRoute.POST, {
      token: admin.token,
      body: { email: "x@example.com", name: "X", password: "short" },
    });
    expect(short.status).toBe(422);
    expect(short.body.error.fields).toHaveProperty("password");
    expect(
      (
        await call(usersRoute.POST, {
          token: member.token,
          body: { email: "y@example.com", name: "Y", password: "a long enough password" },
        })
      ).status,
    ).toBe(403);

    const token = await call(tokensRoute.POST, {
      token: admin.token,
      body: { name: "scanner" },
      params: { userId: user.body.id },
    });
    expect(token.status).toBe(201);
    expect(token.body.token).toMatch(/^cs_/);
    expect((await call(teamsRoute.GET, { token: token.body.token })).status).toBe(200);
    expect(
      (await call(tokensRoute.POST, { token: member.token, body: { name: "steal" }, params: { userId: user.body.id } }))
        .status,
    ).toBe(403);
  });

  it("an email too long to be an address is refused naming the field, not a 500, and no user is made", async () => {
    const count = async () => (await rows<{ n: number }>(db, sql`select count(*)::int as n from users`))[0].n;
    const before = await count();
    // Random letters do not compress: an index entry this long fails in the database unless refused first.
    const local = randomBytes(1600).toString("hex");
    const answer = await call(usersRoute.POST, {
      token: admin.token,
      body: { email: `${local}@example.com`, name: "Long", password: "a long enough password" },
    });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.body.error.fields)).toEqual(["email"]);
    expect(await count()).toBe(before);
    const longest = await call(usersRoute.POST, {
      token: admin.token,
      body: {
        email: `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com`,
        name: "Edge",
        password: "a long enough password",
      },
    });
    expect(longest.status).toBe(201);
  });
});

describe("people and teams API: simultaneous creations", () => {
  raceIt("the same team name or email sent three times at once makes one, and the others get 409", async () => {
    const teamsMade = await Promise.all(
      [1, 2, 3].map(() => call(teamsRoute.POST, { token: admin.token, body: { name: "Racers" } })),
    );
    expect(teamsMade.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const refused of teamsMade.filter((a) => a.status === 409))
      expect(refused.body.error.fields).toEqual({ name: "Already taken" });
    const usersMade = await Promise.all(
      [1, 2, 3].map(() =>
        call(usersRoute.POST, {
          token: admin.token,
          body: { email: "racer@example.com", name: "Racer", password: "a long enough password" },
        }),
      ),
    );
    expect(usersMade.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const refused of usersMade.filter((a) => a.status === 409))
      expect(refused.body.error.fields).toEqual({ email: "Already registered" });
    const count = async (table: string) =>
      (
        await rows<{ n: number }>(
          db,
          sql.raw(
            `select count(*)::int as n from ${table} where ${table === "teams" ? "name = 'Racers'" : "email = 'racer@example.com'"}`,
          ),
        )
      )[0].n;
    expect([await count("teams"), await count("users")]).toEqual([1, 1]);
  });
});
