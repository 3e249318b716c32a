// Who may manage which integrations, checked against a real database: the principal as loaded from
// the users and memberships tables, and the scope checks every integration route and action runs.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { authorizeProvider, authorizeScope, findIntegration, providerFor } from "@/lib/integrations/scope";
import { saveIntegration } from "@/lib/integrations/service";
import { seedWorld, type World } from "./integrations-harness";

let world: World;
const NO_SUCH_TEAM = "00000000-0000-4000-8000-0000000000ff";

beforeAll(async () => {
  world = await seedWorld();
});

/** "allowed", or the status and message a refused person gets. */
async function answer(check: () => Promise<unknown>): Promise<string> {
  try {
    await check();
    return "allowed";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.status} ${error.message}`;
  }
}

describe("who is asking", () => {
  it("is loaded with their admin flag and every team role they hold", async () => {
    const lead = (await loadPrincipal(world.lead.userId))!;
    expect(lead).toEqual({
      userId: world.lead.userId,
      email: "lead@example.com",
      name: "Lee",
      isAdmin: false,
      teams: [{ teamId: world.teamId, role: "lead" }],
    });
    expect(world.member.teams).toEqual([{ teamId: world.teamId, role: "member" }]);
    expect(world.admin.isAdmin).toBe(true);
  });

  it("is nobody when the account does not exist", async () => {
    expect(await loadPrincipal("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("who may manage an integration scope", () => {
  it("lets the lead of a team manage that team's integrations, and only that team's", async () => {
    expect(await answer(() => authorizeScope(world.lead, world.teamId))).toBe("allowed");
    expect(await answer(() => authorizeScope(world.admin, world.teamId))).toBe("allowed");
    expect(await answer(() => authorizeScope(world.lead, world.otherTeamId))).toBe(
      "403 Only an administrator or a lead of this team can do that",
    );
    expect(await answer(() => authorizeScope(world.member, world.teamId))).toBe(
      "403 Only an administrator or a lead of this team can do that",
    );
  });

  it("keeps the global integrations to administrators", async () => {
    expect(await answer(() => authorizeScope(world.admin, null))).toBe("allowed");
    expect(await answer(() => authorizeScope(world.lead, null))).toBe("403 Only an account administrator can do that");
  });

  it("tells an administrator a team does not exist, but a member only that they may not", async () => {
    expect(await answer(() => authorizeScope(world.admin, NO_SUCH_TEAM))).toBe("404 Team not found");
    expect(await answer(() => authorizeScope(world.admin, "not-a-uuid"))).toBe("404 Team not found");
    expect(await answer(() => authorizeScope(world.member, NO_SUCH_TEAM))).toMatch(/^403 /);
    expect(await answer(() => authorizeScope(world.member, "not-a-uuid"))).toMatch(/^403 /);
  });

  it("offers a provider only where it exists, after checking the role", async () => {
    expect(await answer(() => authorizeProvider(world.lead, "slack", world.teamId))).toBe("allowed");
    expect((await authorizeProvider(world.lead, "slack", world.teamId)).id).toBe("slack");
    expect(await answer(() => authorizeProvider(world.admin, "custom-webhook", world.teamId))).toBe(
      "404 Custom Webhook at team level not found",
    );
    expect(await answer(() => authorizeProvider(world.admin, "carrier-pigeon", null))).toBe(
      '404 Integration provider "carrier-pigeon" not found',
    );
    expect(await answer(() => authorizeProvider(world.member, "slack", world.teamId))).toMatch(/^403 /);
    expect(providerFor("pagerduty").name).toBe("PagerDuty");
  });

  it("finds a scope's own integration, never the global one for a team or a team's for the global scope", async () => {
    const admin: Principal = world.admin;
    await saveIntegration(admin, "pagerduty", null, { routingKey: "R0123456789abcdefR0123456789abcd" });
    expect(await findIntegration(db, "pagerduty", world.teamId)).toBeUndefined();
    await saveIntegration(admin, "pagerduty", world.teamId, { routingKey: "T0123456789abcdefT0123456789abcd" });
    const global = await findIntegration(db, "pagerduty", null);
    const team = await findIntegration(db, "pagerduty", world.teamId);
    expect(global?.teamId).toBeNull();
    expect(team?.teamId).toBe(world.teamId);
    expect(team?.id).not.toBe(global?.id);
    expect(await findIntegration(db, "slack", null)).toBeUndefined();
  });
});
