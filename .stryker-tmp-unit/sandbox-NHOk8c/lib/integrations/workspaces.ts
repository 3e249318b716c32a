// @ts-nocheck
import { db } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { decryptSecrets } from "@/lib/crypto/secrets";
import { ValidationError } from "@/lib/errors";
import { listMondayWorkspaces, type MondayWorkspace } from "./monday/client";
import { authorizeProvider, findIntegration } from "./scope";

/**
 * Live from monday.com with the global API token, for a team's "Default workspace" picker. Only
 * those who manage the team may ask: the list reveals the account's workspace names.
 */
export async function listTeamMondayWorkspaces(principal: Principal, teamId: string): Promise<MondayWorkspace[]> {
  await authorizeProvider(principal, "monday", teamId);
  const global = await findIntegration(db, "monday", null);
  const token = global ? decryptSecrets(global.secrets).apiToken : undefined;
  if (!token) throw new ValidationError("Set up the global Monday integration first; teams use its API token");
  return listMondayWorkspaces(token);
}
