"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/api/action";
import { createTeamSchema, createTokenSchema } from "./schemas";
import { createTeam, removeMembership, setMembership } from "./teams";
import { createTokenFor, revokeToken } from "./users";

const TEAMS = "/code-security/settings/teams";
const TOKENS = "/code-security/settings/api-tokens";

export const createTeamAction = validatedAction(createTeamSchema, async (input, principal) => {
  const team = await createTeam(principal, input);
  revalidatePath(TEAMS);
  return team;
});

export const setMembershipAction = validatedAction(
  z.object({ teamId: z.string().uuid(), userId: z.string().uuid("Choose a person"), role: z.enum(["lead", "member"]) }),
  async ({ teamId, userId, role }, principal) => {
    const result = await setMembership(principal, teamId, userId, role);
    revalidatePath(TEAMS);
    return result;
  },
);

export const removeMembershipAction = validatedAction(
  z.object({ teamId: z.string().uuid(), userId: z.string().uuid() }),
  async ({ teamId, userId }, principal) => {
    await removeMembership(principal, teamId, userId);
    revalidatePath(TEAMS);
    return null;
  },
);

export const createTokenAction = validatedAction(createTokenSchema, async ({ name }, principal) => {
  const created = await createTokenFor(principal, principal.userId, name);
  revalidatePath(TOKENS);
  return { id: created.id, name: created.name, token: created.token };
});

export const revokeTokenAction = validatedAction(z.object({ id: z.string().uuid() }), async ({ id }, principal) => {
  await revokeToken(principal, id);
  revalidatePath(TOKENS);
  return null;
});
