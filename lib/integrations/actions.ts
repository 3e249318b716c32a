"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/api/action";
import { deleteIntegration, saveIntegration, testIntegration } from "@/lib/integrations/service";
import { listTeamMondayWorkspaces } from "@/lib/integrations/workspaces";

// Twins of the REST routes: the same service calls, so the same role checks and validation.
const PAGE = "/code-security/settings/integrations";
const target = { provider: z.string().min(1), teamId: z.string().min(1).nullable() };
const withValues = z.object({ ...target, values: z.record(z.string(), z.unknown()) });

export const saveIntegrationAction = validatedAction(withValues, async ({ provider, teamId, values }, principal) => {
  const view = await saveIntegration(principal, provider, teamId, values);
  revalidatePath(PAGE);
  return view;
});

export const testIntegrationAction = validatedAction(withValues, async ({ provider, teamId, values }, principal) => {
  const result = await testIntegration(principal, provider, teamId, values);
  revalidatePath(PAGE);
  return result;
});

export const deleteIntegrationAction = validatedAction(z.object(target), async ({ provider, teamId }, principal) => {
  await deleteIntegration(principal, provider, teamId);
  revalidatePath(PAGE);
  return null;
});

export const listMondayWorkspacesAction = validatedAction(
  z.object({ teamId: z.string().min(1) }),
  async ({ teamId }, principal) => listTeamMondayWorkspaces(principal, teamId),
);
